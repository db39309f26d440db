resource "aws_db_instance" "good_orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  username                    = "orders"
  db_subnet_group_name        = "private-db-subnets"
  skip_final_snapshot         = false
  manage_master_user_password = true
  storage_encrypted           = true
}
