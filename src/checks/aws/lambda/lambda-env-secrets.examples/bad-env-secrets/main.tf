resource "aws_iam_role" "function" {
  name = "acme-functions"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_function" "bad_reports" {
  function_name = "nightly-reports"
  role          = aws_iam_role.function.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  s3_bucket     = "acme-artifacts"
  s3_key        = "nightly-reports.zip"

  environment {
    variables = {
      DB_USER      = "reports"
      DB_PASSWORD  = "changeme"
      DATABASE_URL = "postgres://reports:Winter2024@reports.internal:5432/reports"
    }
  }
}
