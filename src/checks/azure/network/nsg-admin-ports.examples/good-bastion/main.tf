resource "azurerm_network_security_group" "jump" {
  name                = "jump"
  location            = "westeurope"
  resource_group_name = "prod-rg"

  security_rule {
    name                       = "allow-ssh-from-bastion"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "10.0.250.0/26"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "22"
  }

  security_rule {
    name                       = "allow-winrm-corp"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_address_prefix      = "198.51.100.0/24"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "5985-5986"
  }
}
