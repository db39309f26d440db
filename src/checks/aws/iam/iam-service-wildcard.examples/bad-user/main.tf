resource "aws_iam_user" "bad_analyst" {
  name = "analyst"
}

resource "aws_iam_user_policy" "bad_analyst_s3" {
  name = "all-of-s3"
  user = aws_iam_user.bad_analyst.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*", "athena:StartQueryExecution"], Resource = "*" }]
  })
}

resource "aws_iam_user" "good_export" {
  name = "export"
}

resource "aws_iam_user_policy" "good_export_bucket" {
  name = "one-bucket"
  user = aws_iam_user.good_export.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::acme-export", "arn:aws:s3:::acme-export/*"] }]
  })
}
