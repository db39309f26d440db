resource "aws_kms_key" "cloudtrail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.cloudtrail.arn
}

resource "aws_cloudtrail" "good_org" {
  name                          = "acme-org-trail"
  s3_bucket_name                = "acme-audit-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.cloudtrail.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::111122223333:role/CloudTrailToLogs"
}
