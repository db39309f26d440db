resource "azurerm_resource_group" "rg" {
  name     = "prod-rg"
  location = "westeurope"
}

resource "azurerm_network_security_group" "bad_shadow_nsg" {
  name                = "bad-shadow-nsg"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  security_rule {
    name                       = "allow-web"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "80-443"
    destination_address_prefix = "*"
    source_address_prefix      = "Internet"
  }
  security_rule {
    name                       = "allow-https"
    priority                   = 200
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    destination_address_prefix = "*"
    source_address_prefix      = "Internet"
  }
}
