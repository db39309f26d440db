resource "aws_iam_role" "function" {
  name = "acme-functions"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_secretsmanager_secret" "stripe" {
  name = "prod/payments/stripe"
}

resource "aws_lambda_function" "good_payments" {
  function_name = "payments-webhook"
  role          = aws_iam_role.function.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "acme-artifacts"
  s3_key        = "payments-webhook.zip"

  environment {
    variables = {
      STRIPE_SECRET_NAME  = aws_secretsmanager_secret.stripe.name
      API_TOKEN_PARAMETER = "/payments/api-token"
      LOG_LEVEL           = "info"
    }
  }
}
