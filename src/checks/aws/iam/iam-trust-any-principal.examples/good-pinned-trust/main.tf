variable "org_id" {
  type    = string
  default = "o-a1b2c3d4e5"
}

data "aws_iam_policy_document" "org_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }
}

resource "aws_iam_role" "good_org_reader" {
  name               = "acme-org-reader"
  assume_role_policy = data.aws_iam_policy_document.org_trust.json
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "good_github_deploy" {
  name               = "acme-github-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_trust.json
}
