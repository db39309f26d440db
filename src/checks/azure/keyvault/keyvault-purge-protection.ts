import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-KEYVAULT-001',
  title: 'Key Vault has purge protection',
  severity: 'medium',
  provider: 'azure',
  service: 'keyvault',
  target: 'azure.keyvault.vault',
  rationale:
    'Soft delete is always on, but without purge protection anyone with purge permission (or an attacker holding it) ' +
    'can permanently destroy a deleted vault and its keys during the retention period — and with them every resource ' +
    'encrypted by those keys. Purge protection cannot be turned off once on.',
  remediation: {
    summary: 'Enable purge protection on the vault.',
    cli: 'az keyvault update --name VAULT --resource-group RG --enable-purge-protection true',
    terraform: 'resource "azurerm_key_vault" "this" {\n  # …\n  purge_protection_enabled = true\n}',
    arm: '"properties": { "enableSoftDelete": true, "enablePurgeProtection": true }',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview'],
  compliance: { 'cis-azure-2.1': ['8.5'] },
  evaluate(vault, ctx) {
    const name = displayName(vault);
    return expectValue(ctx, vault.purgeProtection, (v) => v, (_v, d) => `Key Vault \`${name}\` has no purge protection${d ? ' (off by default)' : ''}; enable it`, `cannot tell whether Key Vault \`${name}\` has purge protection`);
  },
});
