resource "aws_iam_policy" "bad_all_but_payroll" {
  name = "all-buckets-but-payroll"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = ["s3:GetObject", "s3:PutObject"]
      NotResource = ["arn:aws:s3:::acme-payroll", "arn:aws:s3:::acme-payroll/*"]
    }]
  })
}

resource "aws_iam_policy" "good_queue_writer" {
  name = "queue-writer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:GetQueueUrl"], Resource = "arn:aws:sqs:eu-west-1:111122223333:orders" }]
  })
}
