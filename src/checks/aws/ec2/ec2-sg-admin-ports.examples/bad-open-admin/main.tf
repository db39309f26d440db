resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

variable "admin_cidr" {
  description = "Who may SSH to the bastion"
  type        = string
  default     = "0.0.0.0/0"
}

resource "aws_security_group" "bad_bastion" {
  name   = "acme-bastion"
  vpc_id = aws_vpc.main.id

  ingress {
    description = "SSH for operators"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [var.admin_cidr]
  }
}

resource "aws_security_group" "bad_windows" {
  name   = "acme-windows-jump"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "bad_windows_rdp" {
  security_group_id = aws_security_group.bad_windows.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "::/0"
}

resource "aws_security_group" "good_web" {
  name   = "acme-web"
  vpc_id = aws_vpc.main.id

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
