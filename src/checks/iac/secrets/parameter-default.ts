import { defineCheck } from '../../kit/define-check.js';
import { what } from './parameter.js';
import { isSecretName, isWeakValue, mask, secretReason } from '../../kit/secrets.js';

export default defineCheck({
  id: 'IAC-SECRETS-002',
  title: 'Template parameters do not have hard-coded secret defaults',
  severity: 'high',
  provider: 'iac',
  service: 'secrets',
  target: 'iac.parameter',
  rationale:
    'A default value is part of the template: it is committed, copied and deployed wherever nobody overrides it, ' +
    'whether or not the parameter is hidden. A password default (often a placeholder like `changeme` that nobody ' +
    'changes) or an access key default is a credential published with the code.',
  remediation: {
    summary: 'Remove the default and supply the value at deployment from a secret store (or reference the secret itself).',
    terraform: 'variable "db_password" {\n  type      = string\n  sensitive = true\n  # no default: pass it with TF_VAR_db_password from the CI secret store\n}',
    cloudformation: 'DbPassword:\n  Type: String\n  NoEcho: true\n  # no Default; or use "{{resolve:secretsmanager:prod/db:SecretString:password}}" where the value is used',
    arm: '"adminPassword": { "type": "securestring" }\n// and a Key Vault reference in the parameter file',
  },
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
    'https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter',
  ],
  evaluate(param, ctx) {
    const d = param.defaultValue;
    if (!d.known) return isSecretName(param.name) ? ctx.unknown(d, `cannot tell whether ${what(param)} \`${param.name}\` has a secret default`) : ctx.notApplicable();
    if (d.value === null) return ctx.pass();
    const reason = secretReason(param.name, d.value);
    if (!reason) return ctx.pass();
    return ctx.fail(d, `${what(param)} \`${param.name}\` has a default that is ${reason}${isWeakValue(d.value, true) ? '' : ` (\`${mask(d.value)}\`)`}; remove the default and pass the value from a secret store`);
  },
});
