resource "azurerm_network_security_group" "db" {
  name                = "db"
  location            = "westeurope"
  resource_group_name = "prod-rg"

  security_rule {
    name                       = "allow-redis-app"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.1.0/24"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "6379"
  }
}
