resource "aws_s3_bucket" "bad_cdn_origin" {
  bucket = "acme-cdn-origin"
}

resource "aws_s3_bucket_public_access_block" "bad_cdn_origin" {
  bucket                  = aws_s3_bucket.bad_cdn_origin.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

data "aws_iam_policy_document" "public_read" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-cdn-origin/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "bad_cdn_origin" {
  bucket = aws_s3_bucket.bad_cdn_origin.id
  policy = data.aws_iam_policy_document.public_read.json
}

resource "aws_s3_bucket" "bad_shared_data" {
  bucket = "acme-shared-data"
}

resource "aws_s3_bucket_public_access_block" "bad_shared_data" {
  bucket                  = aws_s3_bucket.bad_shared_data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "bad_shared_data" {
  bucket = aws_s3_bucket.bad_shared_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyAccountAnalytics"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
      Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/analytics" } }
    }]
  })
}

resource "aws_s3_bucket" "good_org_data" {
  bucket = "acme-org-data"
}

resource "aws_s3_bucket_policy" "good_org_data" {
  bucket = aws_s3_bucket.good_org_data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-org-data/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
