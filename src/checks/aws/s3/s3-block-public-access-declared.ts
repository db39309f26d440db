import { defineCheck } from '../../kit/define-check.js';
import { bucketText } from './bucket.js';

export default defineCheck({
  id: 'AWS-S3-008',
  title: 'S3 bucket declares its Block Public Access settings in code',
  severity: 'low',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'Since April 2023 S3 turns all four Block Public Access settings on for new buckets, so a bucket created without ' +
    'them starts private (AWS-S3-001 judges the effective settings). But a setting the configuration does not declare ' +
    'is not managed by it: someone can switch it off in the console or with one API call, and no plan, review or ' +
    'drift detection will notice. Declaring the block makes the protection part of the reviewed configuration.',
  remediation: {
    summary: 'Declare the bucket\'s public access block with all four settings on (in Terraform, a separate `aws_s3_bucket_public_access_block`).',
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    cloudformation:
      'PublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html',
    'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block',
  ],
  compliance: { 'cis-aws-3.0': ['2.1.4'] },
  evaluate(bucket, ctx) {
    const pab = bucket.publicAccessBlock;
    if (!pab.known) return ctx.unknown(pab, `cannot tell whether ${bucketText(bucket)} declares a public access block`);
    if (pab.defaulted === true) {
      return ctx.fail(pab, `${bucketText(bucket)} does not declare a public access block: it relies on the S3 default, which nothing in this configuration keeps on; declare all four settings`);
    }
    return ctx.pass();
  },
});
