variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_pim_eligible_role_assignment" "ops_contributor" {
  scope              = var.subscription_id
  role_definition_id = "${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = "22222222-2222-2222-2222-222222222222"
  justification      = "On-call elevation"

  schedule {
    expiration {
      duration_hours = 8
    }
  }
}

resource "azurerm_role_assignment" "app_blob" {
  scope                = "${var.subscription_id}/resourceGroups/prod-rg"
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = "44444444-4444-4444-4444-444444444444"
}
