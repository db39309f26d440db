import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-002',
  title: 'Storage account accepts HTTPS only',
  severity: 'high',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "Without secure transfer required, requests over plain HTTP are accepted and data and shared keys or SAS tokens cross the network in clear text.",
  remediation: {
    summary: "Require secure transfer (`supportsHttpsTrafficOnly: true`).",
    cli: "az storage account update --name ACCOUNT --resource-group RG --https-only true",
    terraform: "resource \"azurerm_storage_account\" \"this\" {\n  # \u2026\n  https_traffic_only_enabled = true\n}",
    arm: "\"properties\": { \"supportsHttpsTrafficOnly\": true }",
  },
  references: ["https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer"],
  compliance: { 'cis-azure-2.1': ['3.1'] },
  evaluate(account, ctx) {
    const name = displayName(account);
    return expectValue(ctx, account.httpsOnly, (v) => v === true, () => `storage account \`${name}\` accepts plain HTTP; set \`supportsHttpsTrafficOnly\` to true`, `cannot tell whether storage account \`${name}\` requires HTTPS`);
  },
});
