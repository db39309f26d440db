variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_definition" "role_editor" {
  name  = "Role definition editor"
  scope = var.subscription_id

  permissions {
    actions = ["*/read", "Microsoft.Authorization/roleDefinitions/write"]
  }

  assignable_scopes = [var.subscription_id]
}

resource "azurerm_role_assignment" "bad_role_editor" {
  scope              = var.subscription_id
  role_definition_id = azurerm_role_definition.role_editor.role_definition_resource_id
  principal_id       = "11111111-1111-1111-1111-111111111111"
}

resource "azurerm_role_assignment" "auditors" {
  scope                = var.subscription_id
  role_definition_name = "Reader"
  principal_id         = "33333333-3333-3333-3333-333333333333"
}
