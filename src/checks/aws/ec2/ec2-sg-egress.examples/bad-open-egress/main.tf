resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "bad_batch" {
  name   = "acme-batch"
  vpc_id = aws_vpc.main.id

  egress {
    description      = "Everything out"
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "bad_workers" {
  name   = "acme-workers"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_egress_rule" "bad_workers_all" {
  security_group_id = aws_security_group.bad_workers.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# No egress block: Terraform removes the default allow-all rule.
resource "aws_security_group" "good_isolated" {
  name   = "acme-isolated"
  vpc_id = aws_vpc.main.id
}
