resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "bad_reporting_db" {
  name   = "acme-reporting-db"
  vpc_id = aws_vpc.main.id
  ingress {
    description = "Analysts connect from home"
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "bad_mongo" {
  name   = "acme-mongo"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "bad_mongo" {
  security_group_id = aws_security_group.bad_mongo.id
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
  cidr_ipv4         = "0.0.0.0/0"
}
