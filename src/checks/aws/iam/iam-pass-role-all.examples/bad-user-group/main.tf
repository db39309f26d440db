resource "aws_iam_user" "bad_deploy" {
  name = "deploy"
}

data "aws_iam_policy_document" "deploy_functions" {
  statement {
    actions   = ["lambda:CreateFunction", "lambda:UpdateFunctionConfiguration"]
    resources = ["arn:aws:lambda:eu-west-1:111122223333:function:acme-*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "bad_deploy_functions" {
  name   = "deploy-functions"
  user   = aws_iam_user.bad_deploy.name
  policy = data.aws_iam_policy_document.deploy_functions.json
}

resource "aws_iam_group" "bad_release" {
  name = "Release"
}

resource "aws_iam_group_policy" "bad_release_pass" {
  name  = "pass-roles"
  group = aws_iam_group.bad_release.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/*" }]
  })
}

resource "aws_iam_user" "good_deploy_orders" {
  name = "deploy-orders"
}

resource "aws_iam_user_policy" "good_deploy_orders_pass" {
  name = "pass-function-role"
  user = aws_iam_user.good_deploy_orders.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "iam:PassRole"
      Resource  = "arn:aws:iam::111122223333:role/acme-orders-function"
      Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
    }]
  })
}
