import { defineCheck } from '../../kit/define-check.js';
import { principalText } from '../shared/iam.js';
import { code, listWords } from '../shared/text.js';

export default defineCheck({
  id: 'AWS-IAM-008',
  title: 'IAM users receive permissions only through groups',
  severity: 'low',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.user',
  rationale:
    'Policies attached to individual users drift: each user ends up with a slightly different, unreviewed set of ' +
    'permissions that nobody removes when the person changes role. Granting permissions only through groups keeps ' +
    'them in one place per job function and makes access reviews possible.',
  remediation: {
    summary: 'Move the user\'s inline and attached policies to a group for the job function and add the user to it.',
    cli: 'aws iam add-user-to-group --user-name USER --group-name GROUP\naws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN\naws iam delete-user-policy --user-name USER --policy-name POLICY',
    terraform: 'resource "aws_iam_group_policy_attachment" "developers" {\n  group      = aws_iam_group.developers.name\n  policy_arn = aws_iam_policy.developer.arn\n}\n\nresource "aws_iam_user_group_membership" "jane" {\n  user   = aws_iam_user.jane.name\n  groups = [aws_iam_group.developers.name]\n}',
    cloudformation: 'Developers:\n  Type: AWS::IAM::Group\n  Properties:\n    ManagedPolicyArns: [!Ref DeveloperPolicy]\nJane:\n  Type: AWS::IAM::User\n  Properties:\n    Groups: [!Ref Developers]',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  ],
  compliance: { 'cis-aws-3.0': ['1.15'] },
  evaluate(user, ctx) {
        const direct = [
      ...user.inlinePolicies.map((p) => ({ what: `inline policy ${code(p.name)}`, at: p.document.at })),
      ...user.managedPolicies.map((l) => ({ what: l.known ? `managed policy ${code(l.value)}` : 'a managed policy', at: l.at })),
    ];
    const [first] = direct;
    if (!first) return ctx.pass();
    return ctx.fail(first.at, `${principalText(user)} has ${listWords(direct.map((d) => d.what))} attached directly; grant them through a group instead`);
  },
});
