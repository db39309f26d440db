resource "aws_s3_bucket" "bad_uploads" {
  bucket = "acme-customer-uploads"
}

resource "aws_s3_bucket" "bad_exports" {
  bucket = "acme-customer-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bad_exports" {
  bucket = aws_s3_bucket.bad_exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Provider v3 style, on the bucket itself: SSE-KMS with the AWS managed key.
resource "aws_s3_bucket" "bad_statements" {
  bucket = "acme-customer-statements"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
