locals {
  log_bucket = "acme-s3-access-logs"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = local.log_bucket
}

resource "aws_s3_bucket" "good_orders" {
  bucket = "acme-orders"
}

resource "aws_s3_bucket_logging" "good_orders" {
  bucket        = aws_s3_bucket.good_orders.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "orders/"
}
