resource "aws_cloudtrail" "bad_trail" {
  name                  = "acme-trail"
  s3_bucket_name        = "acme-audit-logs"
  is_multi_region_trail = true
}
