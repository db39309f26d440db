# A function any account may invoke, and one EventBridge may invoke for any account's rule (no source_arn).
# https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html

resource "aws_iam_role" "fn" {
  name = "acme-fn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_function" "bad_report" {
  function_name = "acme-report"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "report.zip"
}

resource "aws_lambda_permission" "report_anyone" {
  statement_id  = "AnyAccount"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.bad_report.function_name
  principal     = "*"
}

resource "aws_lambda_function" "bad_cleanup" {
  function_name = "acme-cleanup"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "cleanup.zip"
}

resource "aws_lambda_permission" "cleanup_events" {
  statement_id  = "FromEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.bad_cleanup.function_name
  principal     = "events.amazonaws.com"
}
