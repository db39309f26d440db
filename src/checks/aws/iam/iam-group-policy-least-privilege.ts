import { defineCheck } from '../../kit/define-check.js';
import { inlineDocuments, principalText } from '../shared/iam.js';
import { ALL_PROBLEMS, problemOutcomes } from './problems.js';

export default defineCheck({
  id: 'AWS-IAM-010',
  title: 'IAM group policies do not grant broad wildcard permissions',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.group',
  rationale:
    'Groups are where users should get their permissions (AWS-IAM-008), so a group policy with `*` on `*`, ' +
    '`service:*` on every resource, `Allow` with `NotAction`/`NotResource` or `iam:PassRole` on every role hands that ' +
    'grant to every member and their long-term credentials. Inline group policies and the AWS managed ' +
    '`AdministratorAccess`, `PowerUserAccess` and `IAMFullAccess` attachments are judged here; customer managed ' +
    'policies where they are written (AWS-IAM-009). Each finding carries the severity of its mistake.',
  remediation: {
    summary: 'Give the group the specific actions and resources its job function needs; keep administration in roles assumed with MFA.',
    cli: 'aws iam detach-group-policy --group-name GROUP --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\naws iam put-group-policy --group-name GROUP --policy-name POLICY --policy-document file://least-privilege.json',
    terraform: 'resource "aws_iam_group_policy" "developers" {\n  group  = aws_iam_group.developers.name\n  policy = data.aws_iam_policy_document.developers.json\n}',
    cloudformation: 'Developers:\n  Type: AWS::IAM::Group\n  Properties:\n    Policies:\n      - PolicyName: developers\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: [logs:GetLogEvents, logs:FilterLogEvents]\n              Resource: "*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(group, ctx) {
    return problemOutcomes(ctx, { text: principalText(group), documents: inlineDocuments(group.inlinePolicies), managedPolicies: group.managedPolicies }, ALL_PROBLEMS, true);
  },
});
