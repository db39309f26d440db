variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_definition" "vm_operator" {
  name  = "vm-operator"
  scope = var.subscription_id

  permissions {
    actions     = ["Microsoft.Compute/virtualMachines/start/action", "Microsoft.Compute/virtualMachines/read"]
    not_actions = []
  }

  assignable_scopes = [var.subscription_id]
}
