import { defineCheck } from '../../kit/define-check.js';
import { bucketText } from './bucket.js';

export default defineCheck({
  id: 'AWS-S3-001',
  title: 'S3 bucket blocks public access',
  severity: 'high',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'S3 Block Public Access is the backstop that keeps a mistaken ACL or bucket policy from exposing data to the ' +
    'internet. New buckets have all four settings on since April 2023; a template that turns one off re-opens the door.',
  remediation: {
    summary: 'Turn on all four Block Public Access settings for the bucket.',
    cli: 'aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "this" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
    cloudformation:
      'PublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  IgnorePublicAcls: true\n  BlockPublicPolicy: true\n  RestrictPublicBuckets: true',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html',
  ],
  compliance: { 'cis-aws-3.0': ['2.1.4'] },
  evaluate(bucket, ctx) {
    const pab = bucket.publicAccessBlock;
    if (!pab.known) return ctx.unknown(pab, `cannot tell whether ${bucketText(bucket)} blocks public access`);
    if (pab.value === null) return ctx.fail(pab, `${bucketText(bucket)} has no public access block; add one with all four settings on`);
    const settings = [
      ['BlockPublicAcls', pab.value.blockPublicAcls],
      ['IgnorePublicAcls', pab.value.ignorePublicAcls],
      ['BlockPublicPolicy', pab.value.blockPublicPolicy],
      ['RestrictPublicBuckets', pab.value.restrictPublicBuckets],
    ] as const;
    const off = settings.filter(([, a]) => a.known && a.value === false);
    const [firstOff] = off;
    if (firstOff) {
      const names = off.map(([n]) => `\`${n}\``).join(', ');
      return ctx.fail(firstOff[1], `${bucketText(bucket)} turns off ${names}; set ${off.length > 1 ? 'them' : 'it'} to \`true\``);
    }
    const unknownSetting = settings.find(([, a]) => !a.known);
    if (unknownSetting) return ctx.unknown(unknownSetting[1], `cannot tell whether ${bucketText(bucket)} blocks public access: \`${unknownSetting[0]}\` is not known before deployment`);
    return ctx.pass();
  },
});
