# A user whose inline policy allows `*` on `*`, held in check today by its permissions boundary (so AWS-IAM-006 does
# not report it): the grant is still written, and becomes full access the day the boundary goes.
resource "aws_iam_user" "bad_bounded_ops" {
  name                 = "ops-oncall"
  permissions_boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_policy" "bad_bounded_ops_break_glass" {
  name = "break-glass"
  user = aws_iam_user.bad_bounded_ops.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_user" "good_reports" {
  name = "reports-export"
}

resource "aws_iam_user_policy" "good_reports_read" {
  name = "read-reports"
  user = aws_iam_user.good_reports.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-reports/*" }]
  })
}
