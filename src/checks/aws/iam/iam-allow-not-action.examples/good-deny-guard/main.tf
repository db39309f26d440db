data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "monitoring" {
  statement {
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "ec2:DescribeInstances"]
    resources = ["*"]
  }
  statement {
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*"]
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}

resource "aws_iam_role" "good_monitoring" {
  name               = "acme-monitoring"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  inline_policy {
    name   = "monitoring"
    policy = data.aws_iam_policy_document.monitoring.json
  }
}
