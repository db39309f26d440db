resource "azurerm_storage_account" "prod" {
  name                     = "prodacct"
  resource_group_name      = "prod-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  shared_access_key_enabled       = false
  public_network_access_enabled   = false
  
  network_rules {
    default_action = "Deny"
  }
}

resource "azurerm_storage_account_customer_managed_key" "prod" {
  storage_account_id = azurerm_storage_account.prod.id
  key_vault_id       = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/prod-rg/providers/Microsoft.KeyVault/vaults/prodkeyvault"
  key_name           = "storage-key"
}
