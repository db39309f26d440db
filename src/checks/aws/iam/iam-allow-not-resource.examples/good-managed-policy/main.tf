data "aws_iam_policy_document" "reports_reader" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
  }
  statement {
    effect        = "Deny"
    actions       = ["s3:*"]
    not_resources = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
  }
}

resource "aws_iam_policy" "good_reports_reader" {
  name   = "reports-reader"
  policy = data.aws_iam_policy_document.reports_reader.json
}
