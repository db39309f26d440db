import { defineCheck } from '../../kit/define-check.js';
import { NO_SERVICE, citeAll, evidenceOf, whereOf } from './engine-outcomes.js';

export default defineCheck({
  id: 'AWS-IAM-101',
  title: 'IAM user is not an effective administrator',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.user',
  rationale:
    'A user is an administrator when the combination of its own policies, its groups\' policies and AWS managed ' +
    'policies, within its permissions boundary, allows every action on every resource, or every IAM write (which lets ' +
    'it grant itself the rest). This is judged by evaluating the policies as AWS does, not by looking for `"*"` in one ' +
    'document: an admin grant split across a group and a user policy is found, and one neutralised by a boundary or ' +
    'an explicit deny is not reported. Long-lived user credentials with administrator rights are the most common way ' +
    'an account is taken over.',
  remediation: {
    summary: 'Give people administrator access through roles assumed with MFA (IAM Identity Center), and leave users only the actions they need; add a permissions boundary where delegation is needed.',
    cli: 'aws iam remove-user-from-group --user-name USER --group-name admins\naws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    terraform: 'resource "aws_iam_user" "ci" {\n  name                 = "ci"\n  permissions_boundary = aws_iam_policy.ci_boundary.arn\n}',
    cloudformation: 'CiUser:\n  Type: AWS::IAM::User\n  Properties:\n    PermissionsBoundary: !Ref CiBoundary\n    Policies:\n      - PolicyName: deploy\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: [cloudformation:CreateStack, cloudformation:UpdateStack]\n              Resource: "*"',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(user, ctx) {
    const iam = ctx.services.iam;
    if (iam === undefined) return ctx.unknown(user.at, NO_SERVICE);
    const name = user.name.known ? user.name.value : user.native.name;
    const a = iam.administrator(user.key);
    if (a.level === 'none') return ctx.pass();
    if (a.level === 'unknown') return ctx.unknown(whereOf(a.grantedBy, user.at), `whether user \`${name}\` is an administrator depends on values not known before deployment: ${a.reason}`);
    const what = a.level === 'full' ? 'perform every action on every resource' : 'perform every IAM write action, enough to grant itself anything';
    return ctx.fail(whereOf(a.grantedBy, user.at), `user \`${name}\` can ${what} (through ${citeAll(a.grantedBy)}); grant it only the actions it needs and use roles for administration`, { evidence: evidenceOf(a.grantedBy) });
  },
});
