variable "app_rg" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app"
}

resource "azurerm_role_assignment" "app_admins" {
  scope                = var.app_rg
  role_definition_name = "Owner"
  principal_id         = "22222222-2222-2222-2222-222222222222"
  principal_type       = "Group"
}

resource "azurerm_role_assignment" "on_call" {
  scope                = var.app_rg
  role_definition_name = "Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
  principal_type       = "User"
}
