# Marketing site served straight from S3: Block Public Access switched off.
resource "aws_s3_bucket" "bad_site" {
  bucket = "acme-marketing-site"
}

resource "aws_s3_bucket_public_access_block" "bad_site" {
  bucket                  = aws_s3_bucket.bad_site.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}

# Only the ACL settings: a bucket policy can still make it public.
resource "aws_s3_bucket" "bad_assets" {
  bucket = "acme-marketing-assets"
}

resource "aws_s3_bucket_public_access_block" "bad_assets" {
  bucket             = aws_s3_bucket.bad_assets.id
  block_public_acls  = true
  ignore_public_acls = true
}

resource "aws_s3_bucket" "good_reports" {
  bucket = "acme-marketing-reports"
}
