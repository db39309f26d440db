import { defineCheck } from '../../kit/define-check.js';
import { what } from './parameter.js';
import { isSecretName } from '../../kit/secrets.js';

export default defineCheck({
  id: 'IAC-SECRETS-001',
  title: 'Secret-named template parameter is hidden',
  severity: 'medium',
  provider: 'iac',
  service: 'secrets',
  target: 'iac.parameter',
  rationale:
    'A parameter or variable that carries a password, token or key is shown in plain text unless it is marked: ' +
    'CloudFormation prints parameter values in the console, `DescribeStacks` and events unless `NoEcho: true`; ARM ' +
    'keeps deployment parameters in the deployment history unless the type is `securestring`/`secureObject`; ' +
    'Terraform prints variables in plan output unless `sensitive = true`.',
  remediation: {
    summary: 'Mark the parameter as secret (`NoEcho: true`, `securestring`, `sensitive = true`), or better, pass a reference to a secret instead of the value.',
    terraform: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}',
    cloudformation: 'DbPassword:\n  Type: String\n  NoEcho: true',
    arm: '"adminPassword": { "type": "securestring" }',
  },
  references: [
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
    'https://learn.microsoft.com/azure/azure-resource-manager/templates/data-types#secure-strings-and-objects',
    'https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output',
  ],
  evaluate(param, ctx) {
    if (!isSecretName(param.name)) return ctx.notApplicable();
    const h = param.hidden;
    if (!h.known) return ctx.unknown(h, `cannot tell whether ${what(param)} \`${param.name}\` is hidden`);
    if (h.value) return ctx.pass();
    return ctx.fail(h, `${what(param)} \`${param.name}\` looks like a secret but is not hidden; mark it \`NoEcho\` / \`securestring\` / \`sensitive\``);
  },
});
