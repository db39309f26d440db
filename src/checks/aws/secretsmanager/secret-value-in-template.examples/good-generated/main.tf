resource "aws_secretsmanager_secret" "good_db" {
  name        = "prod/db/password"
  description = "Set out of band with put-secret-value"
}
