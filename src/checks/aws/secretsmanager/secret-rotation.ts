import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-SECRETSMANAGER-001',
  title: 'Secrets Manager secret has rotation enabled',
  severity: 'medium',
  provider: 'aws',
  service: 'secretsmanager',
  target: 'aws.secretsmanager.secret',
  rationale:
    'A secret that never changes stays valid wherever it has leaked: old laptops, CI logs, former employees. ' +
    'Secrets Manager can rotate it on a schedule with a rotation function (managed rotation for RDS, Redshift and ' +
    'DocumentDB credentials), so a leaked value expires on its own.',
  remediation: {
    summary: 'Configure rotation for the secret with a rotation function (or managed rotation) and a schedule.',
    cli: 'aws secretsmanager rotate-secret --secret-id SECRET --rotation-lambda-arn arn:aws:lambda:REGION:ACCOUNT:function:ROTATOR --rotation-rules AutomaticallyAfterDays=30',
    terraform: 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotator.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
    cloudformation: 'DbSecretRotation:\n  Type: AWS::SecretsManager::RotationSchedule\n  Properties:\n    SecretId: !Ref DbSecret\n    HostedRotationLambda:\n      RotationType: PostgreSQLSingleUser\n    RotationRules:\n      AutomaticallyAfterDays: 30',
  },
  references: [
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_managed.html',
  ],
  evaluate(secret, ctx) {
    const name = secret.name.known ? secret.name.value : secret.native.name;
    const r = secret.rotation;
    if (!r.known) return ctx.unknown(r, `cannot tell whether secret \`${name}\` rotates`);
    if (r.value === null) return ctx.fail(r, `secret \`${name}\` has no rotation configured; add a rotation schedule`);
    if (!r.value.enabled) return ctx.fail(r, `secret \`${name}\` has rotation turned off; enable it`);
    return ctx.pass();
  },
});
