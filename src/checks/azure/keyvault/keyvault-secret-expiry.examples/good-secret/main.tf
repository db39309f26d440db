resource "azurerm_key_vault" "prod" {
  name                       = "prod-kv"
  location                   = "westeurope"
  resource_group_name        = "prod-rg"
  tenant_id                  = "00000000-0000-0000-0000-0000000000aa"
  sku_name                   = "standard"
  purge_protection_enabled   = true
  rbac_authorization_enabled = true
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = azurerm_key_vault.prod.id
  expiration_date = "2027-12-31T00:00:00Z"
}
