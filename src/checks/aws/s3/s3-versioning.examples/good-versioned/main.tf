resource "aws_s3_bucket" "good_contracts" {
  bucket = "acme-contracts"
}

resource "aws_s3_bucket_versioning" "good_contracts" {
  bucket = aws_s3_bucket.good_contracts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "good_contracts" {
  bucket = aws_s3_bucket.good_contracts.id
  rule {
    id     = "expire-old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}
