import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-KEYVAULT-006',
  title: 'Key Vault secret value is not written in the template',
  severity: 'high',
  provider: 'azure',
  service: 'keyvault',
  target: 'azure.keyvault.secret',
  rationale:
    'A secret whose value is written in the template (or as a parameter default) is stored in source control, in ' +
    'deployment history and in every copy of the repository: the vault protects a copy of something already leaked.',
  remediation: {
    summary: 'Pass the value at deployment time from a secure parameter without a default, or generate it (e.g. Terraform `random_password`) and never commit it.',
    cli: 'az keyvault secret set --vault-name VAULT --name NAME --file ./secret.txt',
    terraform: 'resource "random_password" "db" {\n  length = 32\n}\n\nresource "azurerm_key_vault_secret" "db" {\n  name         = "db-password"\n  value        = random_password.db.result\n  key_vault_id = azurerm_key_vault.this.id\n}',
    arm: '"parameters": { "dbPassword": { "type": "securestring" } },\n…\n"properties": { "value": "[parameters(\'dbPassword\')]" }',
  },
  references: ['https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#parameters', 'https://learn.microsoft.com/azure/key-vault/secrets/secrets-best-practices'],
  evaluate(secret, ctx) {
    const v = secret.value;
    // An unknown value is, by definition, not a literal in the configuration: nothing to report.
    if (!v.known || v.value === null || v.value === '') return ctx.pass();
    return ctx.fail(v, `Key Vault secret \`${displayName(secret)}\` has its value written in the template; pass it at deployment time instead`);
  },
});
