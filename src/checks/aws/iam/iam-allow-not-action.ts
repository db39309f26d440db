import { defineCheck } from '../../kit/define-check.js';
import { POLICY_HOLDERS, judgePolicies } from './policy-subject.js';
import { NOT_ACTION } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-004',
  title: 'IAM policies do not use NotAction with Allow',
  severity: NOT_ACTION.severity,
  provider: 'aws',
  service: 'iam',
  target: POLICY_HOLDERS,
  rationale:
    '`Allow` with `NotAction` grants every action except the listed ones, across every service, including services ' +
    'and actions AWS adds later. AWS documents it as a way to grant more than intended; it belongs in `Deny` ' +
    'statements. Judged wherever a policy is written: inline policies of roles, users and groups and the AWS managed ' +
    '`PowerUserAccess` policy (built this way) on the principal, a customer managed policy once, on the policy.',
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
  evaluate(holder, ctx) {
    return judgePolicies(holder, ctx, NOT_ACTION);
  },
});
