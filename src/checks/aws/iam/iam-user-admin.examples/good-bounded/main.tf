resource "aws_iam_policy" "boundary" {
  name = "data-boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
  })
}

resource "aws_iam_user" "analyst" {
  name                 = "analyst"
  # The ARN written out: a boundary given as `aws_iam_policy.boundary.arn` is known only after apply.
  permissions_boundary = "arn:aws:iam::111122223333:policy/data-boundary"
}

resource "aws_iam_user_policy_attachment" "analyst" {
  user       = aws_iam_user.analyst.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
