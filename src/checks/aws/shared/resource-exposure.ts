/**
 * The one judgement behind every "policy open to outsiders" check: role trust policies (AWS-IAM-003) and resource
 * policies (AWS-S3-003, AWS-KMS-002, AWS-SQS-001, AWS-SNS-001, AWS-SECRETSMANAGER-003, AWS-LAMBDA-002).
 *
 * The IAM engine evaluates the policy for outsiders (an anonymous caller where the service accepts one, a principal
 * in an unrelated account, a GitHub repository for GitHub OIDC trust) and decides. Where it cannot (the service is not
 * built for the inputs, the resource has no ARN or name yet, or a value is not known before deployment) the statements
 * are read one by one for a principal open to anyone with nothing pinning who, from their known text: a principal
 * `arn:aws:iam::<unknown>:root` names one account, never everyone. One outcome per resource, whichever way.
 */
import type { Attr, EmbeddedDocument, Provenance, Tri } from '../../../model/index.js';
import type { ExposureAnswer, IamService } from '../../kit/services/iam.js';
import type { CheckContext, Outcome, Severity } from '../../kit/types.js';
import { citeAll, evidenceOf, whereOf } from './engine-outcomes.js';
import type { RestrictionContext, Statement } from './policy.js';
import { describeStatement, openToAnyone, statementsOf } from './policy.js';

const WHO: Record<string, string> = {
  anyone: 'anyone on the internet',
  'any-account': 'any AWS account',
  'any-github-repository': 'any GitHub repository (through GitHub Actions OIDC)',
};

/** `any-account (through s3.amazonaws.com)`: a service acting for any account that points its resources at yours. */
function whoText(w: string): string {
  const through = /^any-account \(through (.+)\)$/.exec(w);
  return through ? `any AWS account through \`${through[1]}\`` : WHO[w] ?? w;
}

export interface ExposureSubject {
  readonly resource: { readonly key: string; readonly at: Provenance };
  /** The policy attribute; undefined when the resource kind has none in these inputs. */
  readonly policy: Attr<EmbeddedDocument | null> | undefined;
  /** `bucket \`logs\``, `role \`ci\``: how messages name the resource. */
  readonly what: string;
  /** What to do, for messages. */
  readonly fix: string;
  /** Which condition keys pin who, when the statements are read one by one. */
  readonly restriction: RestrictionContext;
  /** Narrows the statements read one by one (e.g. to those allowing `sts:AssumeRole`). */
  readonly relevant?: (s: Statement) => Tri;
  /** The engine's answer for this resource. */
  readonly answer: (iam: IamService) => ExposureAnswer | undefined;
  /** Set when a setting outside the policy blocks the grant today (S3 Block Public Access): a lower severity and why. */
  readonly blocked?: { readonly by: string; readonly severity: Severity };
  /** Trust policies say "can be assumed by", resource policies "lets … call". */
  readonly phrasing?: 'trust' | 'resource';
}

export function exposureOutcome(ctx: CheckContext, subject: ExposureSubject): Outcome {
  const { policy, what, fix, blocked } = subject;
  if (policy === undefined) return ctx.notApplicable();
  if (!policy.known) return ctx.unknown(policy, `cannot read the policy of ${what}`);
  if (policy.value === null) return ctx.pass();
  const extra = blocked !== undefined ? { severity: blocked.severity } : {};
  const today = blocked !== undefined ? `; ${blocked.by} blocks it today, but ${fix}` : `; ${fix}`;

  const iam = ctx.services.iam;
  const e = iam === undefined ? undefined : subject.answer(iam);
  if (e?.exposure === 'public') {
    const who = e.who.map(whoText).join(' and ');
    const loose = e.notRestrictedBy.length > 0 ? `; its conditions on ${e.notRestrictedBy.map((k) => `\`${k}\``).join(', ')} do not keep outsiders out` : '';
    const does = subject.phrasing === 'trust'
      ? `can be assumed by ${who}`
      : `lets ${who} call ${e.actions.map((a) => `\`${a}\``).join(', ')}`;
    return ctx.fail(whereOf(e.grantedBy, policy), `${what} ${does} (${citeAll(e.grantedBy)})${loose}${today}`, { ...extra, evidence: evidenceOf(e.grantedBy) });
  }
  if (e?.exposure === 'none' || e?.exposure === 'restricted') return ctx.pass();

  // The engine could not decide (or is not there): read the statements for a principal open to anyone.
  const all = statementsOf(policy.value);
  const open: Statement[] = [];
  let undecided: Statement | undefined;
  for (const s of all) {
    const o = openToAnyone(s, all, subject.restriction, subject.relevant);
    if (o === true) open.push(s);
    else if (o === 'unknown') undecided ??= s;
  }
  const [first] = open;
  if (first !== undefined) {
    const which = open.map(describeStatement).join(', ');
    const does = subject.phrasing === 'trust' ? 'lets any AWS principal assume the role' : 'allows any principal';
    return ctx.fail(first.at, `${what} ${subject.phrasing === 'trust' ? 'trust ' : ''}policy ${which} ${does} with no restricting condition${today}`, extra);
  }
  // Federated (web identity, SAML) principals are judged by the engine only: their claims are not read here.
  if (undecided === undefined && e?.exposure === 'unknown') undecided = all.find((x) => x.effect !== 'Deny' && federated(x));
  if (undecided !== undefined) {
    const why = e?.exposure === 'unknown' ? e.reason : 'part of it is not known before deployment';
    return ctx.unknown(undecided.at, `cannot tell whether ${what} ${subject.phrasing === 'trust' ? 'trust policy' : 'policy'} ${describeStatement(undecided)} is open to anyone: ${why}`);
  }
  return ctx.pass();
}

function federated(s: Statement): boolean {
  const p = s.principal;
  return p !== null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).some((k) => k.toLowerCase() === 'federated');
}
