resource "aws_vpc" "main" {
  cidr_block = "10.50.0.0/16"
}

# No ingress or egress blocks: Terraform removes every rule of the default group.
resource "aws_default_security_group" "good_main" {
  vpc_id = aws_vpc.main.id
}
