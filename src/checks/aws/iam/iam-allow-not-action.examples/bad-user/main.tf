resource "aws_iam_user" "bad_operator" {
  name = "operator"
}

resource "aws_iam_user_policy" "bad_operator_all_but_iam" {
  name = "all-but-iam"
  user = aws_iam_user.bad_operator.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }]
  })
}

resource "aws_iam_user" "good_viewer" {
  name = "viewer"
}

resource "aws_iam_user_policy" "good_viewer_metrics" {
  name = "metrics"
  user = aws_iam_user.good_viewer.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "cloudwatch:GetMetricData", Resource = "*" }]
  })
}
