variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_definition" "blob_reader" {
  name  = "Blob reader"
  scope = var.subscription_id

  permissions {
    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"]
  }

  assignable_scopes = [var.subscription_id]
}
