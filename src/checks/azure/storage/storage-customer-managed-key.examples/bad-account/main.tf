resource "azurerm_storage_account" "bad" {
  name                     = "badacct"
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
