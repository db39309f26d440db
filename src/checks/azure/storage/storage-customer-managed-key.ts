import { defineCheck } from '../../kit/define-check.js';
import { displayName, expectValue } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-STORAGE-005',
  title: 'Storage account encrypts with a customer-managed key',
  severity: 'low',
  provider: 'azure',
  service: 'storage',
  target: 'azure.storage.account',
  rationale:
    "Azure Storage always encrypts data at rest, by default with Microsoft-managed keys. For sensitive data a customer-managed key in Key Vault gives you control of rotation, revocation and an audit trail of key use.",
  remediation: {
    summary: "Configure encryption with a key from your Key Vault (key source `Microsoft.Keyvault`).",
    cli: "az storage account update --name ACCOUNT --resource-group RG --encryption-key-source Microsoft.Keyvault --encryption-key-vault https://VAULT.vault.azure.net --encryption-key-name KEY",
    terraform: "resource \"azurerm_storage_account_customer_managed_key\" \"this\" {\n  storage_account_id = azurerm_storage_account.this.id\n  key_vault_id       = azurerm_key_vault.this.id\n  key_name           = azurerm_key_vault_key.storage.name\n}",
    arm: "\"properties\": { \"encryption\": { \"keySource\": \"Microsoft.Keyvault\", \"keyvaultproperties\": { \"keyname\": \"storage-key\", \"keyvaulturi\": \"https://prod-keyvault.vault.azure.net\" } } }",
  },
  references: ["https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview"],
  compliance: { 'cis-azure-2.1': ['3.12'] },
  evaluate(account, ctx) {
    const name = displayName(account);
    return expectValue(ctx, account.encryptionKeySource, (v) => v.toLowerCase() === 'microsoft.keyvault', () => `storage account \`${name}\` is encrypted with Microsoft-managed keys; use a customer-managed key from Key Vault for sensitive data`, `cannot tell the encryption key source of storage account \`${name}\``);
  },
});
