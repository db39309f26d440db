resource "aws_vpc" "bad_app" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_vpc" "good_core" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "core" {
  vpc_id               = aws_vpc.good_core.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
