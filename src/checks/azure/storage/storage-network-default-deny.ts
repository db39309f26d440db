import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-004',
  title: 'Storage account denies network access by default',
  severity: 'medium',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "With the network default action Allow and public network access enabled, the account endpoint accepts requests from every network; keys or SAS tokens leaked anywhere can be used from anywhere.",
  remediation: {
    summary: "Set the network rules default action to Deny and allow only the virtual networks and addresses that need access (or disable public network access and use private endpoints).",
    cli: "az storage account update --name ACCOUNT --resource-group RG --default-action Deny",
    terraform: "resource \"azurerm_storage_account\" \"this\" {\n  # \u2026\n  network_rules {\n    default_action = \"Deny\"\n    virtual_network_subnet_ids = [azurerm_subnet.app.id]\n  }\n}",
    arm: "\"properties\": { \"networkAcls\": { \"defaultAction\": \"Deny\", \"bypass\": \"AzureServices\" } }",
  },
  references: ["https://learn.microsoft.com/azure/storage/common/storage-network-security"],
  compliance: { 'cis-azure-2.1': ['3.8'] },
  evaluate(account, ctx) {
    const name = displayName(account);
    const pna = account.publicNetworkAccess;
    if (pna.known && pna.value.toLowerCase() === 'disabled') return ctx.pass();
    const action = account.networkDefaultAction;
    if (!action.known) return ctx.unknown(action, `cannot tell the network default action of storage account \`${name}\``);
    if (action.value.toLowerCase() === 'deny') return ctx.pass();
    if (!pna.known) return ctx.unknown(pna, `cannot tell whether storage account \`${name}\` allows public network access`);
    return ctx.fail(action, `storage account \`${name}\` accepts requests from every network${action.defaulted ? ' (no network rules)' : ''}; set the default action to \`Deny\` and allow only the networks that need access`);
  },
});
