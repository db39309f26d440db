import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-006',
  title: 'Storage account disallows shared key authorization',
  severity: 'medium',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "Account keys grant full access to all data, never expire, and leave no identity in the logs. Disallowing shared key authorization forces Microsoft Entra ID, with RBAC and auditable identities.",
  remediation: {
    summary: "Set `allowSharedKeyAccess` to false once clients use Entra ID.",
    cli: "az storage account update --name ACCOUNT --resource-group RG --allow-shared-key-access false",
    terraform: "resource \"azurerm_storage_account\" \"this\" {\n  # \u2026\n  shared_access_key_enabled = false\n}",
    arm: "\"properties\": { \"allowSharedKeyAccess\": false }",
  },
  references: ["https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent"],
  evaluate(account, ctx) {
    const name = displayName(account);
    return expectValue(ctx, account.sharedKeyAccess, (v) => v === false, (_v, d) => `storage account \`${name}\` allows shared key authorization${d ? ' (the default)' : ''}; set \`allowSharedKeyAccess\` to false`, `cannot tell whether storage account \`${name}\` allows shared keys`);
  },
});
