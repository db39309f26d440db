resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "good_api" {
  name   = "acme-api"
  vpc_id = aws_vpc.main.id

  egress {
    description = "DNS to the VPC resolver"
    protocol    = "udp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["10.0.0.2/32"]
  }

  egress {
    description = "HTTPS to the VPC (endpoints)"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}
