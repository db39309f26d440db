data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

locals {
  report_buckets = ["acme-reports", "acme-reports-archive"]
}

data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = [for b in local.report_buckets : "arn:aws:s3:::${b}/*"]
  }
}

resource "aws_iam_role" "good_reports" {
  name               = "acme-reports"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  inline_policy {
    name   = "reports"
    policy = data.aws_iam_policy_document.reports.json
  }
}
