resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["10.20.0.0/24", "10.20.1.0/24"]
}

resource "aws_security_group" "good_bastion" {
  name   = "acme-bastion"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.admin_cidrs
    content {
      description = "SSH from the operations VPN"
      protocol    = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_blocks = [ingress.value]
    }
  }
}
