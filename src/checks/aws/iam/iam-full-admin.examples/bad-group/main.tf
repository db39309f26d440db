resource "aws_iam_group" "bad_admins" {
  name = "Admins"
}

resource "aws_iam_group_policy_attachment" "bad_admins" {
  group      = aws_iam_group.bad_admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group" "good_support" {
  name = "Support"
}

resource "aws_iam_group_policy_attachment" "good_support" {
  group      = aws_iam_group.good_support.name
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}
