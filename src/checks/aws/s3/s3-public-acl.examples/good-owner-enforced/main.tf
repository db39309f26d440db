resource "aws_s3_bucket" "good_invoices" {
  bucket = "acme-invoices"
}

resource "aws_s3_bucket_ownership_controls" "good_invoices" {
  bucket = aws_s3_bucket.good_invoices.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
