import type { ScanReport } from '../types.js';

/** A small report with one finding of each status and one input error, shaped as the scan builds them. */
export const SAMPLE_REPORT: ScanReport = {
  tool: { name: 'parapet', version: '0.1.0' },
  findings: [
    {
      checkId: 'AWS-S3-001',
      title: 'S3 bucket blocks public access',
      severity: 'high',
      provider: 'aws',
      service: 's3',
      status: 'fail',
      resource: { type: 'AWS::S3::Bucket', name: 'LogsBucket', address: 'LogsBucket' },
      location: { file: 'infra/storage stack.yaml', startLine: 12, endLine: 12, startColumn: 9, endColumn: 30 },
      message: 'bucket `LogsBucket` turns off `BlockPublicAcls`; set it to `true`',
      remediation: { summary: 'Turn on all four Block Public Access settings for the bucket.', cli: 'aws s3api put-public-access-block --bucket BUCKET', terraform: 'resource "aws_s3_bucket_public_access_block" "this" {}' },
      evidence: ['BlockPublicAcls: false at line 12'],
    },
  ],
  unknowns: [
    {
      checkId: 'AWS-S3-001',
      title: 'S3 bucket blocks public access',
      severity: 'high',
      provider: 'aws',
      service: 's3',
      status: 'unknown',
      resource: { type: 'aws_s3_bucket', name: 'data', address: 'aws_s3_bucket.data' },
      location: { file: 'tf/main.tf', startLine: 3, endLine: 9, startColumn: 1, endColumn: 2 },
      message: 'cannot tell whether bucket `data` blocks public access (`var.block` has no value)',
      remediation: { summary: 'Turn on all four Block Public Access settings for the bucket.' },
    },
  ],
  errors: [{ file: 'broken.json', line: 3, column: 5, message: 'invalid JSON: Unexpected token', code: 'parse-error', severity: 'error' }],
  rules: [
    {
      id: 'AWS-S3-001',
      title: 'S3 bucket blocks public access',
      severity: 'high',
      provider: 'aws',
      service: 's3',
      rationale: 'Block Public Access is the backstop.',
      remediation: { summary: 'Turn on all four Block Public Access settings for the bucket.', cli: 'aws s3api put-public-access-block --bucket BUCKET' },
      references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
      compliance: { 'cis-aws-3.0': ['2.1.4'] },
    },
  ],
  summary: { files: 3, resources: 7, findings: 1, unknowns: 1, bySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 } },
};
