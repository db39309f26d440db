variable "buckets" {
  type    = set(string)
  default = ["raw", "curated"]
}

resource "aws_s3_bucket" "good_data" {
  for_each = var.buckets
  bucket   = "acme-data-lake-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "good_data" {
  for_each                = aws_s3_bucket.good_data
  bucket                  = each.value.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
