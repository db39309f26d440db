resource "azurerm_network_security_group" "bad_open" {
  name                = "bad-open"
  location            = "westeurope"
  resource_group_name = "prod-rg"

  security_rule {
    name                       = "allow-everything"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "Internet"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "0-65535"
  }
}
