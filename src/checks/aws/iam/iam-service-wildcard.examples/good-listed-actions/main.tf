data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "good_etl" {
  name               = "acme-etl"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

data "aws_iam_policy_document" "staging" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::acme-staging/*"]
  }
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::acme-staging"]
  }
}

resource "aws_iam_role_policy" "good_etl_staging" {
  name   = "staging-bucket"
  role   = aws_iam_role.good_etl.id
  policy = data.aws_iam_policy_document.staging.json
}
