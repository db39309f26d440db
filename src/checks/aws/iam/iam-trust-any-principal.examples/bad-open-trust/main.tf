# The field guide's example: {"AWS": "*"} and sts:AssumeRole.
resource "aws_iam_role" "bad_partner" {
  name = "acme-partner-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "break_glass_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    # MFA says how the caller signed in, not who they are.
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "bad_break_glass" {
  name               = "acme-break-glass"
  assume_role_policy = data.aws_iam_policy_document.break_glass_trust.json
}

resource "aws_iam_role" "good_vendor" {
  name = "acme-vendor-integration"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "acme-7f3c9a" } }
    }]
  })
}
