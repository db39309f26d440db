resource "aws_s3_bucket" "good_www_origin" {
  bucket = "acme-www-origin"
}

data "aws_iam_policy_document" "cloudfront_read" {
  statement {
    sid       = "AllowCloudFrontOAC"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.good_www_origin.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]
    }
  }
}

resource "aws_s3_bucket_policy" "good_www_origin" {
  bucket = aws_s3_bucket.good_www_origin.id
  policy = data.aws_iam_policy_document.cloudfront_read.json
}

resource "aws_s3_bucket" "good_artifacts" {
  bucket = "acme-build-artifacts"
}

resource "aws_s3_bucket_policy" "good_artifacts" {
  bucket = aws_s3_bucket.good_artifacts.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ReadThroughEndpoint"
        Effect    = "Allow"
        Principal = "*"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::acme-build-artifacts/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d5e6f7a8b9" } }
      },
    ]
  })
}
