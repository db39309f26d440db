resource "azurerm_network_security_group" "bad_egress" {
  name                = "bad-egress"
  location            = "westeurope"
  resource_group_name = "prod-rg"

  security_rule {
    name                       = "egress-deny-all"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
}
