resource "aws_s3_bucket" "bad_exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket" "bad_imports" {
  bucket = "acme-imports"
}

resource "aws_s3_bucket_policy" "bad_imports" {
  bucket = aws_s3_bucket.bad_imports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EtlWrites"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/etl" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::acme-imports/*"
    }]
  })
}
