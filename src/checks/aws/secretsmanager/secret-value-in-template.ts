import { defineCheck } from '../../kit/define-check.js';
import { isReference } from '../../kit/secrets.js';

export default defineCheck({
  id: 'AWS-SECRETSMANAGER-002',
  title: 'Secrets Manager secret value is not written in the template',
  severity: 'high',
  provider: 'aws',
  service: 'secretsmanager',
  target: 'aws.secretsmanager.secret',
  rationale:
    'A `SecretString` written into a template (or a Terraform `secret_string` literal) is stored in version control, ' +
    'in CloudFormation\'s template history and in Terraform state, readable by everyone who can read those: the ' +
    'secret is no longer secret, whatever Secrets Manager does afterwards. Let Secrets Manager generate the value ' +
    '(`GenerateSecretString`, `manage_master_user_password`) or set it out of band.',
  remediation: {
    summary: 'Remove the literal value; generate it with `GenerateSecretString` (CloudFormation) or a `random_password` you never commit, or put it with the CLI after deployment.',
    cli: 'aws secretsmanager put-secret-value --secret-id SECRET --secret-string file://secret.json',
    terraform: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n# set the value out of band, or generate it:\n# aws secretsmanager put-secret-value --secret-id prod/db --secret-string file://secret.json',
    cloudformation: 'DbSecret:\n  Type: AWS::SecretsManager::Secret\n  Properties:\n    GenerateSecretString:\n      SecretStringTemplate: \'{"username": "app"}\'\n      GenerateStringKey: password\n      PasswordLength: 32\n      ExcludeCharacters: \'"@/\\\'',
  },
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/create_secret.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
  ],
  evaluate(secret, ctx) {
    const name = secret.name.known ? secret.name.value : secret.native.name;
    const v = secret.secretString;
    if (!v.known) return ctx.unknown(v, `cannot tell whether the value of secret \`${name}\` is written in the template`);
    if (v.value === null || v.value.trim() === '' || isReference(v.value)) return ctx.pass();
    return ctx.fail(v, `secret \`${name}\` has its value written in the template; generate it (\`GenerateSecretString\`) or set it outside the template`);
  },
});
