resource "aws_s3_bucket" "logs" {
  bucket = "parity-logs"
}

module "sg" {
  source   = "./modules/sg"
  for_each = toset(["api", "admin"])
  name     = each.key
}
