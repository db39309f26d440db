# Permissions pinned to one EventBridge rule and to the organisation.

resource "aws_iam_role" "fn" {
  name = "acme-fn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_function" "cleanup" {
  function_name = "acme-cleanup"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "cleanup.zip"
}

resource "aws_lambda_permission" "cleanup_events" {
  statement_id  = "FromNightlyRule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.cleanup.function_name
  principal     = "events.amazonaws.com"
  source_arn    = "arn:aws:events:eu-west-1:111122223333:rule/nightly-cleanup"
}

resource "aws_lambda_function" "report" {
  function_name = "acme-report"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "report.zip"
}

resource "aws_lambda_permission" "report_org" {
  statement_id     = "Organisation"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.report.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}
