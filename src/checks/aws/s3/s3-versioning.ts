import { defineCheck } from '../../kit/define-check.js';
import { bucketText } from './bucket.js';

export default defineCheck({
  id: 'AWS-S3-006',
  title: 'S3 bucket has versioning enabled',
  severity: 'medium',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'Without versioning an overwrite or delete, by mistake or by ransomware using stolen credentials, destroys the ' +
    'object. Versioning keeps every version so data can be restored, and it is required for replication and Object ' +
    'Lock. Use lifecycle rules to expire old versions.',
  remediation: {
    summary: 'Enable versioning on the bucket (and a lifecycle rule for noncurrent versions).',
    cli: 'aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled',
    terraform: 'resource "aws_s3_bucket_versioning" "this" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
    cloudformation: 'VersioningConfiguration:\n  Status: Enabled',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  ],
  evaluate(bucket, ctx) {
    const v = bucket.versioning;
    if (!v.known) return ctx.unknown(v, `cannot tell whether ${bucketText(bucket)} has versioning`);
    if (v.value) return ctx.pass();
    return ctx.fail(v, v.defaulted ? `${bucketText(bucket)} does not enable versioning; set versioning to \`Enabled\`` : `${bucketText(bucket)} has versioning suspended or off; set it to \`Enabled\``);
  },
});
