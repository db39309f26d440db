resource "aws_s3_bucket" "bad_payloads" {
  bucket = "acme-api-payloads"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-s3-access-logs"
}

resource "aws_s3_bucket" "good_audited" {
  bucket = "acme-api-audited"
}

resource "aws_s3_bucket_logging" "good_audited" {
  bucket        = aws_s3_bucket.good_audited.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "api-audited/"
}
