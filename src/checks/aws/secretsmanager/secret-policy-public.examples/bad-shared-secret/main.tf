# A secret any AWS account may read, through a separate policy resource.
# https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html

resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "bad_reporting" {
  name       = "prod/reporting-db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_policy" "reporting" {
  secret_arn = aws_secretsmanager_secret.bad_reporting.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}
