resource "aws_iam_policy" "bad_platform_admin" {
  name = "platform-admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

data "aws_iam_policy_document" "codebuild_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
  }
}

# Attaches the policy above: the finding is the policy's, not the role's.
resource "aws_iam_role" "platform" {
  name               = "acme-platform"
  assume_role_policy = data.aws_iam_policy_document.codebuild_trust.json
}

resource "aws_iam_role_policy_attachment" "platform_admin" {
  role       = aws_iam_role.platform.name
  policy_arn = aws_iam_policy.bad_platform_admin.arn
}

resource "aws_iam_policy" "good_queue_writer" {
  name = "queue-writer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage", "sqs:GetQueueUrl"], Resource = "arn:aws:sqs:eu-west-1:111122223333:orders" }]
  })
}
