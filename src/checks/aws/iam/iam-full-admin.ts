import { defineCheck } from '../../kit/define-check.js';
import { reportedAsAdministrator } from './iam-user-admin.js';
import { POLICY_HOLDERS, judgePolicies } from './policy-subject.js';
import { FULL_ADMIN } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-001',
  title: 'IAM policies do not grant full administrator access',
  severity: FULL_ADMIN.severity,
  provider: 'aws',
  service: 'iam',
  target: POLICY_HOLDERS,
  rationale:
    'A statement that allows `*` (or `*:*`) on `*` gives whoever holds the policy every permission in the account, ' +
    'including changing IAM itself, so any compromise of a workload, a key or a principal that can assume the role ' +
    'becomes a compromise of the account. Least privilege means listing the actions and resources that are needed. ' +
    'Judged wherever a policy is written: inline policies of roles, users and groups and the AWS managed ' +
    '`AdministratorAccess` policy are reported on the principal; a customer managed policy is reported once, on the ' +
    'policy, however many principals attach it (one not among the inputs is undecided on each principal that ' +
    'attaches it). On a user, administrator access is AWS-IAM-006\'s finding: a user it reports is not reported here.',
  remediation: {
    summary: 'Replace the `*` statement with the specific actions and resources the principal needs (IAM Access Analyzer can generate a policy from CloudTrail activity).',
    cli: 'aws iam delete-role-policy --role-name ROLE --policy-name POLICY\naws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\naws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://least-privilege.json --set-as-default',
    terraform: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.uploads.arn}/*"]\n  }\n}',
    cloudformation: 'Policies:\n  - PolicyName: app\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: [s3:GetObject, s3:PutObject]\n          Resource: !Sub "${UploadsBucket.Arn}/*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(holder, ctx) {
    if (holder.kind === 'aws.iam.user' && reportedAsAdministrator(holder, ctx)) return ctx.notApplicable();
    return judgePolicies(holder, ctx, FULL_ADMIN);
  },
});
