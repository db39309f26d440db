import { defineCheck } from '../../kit/define-check.js';
import { NOT_ACTION, problemOutcomes } from './problems.js';
import { roleSubject } from './role-subject.js';

export default defineCheck({
  id: 'AWS-IAM-004',
  title: 'IAM role policies do not use NotAction with Allow',
  severity: NOT_ACTION.severity,
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    '`Allow` with `NotAction` grants every action except the listed ones, across every service, including services ' +
    'and actions AWS adds later. AWS documents it as a way to grant more than intended; it belongs in `Deny` ' +
    'statements. The AWS managed `PowerUserAccess` policy is built this way and is reported too.',
  remediation: {
    summary: 'Rewrite the statement with `Action` listing the allowed actions; keep `NotAction` for `Deny` statements.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://explicit-actions.json',
    terraform: 'statement {\n  effect    = "Allow"\n  actions   = ["ec2:Describe*", "cloudwatch:GetMetricData"]\n  resources = ["*"]\n}',
    cloudformation: '- Effect: Allow\n  Action: ["ec2:Describe*", "cloudwatch:GetMetricData"]\n  Resource: "*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html',
  ],
  evaluate(role, ctx) {
    return problemOutcomes(ctx, roleSubject(role), [NOT_ACTION]);
  },
});
