resource "aws_iam_user" "bad_uploader" {
  name = "uploader"
}

resource "aws_iam_user_policy" "bad_uploader_buckets" {
  name = "all-buckets-but-payroll"
  user = aws_iam_user.bad_uploader.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", NotResource = "arn:aws:s3:::acme-payroll/*" }]
  })
}

resource "aws_iam_group" "bad_analysts" {
  name = "Analysts"
}

resource "aws_iam_group_policy" "bad_analysts_tables" {
  name  = "all-tables-but-salaries"
  group = aws_iam_group.bad_analysts.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem", "dynamodb:Query"], NotResource = "arn:aws:dynamodb:eu-west-1:111122223333:table/salaries" }]
  })
}

resource "aws_iam_user" "good_uploader" {
  name = "reports-uploader"
}

resource "aws_iam_user_policy" "good_uploader_reports" {
  name = "reports-bucket"
  user = aws_iam_user.good_uploader.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::acme-reports/*" }]
  })
}
