/**
 * The judgement shared by the public-resource-policy checks (AWS-IAM-104…): the resource's own policy is evaluated
 * for outsiders (an anonymous caller, and a principal in an unrelated account) by the IAM engine.
 */
import type { Attr, Provenance } from '../../../model/core/index.js';
import type { EmbeddedDocument } from '../../../model/core/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import { NO_SERVICE, citeAll, evidenceOf, whereOf } from './engine-outcomes.js';

const WHO: Record<string, string> = { anyone: 'anyone on the internet', 'any-account': 'any AWS account' };

export function exposureOutcome(
  ctx: CheckContext, resource: { readonly key: string; readonly at: Provenance },
  policy: Attr<EmbeddedDocument | null> | undefined, what: string, fix: string,
): Outcome {
  const iam = ctx.services.iam;
  if (iam === undefined) return ctx.unknown(resource.at, NO_SERVICE);
  if (policy === undefined) return ctx.notApplicable();
  if (!policy.known) return ctx.unknown(policy, `cannot read the policy of ${what}`);
  if (policy.value === null) return ctx.pass();
  const e = iam.resourceExposure(resource.key);
  if (e === undefined || e.exposure === 'none' || e.exposure === 'restricted') return ctx.pass();
  if (e.exposure === 'unknown') return ctx.unknown(policy, `cannot tell whether outsiders can use ${what}: ${e.reason}`);
  const who = e.who.map((w) => WHO[w] ?? w).join(' and ');
  const loose = e.notRestrictedBy.length > 0 ? `; its conditions on ${e.notRestrictedBy.map((k) => `\`${k}\``).join(', ')} do not keep outsiders out` : '';
  return ctx.fail(whereOf(e.grantedBy, policy), `${what} lets ${who} call ${e.actions.map((a) => `\`${a}\``).join(', ')} (${citeAll(e.grantedBy)})${loose}; ${fix}`, { evidence: evidenceOf(e.grantedBy) });
}
