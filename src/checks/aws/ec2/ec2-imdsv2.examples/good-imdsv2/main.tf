resource "aws_instance" "good_app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_launch_template" "hardened" {
  name = "acme-hardened"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_instance" "good_from_template" {
  instance_type = "t3.small"
  launch_template {
    id      = aws_launch_template.hardened.id
    version = "$Latest"
  }
}
