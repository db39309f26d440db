import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-KEYVAULT-002',
  title: 'Key Vault is not open to every network',
  severity: 'medium',
  provider: 'azure',
  service: 'keyvault',
  target: 'azure.keyvault.vault',
  rationale:
    'A vault with public network access enabled and no network rules accepts requests from the whole internet; a ' +
    'leaked token or secret-reading identity can then be used from anywhere. Private endpoints or a default Deny with ' +
    'allowed networks confine it to where it is used.',
  remediation: {
    summary: 'Disable public network access and use a private endpoint, or set the network ACL default action to Deny with the networks that need access.',
    cli: 'az keyvault update --name VAULT --resource-group RG --public-network-access Disabled',
    terraform: 'resource "azurerm_key_vault" "this" {\n  # …\n  public_network_access_enabled = false\n  network_acls {\n    default_action = "Deny"\n    bypass         = "AzureServices"\n  }\n}',
    arm: '"properties": { "publicNetworkAccess": "Disabled", "networkAcls": { "defaultAction": "Deny", "bypass": "AzureServices" } }',
  },
  references: ['https://learn.microsoft.com/azure/key-vault/general/network-security', 'https://learn.microsoft.com/azure/key-vault/general/private-link-service'],
  compliance: { 'cis-azure-2.1': ['8.7'] },
  evaluate(vault, ctx) {
    const name = displayName(vault);
    const pna = vault.publicNetworkAccess;
    if (pna.known && pna.value.toLowerCase() === 'disabled') return ctx.pass();
    const action = vault.networkDefaultAction;
    if (!action.known) return ctx.unknown(action, `cannot tell the network default action of Key Vault \`${name}\``);
    if (action.value.toLowerCase() === 'deny') return ctx.pass();
    if (!pna.known) return ctx.unknown(pna, `cannot tell whether Key Vault \`${name}\` allows public network access`);
    return ctx.fail(action, `Key Vault \`${name}\` accepts requests from every network; disable public network access or set the default action to \`Deny\``);
  },
});
