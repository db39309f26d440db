import { defineCheck } from '../../kit/define-check.js';
import { principalText } from '../shared/iam.js';
import { ALL_PROBLEMS, problemOutcomes } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-009',
  title: 'Customer managed IAM policy does not grant broad wildcard permissions',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.policy',
  rationale:
    'A customer managed policy is written once and attached to many principals, often in other stacks or modules, so ' +
    'its mistakes multiply. This check reads each managed policy where it is written for the mistakes AWS-IAM-001, ' +
    '-002, -004, -005 and -007 look for in role policies: `*` on `*`, `service:*` on every resource, `Allow` with ' +
    '`NotAction` or `NotResource`, and `iam:PassRole` on every role. Each finding carries the severity of its mistake.',
  remediation: {
    summary: 'Rewrite the offending statement with the specific actions and resources the policy is meant for.',
    cli: 'aws iam create-policy-version --policy-arn POLICY_ARN --policy-document file://least-privilege.json --set-as-default',
    terraform: 'resource "aws_iam_policy" "reports_reader" {\n  name   = "reports-reader"\n  policy = data.aws_iam_policy_document.reports_reader.json\n}',
    cloudformation: 'ReportsReader:\n  Type: AWS::IAM::ManagedPolicy\n  Properties:\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: [s3:GetObject]\n          Resource: !Sub "${ReportsBucket.Arn}/*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(policy, ctx) {
    return problemOutcomes(ctx, { text: principalText(policy), documents: [{ label: '', document: policy.document }] }, ALL_PROBLEMS, true);
  },
});
