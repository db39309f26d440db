import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';

export default defineCheck({
  id: 'AWS-SECRETSMANAGER-003',
  title: 'Secrets Manager secret policy does not let outsiders read or change the secret',
  severity: 'critical',
  provider: 'aws',
  service: 'secretsmanager',
  target: 'aws.secretsmanager.secret',
  rationale:
    'A secret holds credentials: a resource policy that lets any AWS account call `secretsmanager:GetSecretValue` ' +
    'hands them out, and one that lets it put a value or a policy takes the secret over. The policy is evaluated, as ' +
    'AWS does, for a principal in an unrelated account; conditions on your organisation, account or VPC endpoint keep ' +
    'outsiders out. Other accounts read a secret only through a customer managed key whose policy lets them decrypt ' +
    '(AWS-KMS-002 judges it); a secret under the AWS managed key `aws/secretsmanager` is reported at medium severity. Where ' +
    'a value is known only at deployment, the statements are read for a principal open to anyone. Setting ' +
    '`BlockPublicPolicy` makes Secrets Manager refuse such a policy.',
  remediation: {
    summary: 'Name the roles that read the secret, or pin `"*"` with `aws:PrincipalOrgID` or `aws:SourceVpce`; put the policy with `--block-public-policy`.',
    cli: 'aws secretsmanager put-resource-policy --secret-id SECRET --resource-policy file://secret-policy.json --block-public-policy',
    terraform: 'resource "aws_secretsmanager_secret_policy" "db" {\n  secret_arn          = aws_secretsmanager_secret.db.arn\n  policy              = data.aws_iam_policy_document.db_readers.json\n  block_public_policy = true\n}',
    cloudformation: 'DbSecretPolicy:\n  Type: AWS::SecretsManager::ResourcePolicy\n  Properties:\n    SecretId: !Ref DbSecret\n    BlockPublicPolicy: true\n    ResourcePolicy: ...',
  },
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/determine-acccess_examine-iam-policies.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html',
  ],
  evaluate(s, ctx) {
    // Other accounts can read a secret only through a customer managed key: with the AWS managed key the value stays
    // out of reach today, though the policy still grants it.
    // https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html
    const awsManagedKey = s.kmsKey.known && s.kmsKey.value === null;
    return exposureOutcome(ctx, {
      resource: s, policy: s.policy, what: `secret \`${s.name.known ? s.name.value : s.native.name}\``, restriction: 'resource',
      fix: 'name the principals that read the secret or pin them with `aws:PrincipalOrgID`',
      answer: (iam) => iam.resourceExposure(s.key),
      ...(awsManagedKey ? { blocked: { by: 'the AWS managed key `aws/secretsmanager` (not usable from other accounts)', severity: 'medium' as const } } : {}),
    });
  },
});
