resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  for_each   = { a = "10.0.10.0/24", b = "10.0.11.0/24" }
  vpc_id     = aws_vpc.main.id
  cidr_block = each.value
}

resource "aws_instance" "good_app" {
  for_each      = aws_subnet.private
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = each.value.id
  metadata_options {
    http_tokens = "required"
  }
}
