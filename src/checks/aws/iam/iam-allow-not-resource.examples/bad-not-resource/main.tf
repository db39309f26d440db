data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bad_reports" {
  name               = "acme-reports"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "bad_reports_buckets" {
  name = "all-buckets-but-payroll"
  role = aws_iam_role.bad_reports.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = ["s3:GetObject", "s3:PutObject"]
      NotResource = ["arn:aws:s3:::acme-payroll", "arn:aws:s3:::acme-payroll/*"]
    }]
  })
}
