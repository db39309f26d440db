resource "aws_kms_key" "bad_orders" {
  description = "Orders table encryption"
}

resource "aws_kms_key" "bad_legacy" {
  description         = "Legacy payments data"
  enable_key_rotation = false
}

# Asymmetric: automatic rotation does not apply.
resource "aws_kms_key" "token_signing" {
  description              = "JWT signing"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
