locals {
  tags = {
    environment = var.environment
    owner       = "shop-team"
  }

  subnets = {
    web  = { cidr = cidrsubnet(var.address_space, 8, 1), public = true }
    app  = { cidr = cidrsubnet(var.address_space, 8, 2), public = false }
    data = { cidr = cidrsubnet(var.address_space, 8, 3), public = false }
  }

  motd = <<-EOT
    Welcome to ${var.prefix}
    %{~ if var.environment == "prod" }
    PRODUCTION
    %{~ else }
    non-production
    %{~ endif }
  EOT
}
