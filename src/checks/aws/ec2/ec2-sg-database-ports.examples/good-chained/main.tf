resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "good_app" {
  name   = "acme-app"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "good_db" {
  name   = "acme-orders-db"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.good_db.id
  referenced_security_group_id = aws_security_group.good_app.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}
