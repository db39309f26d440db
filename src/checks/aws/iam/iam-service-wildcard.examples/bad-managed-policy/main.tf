data "aws_iam_policy_document" "data_engineer" {
  statement {
    sid       = "AllOfS3AndGlue"
    actions   = ["s3:*", "glue:*"]
    resources = ["*"]
  }
  statement {
    sid       = "PassAnyRole"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "bad_data_engineer" {
  name   = "data-engineer"
  policy = data.aws_iam_policy_document.data_engineer.json
}

resource "aws_iam_policy" "good_queue_writer" {
  name = "queue-writer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:GetQueueUrl"], Resource = "arn:aws:sqs:eu-west-1:111122223333:orders" }]
  })
}
