import { defineCheck } from '../../kit/define-check.js';
import { POLICY_HOLDERS, judgePolicies } from './policy-subject.js';
import { PASS_ROLE } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-007',
  title: 'IAM policies do not allow iam:PassRole on every role',
  severity: PASS_ROLE.severity,
  provider: 'aws',
  service: 'iam',
  target: POLICY_HOLDERS,
  rationale:
    '`iam:PassRole` on `*` lets the holder hand any role in the account, including administrator roles, to a ' +
    'service it can drive (a Lambda function, an EC2 instance, a CloudFormation stack) and act with that role\'s ' +
    'permissions: a privilege escalation path. Name the roles that may be passed, and the services, with ' +
    '`iam:PassedToService`. (`*` and `iam:*` are reported by AWS-IAM-001 and AWS-IAM-002.) Judged wherever a ' +
    'policy is written: inline policies of roles, users and groups on the principal, a customer managed policy once, ' +
    'on the policy.',
  remediation: {
    summary: 'Scope `iam:PassRole` to the ARNs of the roles the principal must pass, with an `iam:PassedToService` condition.',
    cli: 'aws iam put-role-policy --role-name ROLE --policy-name pass-app-role --policy-document file://pass-role.json',
    terraform: 'statement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.app.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["lambda.amazonaws.com"]\n  }\n}',
    cloudformation: '- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt AppRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: lambda.amazonaws.com',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
  ],
  evaluate(holder, ctx) {
    return judgePolicies(holder, ctx, PASS_ROLE);
  },
});
