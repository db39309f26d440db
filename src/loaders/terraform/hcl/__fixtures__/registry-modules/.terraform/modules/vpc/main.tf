# Trimmed copy of a registry module as `terraform init` leaves it.
variable "name" {
  type = string
}
variable "cidr" {
  type = string
}
variable "private_subnets" {
  type    = list(string)
  default = []
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = var.name }
}

resource "aws_subnet" "private" {
  count      = length(var.private_subnets)
  vpc_id     = aws_vpc.this.id
  cidr_block = element(var.private_subnets, count.index)
}

module "flow_log" {
  source = "./modules/flow-log"
  vpc_id = aws_vpc.this.id
}

output "vpc_id" {
  value = aws_vpc.this.id
}
