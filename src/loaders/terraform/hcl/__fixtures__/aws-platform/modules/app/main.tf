data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_instance" "this" {
  ami                    = data.aws_ami.al2023.id
  instance_type          = var.instance_type
  subnet_id              = var.subnet_id
  vpc_security_group_ids = var.security_group_ids

  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", {
    port       = var.settings.port
    packages   = var.settings.packages
    log_bucket = var.log_bucket
  })

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.settings.imdsv2 ? "required" : "optional"
  }

  root_block_device {
    encrypted   = true
    volume_size = 30
  }

  tags = {
    Name = var.name
  }
}
