import { defineCheck } from '../../kit/define-check.js';
import { FULL_ADMIN, problemOutcomes } from './problems.js';
import { roleSubject } from './role-subject.js';

export default defineCheck({
  id: 'AWS-IAM-001',
  title: 'IAM role policies do not grant full administrator access',
  severity: FULL_ADMIN.severity,
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'A statement that allows `*` (or `*:*`) on `*` gives whoever holds the role every permission in the account, ' +
    'including changing IAM itself, so any compromise of the workload or of a principal that can assume the role ' +
    'becomes a compromise of the account. Least privilege means listing the actions and resources the role needs. ' +
    'Inline policies and the AWS managed `AdministratorAccess` policy are judged here; customer managed policies are ' +
    'judged where they are written (AWS-IAM-009).',
  remediation: {
    summary: 'Replace the `*` statement with the specific actions and resources the role needs (IAM Access Analyzer can generate a policy from CloudTrail activity).',
    cli: 'aws iam delete-role-policy --role-name ROLE --policy-name POLICY\naws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    terraform: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.uploads.arn}/*"]\n  }\n}',
    cloudformation: 'Policies:\n  - PolicyName: app\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: [s3:GetObject, s3:PutObject]\n          Resource: !Sub "${UploadsBucket.Arn}/*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(role, ctx) {
    return problemOutcomes(ctx, roleSubject(role), [FULL_ADMIN]);
  },
});
