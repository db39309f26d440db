// Generates a Terraform project shaped like a real estate: many root files, locals, for_each, count, dynamic
// blocks, policy documents and local modules. Each root file yields 20 resource instances.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESOURCES_PER_FILE = 20;

const BUCKET_MODULE = {
  'variables.tf': `variable "name" {
  type = string
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "readers" {
  type    = list(string)
  default = []
}
`,
  'main.tf': `resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = merge(var.tags, { Module = "bucket" })
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "Readers"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = length(var.readers) > 0 ? var.readers : ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json
}
`,
  'outputs.tf': `output "bucket" {
  value = aws_s3_bucket.this.bucket
}
output "arn" {
  value = aws_s3_bucket.this.arn
}
`,
};

function rootFile(i: number): string {
  const n = String(i).padStart(4, '0');
  return `locals {
  svc_${n} = {
    api    = { port = 443, cidrs = ["10.0.0.0/8"] }
    admin  = { port = 22, cidrs = [var.admin_cidr] }
    metric = { port = 9100, cidrs = ["10.\${${i} % 250}.0.0/16"] }
    web    = { port = 80, cidrs = ["0.0.0.0/0"] }
  }
}

resource "aws_security_group" "sg_${n}" {
  for_each    = local.svc_${n}
  name        = "\${var.env}-${n}-\${each.key}"
  description = format("%s service %s", each.key, "${n}")
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = each.value.cidrs
    content {
      from_port   = each.value.port
      to_port     = each.value.port
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = merge(local.common_tags, { Service = each.key })
}

resource "aws_security_group_rule" "extra_${n}" {
  for_each          = local.svc_${n}
  type              = "ingress"
  security_group_id = aws_security_group.sg_${n}[each.key].id
  from_port         = each.value.port + 1
  to_port           = each.value.port + 1
  protocol          = "tcp"
  cidr_blocks       = each.value.cidrs
}

module "bucket_${n}" {
  source   = "./modules/bucket"
  for_each = toset(["logs", "data"])
  name     = "\${var.env}-${n}-\${each.key}"
  tags     = local.common_tags
}

resource "aws_instance" "app_${n}" {
  count                  = 2
  ami                    = var.ami
  instance_type          = count.index == 0 ? "t3.micro" : "t3.small"
  vpc_security_group_ids = [for k, sg in aws_security_group.sg_${n} : sg.id]
  user_data              = <<-EOT
    #!/bin/bash
    echo "service ${n} instance \${count.index}" > /etc/motd
  EOT
  root_block_device {
    encrypted   = true
    volume_size = 20
  }
}

resource "aws_iam_role" "role_${n}" {
  name = "role-${n}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "ro_${n}" {
  role       = aws_iam_role.role_${n}.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`;
}

const ROOT_COMMON = `variable "env" {
  type    = string
  default = "bench"
}
variable "vpc_id" {
  type    = string
  default = "vpc-0123456789abcdef0"
}
variable "admin_cidr" {
  type    = string
  default = "203.0.113.0/24"
}
variable "ami" {
  type    = string
  default = "ami-0123456789abcdef0"
}
locals {
  common_tags = { Environment = var.env, Owner = "platform" }
}
`;

/** Writes a project with `resources` managed resource instances (a multiple of 20) into `dir`. */
export function generateProject(dir: string, resources: number): { files: number; resources: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'modules', 'bucket'), { recursive: true });
  for (const [name, text] of Object.entries(BUCKET_MODULE)) writeFileSync(path.join(dir, 'modules', 'bucket', name), text);
  writeFileSync(path.join(dir, 'common.tf'), ROOT_COMMON);
  const rootFiles = Math.max(1, Math.round(resources / RESOURCES_PER_FILE));
  for (let i = 0; i < rootFiles; i++) writeFileSync(path.join(dir, `service-${String(i).padStart(4, '0')}.tf`), rootFile(i));
  return { files: rootFiles + 1 + Object.keys(BUCKET_MODULE).length, resources: rootFiles * RESOURCES_PER_FILE };
}
