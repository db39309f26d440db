# Roles trusted by the account that applies the configuration: its id is known only at apply, but the principal is
# plainly that account's root, not any principal.
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "same_account" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "good_operator" {
  name               = "acme-operator"
  assume_role_policy = data.aws_iam_policy_document.same_account.json
}

resource "aws_iam_role" "good_breakglass" {
  name = "acme-breakglass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = format("arn:aws:iam::%s:root", data.aws_caller_identity.current.account_id) }
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}
