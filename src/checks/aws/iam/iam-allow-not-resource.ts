import { defineCheck } from '../../kit/define-check.js';
import { POLICY_HOLDERS, judgePolicies } from './policy-subject.js';
import { NOT_RESOURCE } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-005',
  title: 'IAM policies do not use NotResource with Allow',
  severity: NOT_RESOURCE.severity,
  provider: 'aws',
  service: 'iam',
  target: POLICY_HOLDERS,
  rationale:
    '`Allow` with `NotResource` grants the actions on every resource except the listed ones: every other bucket, ' +
    'table or key in the account, and every one created later. AWS recommends `NotResource` only in `Deny` ' +
    'statements or with narrowly listed actions. ' +
    'Judged wherever a policy is written: inline policies of roles, users and groups on the principal, a customer ' +
    'managed policy once, on the policy.',
  remediation: {
    summary: 'Rewrite the statement with `Resource` listing the resources the principal may use.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name POLICY --policy-document file://explicit-resources.json',
    terraform: 'statement {\n  actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]\n  resources = [aws_dynamodb_table.orders.arn]\n}',
    cloudformation: '- Effect: Allow\n  Action: [dynamodb:GetItem, dynamodb:PutItem]\n  Resource: !GetAtt OrdersTable.Arn',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html'],
  evaluate(holder, ctx) {
    return judgePolicies(holder, ctx, NOT_RESOURCE);
  },
});
