resource "aws_secretsmanager_secret" "bad_db" {
  name = "prod/db/password"
}

# The field guide's example, in Terraform: the value lives in the code and in the state.
resource "aws_secretsmanager_secret_version" "bad_db" {
  secret_id     = aws_secretsmanager_secret.bad_db.id
  secret_string = jsonencode({ username = "admin", password = "changeme" })
}
