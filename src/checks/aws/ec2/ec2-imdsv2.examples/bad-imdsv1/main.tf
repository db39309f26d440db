data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_instance" "bad_legacy" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

resource "aws_instance" "bad_app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}
