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

resource "azurerm_key_vault_key" "bad" {
  name         = "storage-key"
  key_vault_id = azurerm_key_vault.prod.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
}
