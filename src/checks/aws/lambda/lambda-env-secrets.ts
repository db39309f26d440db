import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { isSecretName, isWeakValue, mask, secretReason } from '../../kit/secrets.js';

export default defineCheck({
  id: 'AWS-LAMBDA-001',
  title: 'Lambda function environment variables do not hold secrets',
  severity: 'high',
  provider: 'aws',
  service: 'lambda',
  target: 'aws.lambda.function',
  rationale:
    'Environment variables are shown in the Lambda console and returned by `GetFunctionConfiguration` to anyone with ' +
    'read access to the function, and they live in the template, its history and Terraform state. A password, token ' +
    'or access key there is readable far beyond the function. Store secrets in Secrets Manager or SSM Parameter Store ' +
    'and read them at run time (the Parameters and Secrets Lambda extension caches them).',
  remediation: {
    summary: 'Replace the literal with the secret\'s ARN or parameter name and read the value at run time.',
    cli: 'aws secretsmanager create-secret --name app/api-key --secret-string file://api-key.txt\naws lambda update-function-configuration --function-name FUNCTION --environment "Variables={API_KEY_SECRET_ARN=arn:aws:secretsmanager:REGION:ACCOUNT:secret:app/api-key}"',
    terraform: 'environment {\n  variables = {\n    DB_SECRET_ARN = aws_secretsmanager_secret.db.arn\n  }\n}',
    cloudformation: 'Environment:\n  Variables:\n    DB_SECRET_ARN: !Ref DbSecret',
  },
  references: [
    'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  ],
  evaluate(fn, ctx) {
    const name = fn.name.known ? fn.name.value : fn.native.name;
    const env = fn.environment;
    if (!env.known) return ctx.unknown(env, `cannot read the environment of function \`${name}\``);
    const out: Outcome[] = [];
    for (const [key, value] of Object.entries(env.value)) {
      if (!value.known) {
        // A value set at deployment is not written here; under a secret-like name it is still likely a secret.
        if (isSecretName(key)) out.push(ctx.unknown(value, `cannot tell whether function \`${name}\` environment variable \`${key}\` holds a secret`));
        continue;
      }
      const reason = secretReason(key, value.value);
      if (reason) out.push(ctx.fail(value, `function \`${name}\` environment variable \`${key}\` holds ${reason}${isWeakValue(value.value, true) ? '' : ` (\`${mask(value.value)}\`)`}; store it in Secrets Manager or SSM Parameter Store and read it at run time`));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
