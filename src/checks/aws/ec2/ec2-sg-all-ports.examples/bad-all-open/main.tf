resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "bad_debug" {
  name   = "acme-debug"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group_rule" "bad_debug_all" {
  type              = "ingress"
  security_group_id = aws_security_group.bad_debug.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group" "good_lb" {
  name   = "acme-public-lb"
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
