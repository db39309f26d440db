variable "trail_enabled" {
  type    = bool
  default = false
}

resource "aws_cloudtrail" "bad_staging" {
  name                  = "acme-trail-staging"
  s3_bucket_name        = "acme-audit-logs"
  is_multi_region_trail = true
  enable_logging        = var.trail_enabled
}
