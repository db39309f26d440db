resource "aws_iam_group" "bad_power_users" {
  name = "PowerUsers"
}

resource "aws_iam_group_policy_attachment" "bad_power_users" {
  group      = aws_iam_group.bad_power_users.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_group" "good_support" {
  name = "Support"
}

resource "aws_iam_group_policy_attachment" "good_support" {
  group      = aws_iam_group.good_support.name
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}
