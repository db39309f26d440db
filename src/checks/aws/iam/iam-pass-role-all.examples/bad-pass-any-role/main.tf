data "aws_iam_policy_document" "codebuild_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bad_ci" {
  name               = "acme-ci"
  assume_role_policy = data.aws_iam_policy_document.codebuild_trust.json
}

data "aws_iam_policy_document" "deploy_functions" {
  statement {
    actions   = ["lambda:CreateFunction", "lambda:UpdateFunctionCode"]
    resources = ["arn:aws:lambda:eu-west-1:111122223333:function:acme-*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "bad_ci_deploy" {
  name   = "deploy-functions"
  role   = aws_iam_role.bad_ci.id
  policy = data.aws_iam_policy_document.deploy_functions.json
}
