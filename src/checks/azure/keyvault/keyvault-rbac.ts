import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-KEYVAULT-003',
  title: 'Key Vault uses Azure RBAC for data access',
  severity: 'low',
  provider: 'azure',
  service: 'keyvault',
  target: 'azure.keyvault.vault',
  rationale:
    'With access policies, anyone who can write the vault (Contributor) can grant themselves access to its secrets, and ' +
    'grants cannot be made eligible through PIM. The Azure RBAC permission model separates management from data access ' +
    'and supports just-in-time elevation.',
  remediation: {
    summary: 'Switch the vault to the Azure RBAC permission model and grant Key Vault data roles.',
    cli: 'az keyvault update --name VAULT --resource-group RG --enable-rbac-authorization true',
    terraform: 'resource "azurerm_key_vault" "this" {\n  # …\n  rbac_authorization_enabled = true\n}',
    arm: '"properties": { "enableRbacAuthorization": true }',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/rbac-guide', 'https://learn.microsoft.com/azure/key-vault/general/rbac-access-policy'],
  compliance: { 'cis-azure-2.1': ['8.6'] },
  evaluate(vault, ctx) {
    const name = displayName(vault);
    return expectValue(ctx, vault.rbacAuthorization, (v) => v, () => `Key Vault \`${name}\` uses access policies; enable the Azure RBAC permission model`, `cannot tell the permission model of Key Vault \`${name}\``);
  },
});
