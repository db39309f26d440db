data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bad_developer" {
  name                = "acme-developer"
  assume_role_policy  = data.aws_iam_policy_document.lambda_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

data "aws_iam_policy_document" "all_but_iam" {
  statement {
    not_actions = ["iam:*", "organizations:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_role" "bad_analytics" {
  name               = "acme-analytics"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "bad_analytics_all" {
  name   = "all-but-iam"
  role   = aws_iam_role.bad_analytics.id
  policy = data.aws_iam_policy_document.all_but_iam.json
}
