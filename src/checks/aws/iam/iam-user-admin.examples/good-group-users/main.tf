resource "aws_iam_group" "developers" {
  name = "Developers"
}

resource "aws_iam_group_policy_attachment" "developers_ro" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user" "good_jane" {
  name = "jane"
}

resource "aws_iam_user_group_membership" "good_jane" {
  user   = aws_iam_user.good_jane.name
  groups = [aws_iam_group.developers.name]
}
