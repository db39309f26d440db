resource "azurerm_key_vault" "prod" {
  name                = "prod-kv"
  location            = "westeurope"
  resource_group_name = "prod-rg"
  tenant_id           = "00000000-0000-0000-0000-0000000000aa"
  sku_name            = "standard"
  purge_protection_enabled = true
  rbac_authorization_enabled = true
  public_network_access_enabled = false

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
