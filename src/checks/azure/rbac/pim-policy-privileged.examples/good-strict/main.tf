variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_role_management_policy" "owner" {
  scope              = var.subscription_id
  role_definition_id = "${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

  active_assignment_rules {
    expiration_required = true
    expire_after        = "P15D"
  }

  eligible_assignment_rules {
    expiration_required = true
    expire_after        = "P180D"
  }

  activation_rules {
    maximum_duration                   = "PT4H"
    require_approval                   = true
    require_justification              = true
    require_multifactor_authentication = true
    approval_stage {
      primary_approver {
        object_id = "66666666-6666-6666-6666-666666666666"
        type      = "Group"
      }
    }
  }
}
