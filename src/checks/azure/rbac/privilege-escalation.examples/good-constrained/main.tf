variable "app_rg" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app"
}

# Delegated role administration, limited by a condition to Reader and Storage Blob Data Reader.
resource "azurerm_role_assignment" "team_lead" {
  scope                = var.app_rg
  role_definition_name = "Role Based Access Control Administrator"
  principal_id         = "44444444-4444-4444-4444-444444444444"
  principal_type       = "Group"
  condition_version    = "2.0"
  condition            = "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7, 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7, 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1}))"
}

resource "azurerm_role_assignment" "vm_operators" {
  scope                = var.app_rg
  role_definition_name = "Virtual Machine User Login"
  principal_id         = "33333333-3333-3333-3333-333333333333"
  principal_type       = "Group"
}
