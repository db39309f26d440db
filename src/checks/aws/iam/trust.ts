import type { EmbeddedDocument, Tri } from '../../../model/index.js';
import { triNot } from '../../../model/index.js';
import type { Statement } from '../shared/policy.js';
import { actionMatches, openToAnyone, some, statementsOf } from '../shared/policy.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

export interface OpenTrust {
  readonly statement: Statement;
  readonly open: Tri;
}

/** Whether a trust statement lets a principal assume the role (Action, or NotAction that leaves AssumeRole in). */
function allowsAssume(s: Statement): Tri {
  if (s.action) return some(s.action, (a) => ASSUME_ACTIONS.some((x) => actionMatches(a, x)));
  if (s.notAction) {
    const excluded = some(s.notAction, (a) => actionMatches(a, 'sts:AssumeRole'));
    return triNot(excluded);
  }
  return false;
}

/**
 * The Allow statements of a trust policy that let any principal assume the role with nothing pinning who: no
 * condition on organisation, account, principal ARN, source or external id with a fixed value, and no Deny guard
 * for everyone outside fixed identities.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 */
export function openTrustStatements(doc: EmbeddedDocument): OpenTrust[] {
  const all = statementsOf(doc);
  const out: OpenTrust[] = [];
  for (const s of all) {
    const open = openToAnyone(s, all, 'trust', allowsAssume);
    if (open !== false) out.push({ statement: s, open });
  }
  return out;
}
