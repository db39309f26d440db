import type { Tri } from '../../../model/index.js';
import { triNot } from '../../../model/index.js';
import type { Statement } from '../shared/policy.js';
import { actionMatches, some } from '../shared/policy.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Whether a trust statement lets a principal assume the role (Action, or NotAction that leaves AssumeRole in): the
 * statements AWS-IAM-003 reads one by one when the IAM engine cannot decide.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 */
export function allowsAssume(s: Statement): Tri {
  if (s.action) return some(s.action, (a) => ASSUME_ACTIONS.some((x) => actionMatches(a, x)));
  if (s.notAction) {
    const excluded = some(s.notAction, (a) => actionMatches(a, 'sts:AssumeRole'));
    return triNot(excluded);
  }
  return false;
}
