resource "aws_iam_user" "bad_jenkins" {
  name = "jenkins"
}

resource "aws_iam_user_policy_attachment" "bad_jenkins_admin" {
  user       = aws_iam_user.bad_jenkins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group" "admins" {
  name = "Admins"
}

resource "aws_iam_group_policy" "admins_full" {
  name  = "full-access"
  group = aws_iam_group.admins.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_user" "bad_oncall" {
  name = "ops-oncall"
}

resource "aws_iam_group_membership" "admins" {
  name  = "admins"
  group = aws_iam_group.admins.name
  users = [aws_iam_user.bad_oncall.name]
}

resource "aws_iam_user" "good_auditor" {
  name = "auditor"
}

resource "aws_iam_user_policy_attachment" "good_auditor_ro" {
  user       = aws_iam_user.good_auditor.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
