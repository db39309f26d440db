data "aws_iam_policy_document" "all_but_billing" {
  statement {
    not_actions = ["aws-portal:*", "budgets:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "bad_all_but_billing" {
  name   = "all-but-billing"
  policy = data.aws_iam_policy_document.all_but_billing.json
}

resource "aws_iam_policy" "good_queue_writer" {
  name = "queue-writer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:GetQueueUrl"], Resource = "arn:aws:sqs:eu-west-1:111122223333:orders" }]
  })
}
