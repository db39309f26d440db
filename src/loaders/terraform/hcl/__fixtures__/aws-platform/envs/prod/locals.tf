locals {
  name = "acme-${var.environment}"

  common_tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
    Project     = "acme"
  }

  buckets = {
    logs = { versioning = false, public = false, kms = false }
    data = { versioning = true, public = false, kms = true }
    site = { versioning = false, public = true, kms = false }
  }
}
