resource "aws_s3_bucket" "bad_contracts" {
  bucket = "acme-contracts"
}

resource "aws_s3_bucket" "bad_hr_records" {
  bucket = "acme-hr-records"
}

resource "aws_s3_bucket_versioning" "bad_hr_records" {
  bucket = aws_s3_bucket.bad_hr_records.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "good_policy_docs" {
  bucket = "acme-policy-docs"
}

resource "aws_s3_bucket_versioning" "good_policy_docs" {
  bucket = aws_s3_bucket.good_policy_docs.id
  versioning_configuration {
    status = "Enabled"
  }
}
