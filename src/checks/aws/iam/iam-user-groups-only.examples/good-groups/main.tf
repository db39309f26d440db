resource "aws_iam_group" "analysts" {
  name = "Analysts"
}

resource "aws_iam_group_policy_attachment" "analysts_athena" {
  group      = aws_iam_group.analysts.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonAthenaFullAccess"
}

resource "aws_iam_user" "good_analyst" {
  name = "analyst"
}

resource "aws_iam_user_group_membership" "good_analyst" {
  user   = aws_iam_user.good_analyst.name
  groups = [aws_iam_group.analysts.name]
}
