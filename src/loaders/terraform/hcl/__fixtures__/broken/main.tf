locals {
  a = local.b
  b = local.c
  c = "${local.a}-x"
  ok = "fine"
}

resource "aws_s3_bucket" "cyclic" {
  bucket = local.a
}

resource "aws_s3_bucket" "fine" {
  bucket = local.ok
}

resource "aws_security_group" "base" {
  name = "base"
}

# for_each over values only known after apply: Terraform refuses to plan this.
resource "aws_security_group_rule" "per_group" {
  for_each          = toset([aws_security_group.base.id])
  type              = "ingress"
  security_group_id = each.value
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

module "loop" {
  source = "./modules/loop"
}
