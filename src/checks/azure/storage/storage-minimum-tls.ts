import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-003',
  title: 'Storage account requires TLS 1.2 or later',
  severity: 'medium',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "TLS 1.0 and 1.1 have known weaknesses and are being retired across Azure; an account that still accepts them lets old clients negotiate a weak channel.",
  remediation: {
    summary: "Set the minimum TLS version to TLS1_2.",
    cli: "az storage account update --name ACCOUNT --resource-group RG --min-tls-version TLS1_2",
    terraform: "resource \"azurerm_storage_account\" \"this\" {\n  # \u2026\n  min_tls_version = \"TLS1_2\"\n}",
    arm: "\"properties\": { \"minimumTlsVersion\": \"TLS1_2\" }",
  },
  references: ["https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version"],
  compliance: { 'cis-azure-2.1': ['3.15'] },
  evaluate(account, ctx) {
    const name = displayName(account);
    return expectValue(ctx, account.minimumTlsVersion, (v) => v === 'TLS1_2' || v === 'TLS1_3', (v) => `storage account \`${name}\` accepts \`${v}\`; set \`minimumTlsVersion\` to \`TLS1_2\``, `cannot tell the minimum TLS version of storage account \`${name}\``);
  },
});
