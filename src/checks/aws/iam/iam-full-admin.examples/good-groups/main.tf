resource "aws_iam_group" "good_developers" {
  name = "Developers"
}

resource "aws_iam_group_policy_attachment" "good_developers_ro" {
  group      = aws_iam_group.good_developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group_policy" "good_developers_deploy" {
  name  = "deploy-dev"
  group = aws_iam_group.good_developers.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["lambda:UpdateFunctionCode", "lambda:PublishVersion"], Resource = "arn:aws:lambda:eu-west-1:111122223333:function:dev-*" }]
  })
}
