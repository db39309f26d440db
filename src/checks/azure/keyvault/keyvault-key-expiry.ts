import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-KEYVAULT-005',
  title: 'Key Vault key has an expiry date',
  severity: 'medium',
  provider: 'azure',
  service: 'keyvault',
  target: 'azure.keyvault.key',
  rationale:
    'A key without an expiry date is valid forever: nothing forces rotation, and a leaked copy stays useful ' +
    'indefinitely. An expiry date makes rotation a scheduled event that monitoring can track.',
  remediation: {
    summary: 'Set an expiry date on the key and rotate it before then.',
    cli: 'az keyvault key set-attributes --vault-name VAULT --name NAME --expires 2027-01-01T00:00:00Z',
    terraform: 'resource "azurerm_key_vault_key" "this" {\n  # …\n  expiration_date = "2027-01-01T00:00:00Z"\n}',
    arm: '"properties": { "attributes": { "exp": 1798761600 } }',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates', 'https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation'],
  compliance: { 'cis-azure-2.1': ['8.1', '8.2'] },
  evaluate(item, ctx) {
    const name = displayName(item);
    if (!item.expires.known) return ctx.unknown(item.expires, `cannot tell whether Key Vault key \`${name}\` expires`);
    if (item.expires.value === null) return ctx.fail(item.expires, `Key Vault key \`${name}\` never expires; set an expiry date and rotate it`);
    return ctx.pass();
  },
});
