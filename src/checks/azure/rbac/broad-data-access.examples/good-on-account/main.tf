variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_assignment" "logs_reader" {
  scope                = "${var.subscription_id}/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/logs"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
}

resource "azurerm_role_assignment" "app_secrets" {
  scope                = "${var.subscription_id}/resourceGroups/app/providers/Microsoft.KeyVault/vaults/app-kv"
  role_definition_name = "Key Vault Secrets User"
  principal_id         = "44444444-4444-4444-4444-444444444444"
}

resource "azurerm_role_assignment" "readers" {
  scope                = var.subscription_id
  role_definition_name = "Reader"
  principal_id         = "55555555-5555-5555-5555-555555555555"
}
