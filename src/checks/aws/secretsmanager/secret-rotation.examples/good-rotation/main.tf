resource "aws_secretsmanager_secret" "good_orders_db" {
  name = "prod/orders/db"
}

resource "aws_secretsmanager_secret_rotation" "good_orders_db" {
  secret_id           = aws_secretsmanager_secret.good_orders_db.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:SecretsManagerPostgresRotation"
  rotation_rules {
    automatically_after_days = 30
  }
}
