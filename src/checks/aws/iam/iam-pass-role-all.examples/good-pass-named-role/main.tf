data "aws_iam_policy_document" "codebuild_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "pass_function_role" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::111122223333:role/acme-orders-function"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "good_deployer" {
  name               = "acme-deployer"
  assume_role_policy = data.aws_iam_policy_document.codebuild_trust.json
  inline_policy {
    name   = "pass-function-role"
    policy = data.aws_iam_policy_document.pass_function_role.json
  }
}
