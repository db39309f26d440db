resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "good_lb" {
  name   = "acme-public-lb"
  vpc_id = aws_vpc.main.id

  dynamic "ingress" {
    for_each = toset([80, 443])
    content {
      protocol    = "tcp"
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
