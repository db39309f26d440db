variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_assignment" "bad_owner" {
  scope                = var.subscription_id
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111"
}

resource "azurerm_role_assignment" "reader" {
  scope                = var.subscription_id
  role_definition_name = "Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
}
