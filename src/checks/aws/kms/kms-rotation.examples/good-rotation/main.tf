resource "aws_kms_key" "good_orders" {
  description             = "Orders table encryption"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_alias" "good_orders" {
  name          = "alias/orders"
  target_key_id = aws_kms_key.good_orders.key_id
}
