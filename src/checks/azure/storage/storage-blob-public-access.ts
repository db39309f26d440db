import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-001',
  title: 'Storage account disallows anonymous blob access',
  severity: 'high',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "With `allowBlobPublicAccess` on, any container can be switched to public read and its blobs served to anyone without credentials. Turning it off at the account overrides every container's setting.",
  remediation: {
    summary: "Set `allowBlobPublicAccess` to false on the account.",
    cli: "az storage account update --name ACCOUNT --resource-group RG --allow-blob-public-access false",
    terraform: "resource \"azurerm_storage_account\" \"this\" {\n  # \u2026\n  allow_nested_items_to_be_public = false\n}",
    arm: "\"properties\": { \"allowBlobPublicAccess\": false }",
  },
  references: ["https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent"],
  compliance: { 'cis-azure-2.1': ['3.17'] },
  evaluate(account, ctx) {
    const name = displayName(account);
    return expectValue(ctx, account.allowBlobPublicAccess, (v) => v === false, (_v, d) => `storage account \`${name}\` allows anonymous blob access${d ? ' (the default for this API version or provider)' : ''}; set \`allowBlobPublicAccess\` to false`, `cannot tell whether storage account \`${name}\` allows anonymous blob access`);
  },
});
