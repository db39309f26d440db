resource "aws_cloudtrail" "bad_regional" {
  name                       = "acme-eu-west-1"
  s3_bucket_name             = "acme-audit-logs"
  enable_log_file_validation = true
}
