resource "aws_s3_bucket" "good_ledger" {
  bucket = "acme-ledger"
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = [aws_s3_bucket.good_ledger.arn, "${aws_s3_bucket.good_ledger.arn}/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "good_ledger" {
  bucket = aws_s3_bucket.good_ledger.id
  policy = data.aws_iam_policy_document.tls_only.json
}
