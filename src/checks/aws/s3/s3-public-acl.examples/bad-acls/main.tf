resource "aws_s3_bucket" "bad_downloads" {
  bucket = "acme-public-downloads"
}

resource "aws_s3_bucket_ownership_controls" "bad_downloads" {
  bucket = aws_s3_bucket.bad_downloads.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "bad_downloads" {
  bucket              = aws_s3_bucket.bad_downloads.id
  block_public_acls   = false
  ignore_public_acls  = false
  block_public_policy = true
}

resource "aws_s3_bucket_acl" "bad_downloads" {
  depends_on = [aws_s3_bucket_ownership_controls.bad_downloads]
  bucket     = aws_s3_bucket.bad_downloads.id
  acl        = "public-read"
}

# Explicit grants to the AllUsers group: public-read-write in canned-ACL terms.
resource "aws_s3_bucket_acl" "bad_dropbox" {
  bucket = aws_s3_bucket.bad_dropbox.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }
    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}

resource "aws_s3_bucket" "bad_dropbox" {
  bucket = "acme-dropbox"
}

resource "aws_s3_bucket" "good_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_acl" "good_logs" {
  bucket = aws_s3_bucket.good_logs.id
  acl    = "log-delivery-write"
}
