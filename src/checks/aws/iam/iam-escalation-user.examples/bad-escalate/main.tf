resource "aws_iam_user" "bad_support" {
  name = "support"
}

# Can create access keys for any user, including an administrator.
resource "aws_iam_user_policy" "support" {
  name = "support"
  user = aws_iam_user.bad_support.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:CreateAccessKey", "iam:ListUsers"], Resource = "*" }]
  })
}

resource "aws_iam_user" "admin" {
  name = "admin"
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user" "auditor" {
  name = "auditor"
}

resource "aws_iam_user_policy_attachment" "auditor" {
  user       = aws_iam_user.auditor.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
