import { describe, expect, it } from 'vitest';
import { moduleFromText } from '../__fixtures__/harness.js';
import { plain } from '../__fixtures__/helpers.js';

// https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
// (examples "Using A Source Document", "Using An Override Document", "Both Source and Override", principals note).
async function docs(text: string): Promise<Record<string, unknown>> {
  const m = await moduleFromText(text);
  const out: Record<string, unknown> = {};
  for (const i of m.instances()) {
    const json = i.values.fields.get('json');
    out[i.name] = json?.t === 'string' ? JSON.parse(json.v) : plain(json?.t === 'unknown' ? json.json : json);
  }
  return out;
}

describe('data "aws_iam_policy_document"', () => {
  it('source_policy_documents: a same-Sid statement replaces the source one', async () => {
    const d = await docs(`
data "aws_iam_policy_document" "source" {
  statement {
    actions   = ["ec2:*"]
    resources = ["*"]
  }
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "example" {
  source_policy_documents = [data.aws_iam_policy_document.source.json]
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]
  }
}
`);
    expect(d.example).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Sid: 'SidToOverride', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::somebucket', 'arn:aws:s3:::somebucket/*'] },
      ],
    });
  });

  it('override_policy_documents win over the statements of the document itself', async () => {
    const d = await docs(`
data "aws_iam_policy_document" "override" {
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "example" {
  override_policy_documents = [data.aws_iam_policy_document.override.json]
  statement {
    actions   = ["ec2:*"]
    resources = ["*"]
  }
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"]
  }
}
`);
    expect(d.example).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Sid: 'SidToOverride', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      ],
    });
  });

  it('source and override together, with no statements of its own', async () => {
    const d = await docs(`
data "aws_iam_policy_document" "source" {
  statement {
    sid       = "OverridePlaceholder"
    actions   = ["ec2:DescribeAccountAttributes"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "override" {
  statement {
    sid       = "OverridePlaceholder"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "politik" {
  source_policy_documents   = [data.aws_iam_policy_document.source.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]
}
`);
    expect(d.politik).toEqual({ Version: '2012-10-17', Statement: [{ Sid: 'OverridePlaceholder', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  });

  it('principals: type "*" renders Principal "*", type AWS renders {"AWS": "*"}; &{} is an IAM policy variable', async () => {
    const d = await docs(`
data "aws_iam_policy_document" "star" {
  statement {
    actions = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/&{aws:username}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
data "aws_iam_policy_document" "aws" {
  statement {
    actions = ["sts:AssumeRole"]
    not_principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com", "lambda.amazonaws.com"]
    }
  }
}
`);
    expect(d.star).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*', Principal: '*' }] });
    expect(d.aws).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, NotPrincipal: { AWS: '*' } }],
    });
  });

  it('a source document given as literal JSON (heredoc) is merged as well', async () => {
    const d = await docs(`
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [<<-JSON
    {"Version": "2012-10-17", "Statement": [{"Sid": "Lit", "Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}
  JSON
  ]
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}
`);
    expect(d.merged).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Lit', Effect: 'Deny', Action: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
    });
  });

  it('dynamic statement blocks', async () => {
    const d = await docs(`
locals {
  grants = { read = ["s3:GetObject"], list = ["s3:ListBucket"] }
}
data "aws_iam_policy_document" "dyn" {
  dynamic "statement" {
    for_each = local.grants
    content {
      sid       = statement.key
      actions   = statement.value
      resources = ["*"]
    }
  }
}
`);
    expect(d.dyn).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'list', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
        { Sid: 'read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      ],
    });
  });
});
