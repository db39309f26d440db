resource "aws_iam_user" "bad_deploy_bot" {
  name = "deploy-bot"
}

resource "aws_iam_user_policy" "bad_deploy_bot_push" {
  name = "push-artifacts"
  user = aws_iam_user.bad_deploy_bot.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-artifacts/*" }]
  })
}

resource "aws_iam_user" "bad_analyst" {
  name = "analyst"
}

resource "aws_iam_policy_attachment" "athena" {
  name       = "athena-users"
  users      = [aws_iam_user.bad_analyst.name]
  policy_arn = "arn:aws:iam::aws:policy/AmazonAthenaFullAccess"
}

resource "aws_iam_user" "good_jane" {
  name = "jane"
}
