import { defineCheck } from '../../kit/define-check.js';
import { SERVICE_WIDE, problemOutcomes } from './problems.js';
import { roleSubject } from './role-subject.js';

export default defineCheck({
  id: 'AWS-IAM-002',
  title: 'IAM role policies do not grant service-wide wildcards on all resources',
  severity: SERVICE_WIDE.severity,
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    '`s3:*` on `*` is S3 administration over every bucket in the account: reading and deleting any data, rewriting ' +
    'bucket policies, turning off Block Public Access. `iam:*` on `*` is account takeover. A service-wide wildcard ' +
    'also grants every action the service adds later. Inline policies and the AWS managed `IAMFullAccess` policy are ' +
    'judged here; customer managed policies where they are written (AWS-IAM-009).',
  remediation: {
    summary: 'List the actions the role uses and scope `Resource` to the ARNs it works on.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://least-privilege.json',
    terraform: 'statement {\n  actions   = ["s3:GetObject", "s3:ListBucket"]\n  resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]\n}',
    cloudformation: '- Effect: Allow\n  Action: [s3:GetObject, s3:ListBucket]\n  Resource: [!GetAtt ReportsBucket.Arn, !Sub "${ReportsBucket.Arn}/*"]',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  ],
  evaluate(role, ctx) {
    return problemOutcomes(ctx, roleSubject(role), [SERVICE_WIDE]);
  },
});
