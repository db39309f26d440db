resource "aws_vpc" "bad_legacy" {
  cidr_block = "10.40.0.0/16"
}

# Adopting the default group but keeping AWS's rules: members talk to each other, everything goes out.
resource "aws_default_security_group" "bad_legacy" {
  vpc_id = aws_vpc.bad_legacy.id

  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
