module "data_buckets" {
  source    = "./modules/secure-bucket"
  for_each  = var.buckets
  name      = "${local.name}-${each.key}"
  versioned = each.value.versioned
}

# Legacy bucket outside the module: public ACL and no block.
resource "aws_s3_bucket" "legacy_reports" {
  bucket = "${local.name}-legacy"
}

resource "aws_s3_bucket_ownership_controls" "legacy_reports" {
  bucket = aws_s3_bucket.legacy_reports.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "legacy_reports" {
  bucket                  = aws_s3_bucket.legacy_reports.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "legacy_reports" {
  bucket = aws_s3_bucket.legacy_reports.id
  acl    = "public-read"
}

resource "aws_db_instance" "reports" {
  identifier          = "${local.name}-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "reports"
  password            = var.db_password
  storage_encrypted   = false
  publicly_accessible = true
  skip_final_snapshot = true
}

resource "aws_cloudtrail" "main" {
  name                          = "${local.name}-trail"
  s3_bucket_name                = module.data_buckets["exports"].name
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
}
