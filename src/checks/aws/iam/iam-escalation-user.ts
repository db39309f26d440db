import { defineCheck } from '../../kit/define-check.js';
import { escalationOutcomes } from './escalation.js';

export default defineCheck({
  id: 'AWS-IAM-110',
  title: 'IAM user has no privilege-escalation path',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.user',
  rationale:
    'A user that is not an administrator can still become one through a known escalation: rewriting a managed policy ' +
    'attached to itself (`iam:CreatePolicyVersion`), writing or attaching policies to itself or its groups, joining an ' +
    'administrators group, creating access keys or console passwords for an administrator, assuming an administrator ' +
    'role or rewriting its trust policy, passing an administrator role to a service that runs its code (Lambda, EC2, ' +
    'CloudFormation, Glue, CodeBuild, SageMaker, ECS), or replacing the code of a function that runs as one. Each ' +
    'step is evaluated with the engine, so conditions, boundaries and denies are taken into account; the finding lists ' +
    'the chain of statements that make the path.',
  remediation: {
    summary: 'Remove the permission at the first step of the chain, scope `iam:PassRole` to the roles the user must pass (with `iam:PassedToService`), or set a permissions boundary that denies IAM writes.',
    cli: 'aws iam delete-user-policy --user-name USER --policy-name POLICY',
    terraform: 'statement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.app.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["lambda.amazonaws.com"]\n  }\n}',
    cloudformation: '- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt AppRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: lambda.amazonaws.com',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  ],
  evaluate(user, ctx) {
    return escalationOutcomes(ctx, user, 'user');
  },
});
