variable "data_key_arn" {
  type    = string
  default = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_s3_bucket" "good_data" {
  bucket = "acme-customer-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "good_data" {
  bucket = aws_s3_bucket.good_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.data_key_arn
    }
    bucket_key_enabled = true
  }
}
