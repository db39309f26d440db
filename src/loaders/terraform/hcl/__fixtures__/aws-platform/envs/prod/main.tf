terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.common_tags
  }
}

module "network" {
  source = "../../modules/network"

  name            = local.name
  cidr_block      = var.vpc_cidr
  azs             = var.azs
  enable_nat      = var.enable_nat
  admin_cidrs     = var.admin_cidrs
  web_ports       = [80, 443]
  tags            = local.common_tags
}

module "buckets" {
  source   = "../../modules/bucket"
  for_each = local.buckets

  name          = "${local.name}-${each.key}"
  versioning    = each.value.versioning
  public_read   = each.value.public
  kms_key_arn   = each.value.kms ? aws_kms_key.data.arn : null
  reader_arns   = [aws_iam_role.app.arn]
}

module "app" {
  source = "../../modules/app"
  count  = var.app_instances

  name               = "${local.name}-app-${count.index}"
  subnet_id          = module.network.private_subnet_ids[count.index % length(module.network.private_subnet_ids)]
  security_group_ids = [module.network.web_sg_id]
  instance_type      = var.instance_type
  log_bucket         = module.buckets["logs"].bucket_name
}

resource "aws_kms_key" "data" {
  description             = "Data bucket key for ${local.name}"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}
