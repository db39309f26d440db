# Topic policies pinned to the notifying bucket and account, and to the organisation.

resource "aws_sns_topic" "uploads" {
  name = "acme-upload-notices"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "*"
      Condition = {
        ArnLike      = { "aws:SourceArn" = "arn:aws:s3:::acme-uploads" }
        StringEquals = { "aws:SourceAccount" = "111122223333" }
      }
    }]
  })
}

resource "aws_sns_topic" "org" {
  name = "acme-org-broadcast"
}

resource "aws_sns_topic_policy" "org" {
  arn = aws_sns_topic.org.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sns:Subscribe"
      Resource  = aws_sns_topic.org.arn
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
