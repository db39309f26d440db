resource "azurerm_network_security_group" "bad_db" {
  name                = "bad-db"
  location            = "westeurope"
  resource_group_name = "prod-rg"

  security_rule {
    name                       = "allow-mysql"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "0.0.0.0/0"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "3306"
  }
}
