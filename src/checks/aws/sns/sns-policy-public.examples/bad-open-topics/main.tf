# A topic any account may publish to (its condition on TLS keeps no one out), and one any account's S3 bucket may
# notify.
# https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html

resource "aws_sns_topic" "bad_deploys" {
  name = "acme-deploys"
}

resource "aws_sns_topic_policy" "deploys" {
  arn = aws_sns_topic.bad_deploys.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.bad_deploys.arn
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}

resource "aws_sns_topic" "bad_uploads" {
  name = "acme-upload-notices"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "*"
    }]
  })
}
