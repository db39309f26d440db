/** Outcomes of the privilege-escalation checks (AWS-IAM-110, AWS-IAM-111): one finding per path, with its chain. */
import type { IamRole, IamUser } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import { NO_SERVICE, cite, whereOf } from '../shared/engine-outcomes.js';

export function escalationOutcomes(ctx: CheckContext, p: IamUser | IamRole, kind: 'user' | 'role'): Outcome | Outcome[] {
  const iam = ctx.services.iam;
  if (iam === undefined) return ctx.unknown(p.at, NO_SERVICE);
  const name = p.name.known ? p.name.value : p.native.name;
  const paths = iam.escalationPaths(p.key);
  if (paths.length === 0) return ctx.pass();
  return paths.map((path) => {
    const citations = path.steps.flatMap((s) => s.citations);
    const evidence = path.steps.map((s, k) => `${k + 1}. ${s.description}${s.citations.length > 0 ? ` [${s.citations.map(cite).join('; ')}]` : ''}`);
    const message = `${kind} \`${name}\` can escalate to ${path.gains} via ${path.method}: ${path.steps.map((s) => s.description).join(' → ')}; remove the permission at the first step`;
    return path.decision === 'allowed'
      ? ctx.fail(whereOf(citations, p.at), message, { evidence })
      : ctx.unknown(whereOf(citations, p.at), `${message} (depends on values not known before deployment)`);
  });
}
