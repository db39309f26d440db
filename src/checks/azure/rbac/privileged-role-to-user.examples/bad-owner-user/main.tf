variable "app_rg" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app"
}

resource "azurerm_role_assignment" "bad_owner_user" {
  scope                = var.app_rg
  role_definition_name = "User Access Administrator"
  principal_id         = "11111111-1111-1111-1111-111111111111"
  principal_type       = "User"
}

resource "azurerm_role_assignment" "readers" {
  scope                = var.app_rg
  role_definition_name = "Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
  principal_type       = "User"
}
