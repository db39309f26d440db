import type { IamRole } from '../../../model/index.js';
import { inlineDocuments, principalText } from '../shared/iam.js';
import type { Subject } from './problems.js';

/**
 * A role's own identity policies: the inline policies written on it (CloudFormation `Policies`, Terraform
 * `inline_policy` and `aws_iam_role_policy`) and the AWS managed policies it attaches. Customer managed policies are
 * judged once, where they are written, by AWS-IAM-009.
 */
export function roleSubject(role: IamRole): Subject {
  return { text: principalText(role), documents: inlineDocuments(role.inlinePolicies), managedPolicies: role.managedPolicies };
}
