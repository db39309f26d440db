terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

variable "subscription_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000001"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "ops_group_object_id" {
  type    = string
  default = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
}

variable "contractor_object_id" {
  type    = string
  default = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
}

locals {
  subscription_scope = "/subscriptions/${var.subscription_id}"
  tiers              = toset(["web", "db"])
}

resource "azurerm_resource_group" "app" {
  name     = "reports-rg"
  location = var.location
}

resource "azurerm_application_security_group" "tier" {
  for_each            = local.tiers
  name                = "${each.key}-tier-asg"
  location            = var.location
  resource_group_name = azurerm_resource_group.app.name
}

resource "azurerm_network_security_group" "app" {
  name                = "reports-nsg"
  location            = var.location
  resource_group_name = azurerm_resource_group.app.name
}

resource "azurerm_network_security_rule" "web_to_db" {
  name                                       = "allow-web-to-db"
  priority                                   = 110
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = "Tcp"
  source_port_range                          = "*"
  destination_port_range                     = "5432"
  source_application_security_group_ids      = [azurerm_application_security_group.tier["web"].id]
  destination_application_security_group_ids = [azurerm_application_security_group.tier["db"].id]
  resource_group_name                        = azurerm_resource_group.app.name
  network_security_group_name                = azurerm_network_security_group.app.name
}

# Meant as "deny all outbound", written without a direction: Inbound, like `az network nsg rule create`'s default.
resource "azurerm_network_security_rule" "deny_all_outbound" {
  name                        = "deny-all-outbound"
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.app.name
  network_security_group_name = azurerm_network_security_group.app.name
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "allow-rdp"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.app.name
  network_security_group_name = azurerm_network_security_group.app.name
}

resource "azurerm_storage_account" "reports" {
  name                            = "reportsdata01"
  resource_group_name             = azurerm_resource_group.app.name
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_key_vault" "app" {
  name                       = "reports-kv"
  location                   = var.location
  resource_group_name        = azurerm_resource_group.app.name
  tenant_id                  = "00000000-0000-0000-0000-0000000000aa"
  sku_name                   = "standard"
  purge_protection_enabled   = true
  rbac_authorization_enabled = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_key_vault_secret" "api_token" {
  name         = "partner-api-token"
  value        = "changeme"
  key_vault_id = azurerm_key_vault.app.id
}

# Just-in-time: the ops group is eligible for Contributor, not permanently assigned.
resource "azurerm_pim_eligible_role_assignment" "ops_contributor" {
  scope              = local.subscription_scope
  role_definition_id = "${local.subscription_scope}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
  principal_id       = var.ops_group_object_id
  justification      = "On-call elevation"

  schedule {
    expiration {
      duration_hours = 8
    }
  }
}

# ...while a contractor keeps standing Owner on the whole subscription.
resource "azurerm_role_assignment" "contractor_owner" {
  scope                = local.subscription_scope
  role_definition_name = "Owner"
  principal_id         = var.contractor_object_id
}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "export-activity-log"
  target_resource_id         = local.subscription_scope
  log_analytics_workspace_id = "/subscriptions/${var.subscription_id}/resourceGroups/monitoring/providers/Microsoft.OperationalInsights/workspaces/prod-logs"

  enabled_log {
    category = "Administrative"
  }
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
