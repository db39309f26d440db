variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_management_policy" "bad_owner" {
  scope              = var.subscription_id
  role_definition_id = "${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

  active_assignment_rules {
    expiration_required = false
  }

  eligible_assignment_rules {
    expiration_required = true
    expire_after        = "P365D"
  }

  activation_rules {
    maximum_duration                   = "PT12H"
    require_approval                   = false
    require_justification              = false
    require_multifactor_authentication = false
  }
}

# Reader is not privileged: its settings are not this check's business.
resource "azurerm_role_management_policy" "reader" {
  scope              = var.subscription_id
  role_definition_id = "${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"

  active_assignment_rules {
    expiration_required = false
  }

  eligible_assignment_rules {
    expiration_required = false
  }
}
