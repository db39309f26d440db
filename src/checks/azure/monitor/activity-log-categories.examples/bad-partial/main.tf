variable "subscription_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000001"
}

resource "azurerm_monitor_diagnostic_setting" "bad_partial" {
  name                       = "bad-partial"
  target_resource_id         = var.subscription_id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/monitoring/providers/Microsoft.OperationalInsights/workspaces/prod-logs"

  enabled_log {
    category = "Administrative"
  }

  enabled_log {
    category = "ServiceHealth"
  }
}
