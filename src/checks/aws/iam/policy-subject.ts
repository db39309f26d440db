import type { Estate, IamGroup, IamManagedPolicy, IamRole, IamUser } from '../../../model/index.js';
import { awsManagedPolicyName, inlineDocuments, isAwsManagedPolicy, managedPolicyOf, principalText } from '../shared/iam.js';
import { code } from '../shared/text.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { Problem, Subject } from './problems.js';
import { problemOutcomes } from './problems.js';

/** Every place an identity policy is written: the kinds AWS-IAM-001/002/004/005/007 judge. */
export const POLICY_HOLDERS = ['aws.iam.role', 'aws.iam.user', 'aws.iam.group', 'aws.iam.policy'] as const;

export type PolicyHolder = IamRole | IamUser | IamGroup | IamManagedPolicy;

/**
 * What a policy check reads on one resource, so that each policy is judged in exactly one place:
 * - a customer managed policy: its document, once, however many principals attach it;
 * - a role, user or group: its inline policies, the AWS managed policies it attaches (their text is AWS's, the
 *   attachment is the principal's), and the customer managed policies it attaches that are not among the inputs
 *   (unreadable, so undecided here and nowhere else). Attached policies of the inputs are the policy's findings.
 * An AWS managed policy listed as a resource (an authorization-details export lists those in use) is judged on the
 * principals that attach it: `undefined`.
 */
export function policySubject(holder: PolicyHolder, estate: Estate): Subject | undefined {
  const text = principalText(holder);
  if (holder.kind === 'aws.iam.policy') {
    return isAwsManagedPolicy(holder) ? undefined : { text, documents: [{ label: '', document: holder.document }] };
  }
  const unreadable = holder.managedPolicies.flatMap((l) => {
    if (l.known && awsManagedPolicyName(l.value) !== undefined) return [];
    if (managedPolicyOf(estate, l) !== undefined) return [];
    return [{ at: l.at, what: l.known ? `managed policy ${code(l.value)}, which is not among the inputs` : 'a managed policy whose ARN is not known before deployment' }];
  });
  return { text, documents: inlineDocuments(holder.inlinePolicies), managedPolicies: holder.managedPolicies, unreadable };
}

/** One problem judged on one resource, wherever its policies are written. */
export function judgePolicies(holder: PolicyHolder, ctx: CheckContext, problem: Problem): Outcome | Outcome[] {
  const subject = policySubject(holder, ctx.estate);
  return subject === undefined ? ctx.notApplicable() : problemOutcomes(ctx, subject, problem);
}
