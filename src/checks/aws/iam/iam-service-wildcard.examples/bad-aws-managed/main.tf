# AWS managed policies are judged from their documents: AmazonS3FullAccess allows `s3:*` (and
# `s3-object-lambda:*`) on every resource.
# https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-iam-awsmanpol.html
resource "aws_iam_role" "bad_uploader" {
  name = "uploader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "bad_uploader" {
  role       = aws_iam_role.bad_uploader.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

# AmazonS3ReadOnlyAccess lists the actions it allows (`s3:Get*`, `s3:List*` ...): no service-wide wildcard.
resource "aws_iam_role" "reporter" {
  name = "reporter"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "reporter" {
  role       = aws_iam_role.reporter.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
