variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_definition" "bad_admin" {
  name  = "bad-admin"
  scope = var.subscription_id

  permissions {
    actions     = ["*"]
    not_actions = []
  }

  assignable_scopes = [var.subscription_id]
}

resource "azurerm_role_definition" "vm_operator" {
  name  = "vm-operator"
  scope = var.subscription_id

  permissions {
    actions     = ["Microsoft.Compute/virtualMachines/start/action"]
    not_actions = []
  }

  assignable_scopes = [var.subscription_id]
}
