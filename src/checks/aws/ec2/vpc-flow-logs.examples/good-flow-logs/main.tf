resource "aws_vpc" "good_main" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/flow-logs"
  retention_in_days = 365
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.good_main.id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = "arn:aws:iam::111122223333:role/flow-logs"
}
