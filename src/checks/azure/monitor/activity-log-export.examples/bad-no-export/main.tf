resource "azurerm_storage_account" "logs" {
  name                     = "prodlogs01"
  resource_group_name      = "monitoring"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
