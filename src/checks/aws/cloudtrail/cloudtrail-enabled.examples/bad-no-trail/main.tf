# An account baseline with GuardDuty and Config, but no trail.
resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_s3_bucket" "config" {
  bucket = "acme-config-history"
}
