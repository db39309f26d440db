import { defineCheck } from '../../kit/define-check.js';
import { reportedAsAdministrator } from './iam-user-admin.js';
import { POLICY_HOLDERS, judgePolicies } from './policy-subject.js';
import { SERVICE_WIDE, serviceWide } from './problems.js';

/** On a user AWS-IAM-006 reports as an administrator, `iam:*` is part of that finding. */
const SERVICE_WIDE_BUT_IAM = serviceWide('iam');

export default defineCheck({
  id: 'AWS-IAM-002',
  title: 'IAM policies do not grant service-wide wildcards on all resources',
  severity: SERVICE_WIDE.severity,
  provider: 'aws',
  service: 'iam',
  target: POLICY_HOLDERS,
  rationale:
    '`s3:*` on `*` is S3 administration over every bucket in the account: reading and deleting any data, rewriting ' +
    'bucket policies, turning off Block Public Access. `iam:*` on `*` is account takeover. A service-wide wildcard ' +
    'also grants every action the service adds later. Judged wherever a policy is written: inline policies of roles, ' +
    'users and groups and the AWS managed policies they attach (read from their documents: `IAMFullAccess`, ' +
    '`AmazonS3FullAccess` ...) on the principal, a customer managed policy once, on ' +
    'the policy. On a user AWS-IAM-006 reports as an administrator, `iam:*` is part of that finding and is not ' +
    'reported again here.',
  remediation: {
    summary: 'List the actions the principal uses and scope `Resource` to the ARNs it works on.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://least-privilege.json',
    terraform: 'statement {\n  actions   = ["s3:GetObject", "s3:ListBucket"]\n  resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]\n}',
    cloudformation: '- Effect: Allow\n  Action: [s3:GetObject, s3:ListBucket]\n  Resource: [!GetAtt ReportsBucket.Arn, !Sub "${ReportsBucket.Arn}/*"]',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  ],
  evaluate(holder, ctx) {
    const problem = holder.kind === 'aws.iam.user' && reportedAsAdministrator(holder, ctx) ? SERVICE_WIDE_BUT_IAM : SERVICE_WIDE;
    return judgePolicies(holder, ctx, problem);
  },
});
