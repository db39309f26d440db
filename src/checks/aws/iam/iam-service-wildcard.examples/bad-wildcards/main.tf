data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bad_etl" {
  name               = "acme-etl"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

# The field guide's example: s3:* on *.
resource "aws_iam_role_policy" "bad_etl_s3" {
  name = "s3-everything"
  role = aws_iam_role.bad_etl.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_iam_role" "bad_helpdesk" {
  name               = "acme-helpdesk"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/IAMFullAccess"]
}

resource "aws_iam_role" "good_scoped" {
  name               = "acme-scoped"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  inline_policy {
    name = "one-bucket"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::acme-scratch", "arn:aws:s3:::acme-scratch/*"] }]
    })
  }
}
