variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_assignment" "bad_blob_owner_sub" {
  scope                = var.subscription_id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = "22222222-2222-2222-2222-222222222222"
}

resource "azurerm_role_assignment" "logs_reader" {
  scope                = "${var.subscription_id}/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/logs"
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
}
