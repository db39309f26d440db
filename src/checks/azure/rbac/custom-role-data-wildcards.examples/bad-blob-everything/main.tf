variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_definition" "bad_blob_everything" {
  name  = "Blob everything"
  scope = var.subscription_id

  permissions {
    actions      = ["Microsoft.Storage/storageAccounts/blobServices/containers/read"]
    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"]
  }

  assignable_scopes = [var.subscription_id]
}

resource "azurerm_role_definition" "logs_reader" {
  name  = "Logs reader"
  scope = "${var.subscription_id}/resourceGroups/logs"

  permissions {
    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"]
  }

  assignable_scopes = ["${var.subscription_id}/resourceGroups/logs"]
}
