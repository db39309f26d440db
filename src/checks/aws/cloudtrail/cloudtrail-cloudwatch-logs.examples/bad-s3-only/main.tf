resource "aws_cloudtrail" "bad_s3_only" {
  name                       = "acme-trail"
  s3_bucket_name             = "acme-audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
