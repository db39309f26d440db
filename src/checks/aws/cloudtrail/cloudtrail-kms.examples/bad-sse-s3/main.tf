resource "aws_cloudtrail" "bad_unencrypted" {
  name                       = "acme-trail"
  s3_bucket_name             = "acme-audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
