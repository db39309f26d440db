data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bad_ops" {
  name               = "acme-ops-automation"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
    })
  }
}

resource "aws_iam_role" "bad_deploy" {
  name               = "acme-deploy"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy_attachment" "bad_deploy_admin" {
  role       = aws_iam_role.bad_deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

data "aws_iam_policy_document" "everything" {
  statement {
    sid       = "TemporaryAdmin"
    actions   = ["*:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "bad_worker" {
  name               = "acme-worker"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "bad_worker_admin" {
  name   = "worker-admin"
  role   = aws_iam_role.bad_worker.id
  policy = data.aws_iam_policy_document.everything.json
}

resource "aws_iam_role" "good_reader" {
  name               = "acme-report-reader"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}
