variable "db_password" {
  type      = string
  sensitive = true
  default   = "Welcome2024!"
}

resource "aws_db_instance" "bad_orders" {
  identifier        = "orders"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  db_subnet_group_name        = "private-db-subnets"
  skip_final_snapshot         = false
  password          = var.db_password
  storage_encrypted = true
}
