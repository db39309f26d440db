resource "aws_iam_group" "bad_data" {
  name = "Data"
}

resource "aws_iam_group_policy" "bad_data" {
  name  = "all-dynamodb"
  group = aws_iam_group.bad_data.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "dynamodb:*", Resource = "*" }]
  })
}

resource "aws_iam_group" "good_support" {
  name = "Support"
}

resource "aws_iam_group_policy_attachment" "good_support" {
  group      = aws_iam_group.good_support.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
