data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "good_orders_function" {
  name               = "acme-orders-function"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy_attachment" "good_orders_logs" {
  role       = aws_iam_role.good_orders_function.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

data "aws_iam_policy_document" "orders_table" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
    resources = ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]
  }
}

resource "aws_iam_role_policy" "good_orders_table" {
  name   = "orders-table"
  role   = aws_iam_role.good_orders_function.id
  policy = data.aws_iam_policy_document.orders_table.json
}
