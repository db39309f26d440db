import { defineCheck } from '../../kit/define-check.js';
import { code } from '../shared/text.js';
import { bucketText } from './bucket.js';

/** `alias/aws/s3` (or its ARN): the AWS managed key, whose policy and rotation the customer does not control. */
function isAwsManagedAlias(key: string): boolean {
  return key === 'alias/aws/s3' || key.endsWith(':alias/aws/s3');
}

export default defineCheck({
  id: 'AWS-S3-005',
  title: 'S3 bucket is encrypted with a customer managed KMS key',
  severity: 'low',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'Since 5 January 2023 every bucket is encrypted at rest by default with S3-managed keys (SSE-S3), so "no ' +
    'encryption" is no longer the risk. What SSE-S3 and the AWS managed key `aws/s3` do not give you is control: a key ' +
    'policy that decides who may decrypt, your own rotation, cross-account restrictions, and a CloudTrail record of ' +
    'every use of the key. For buckets holding sensitive data, use SSE-KMS (or DSSE-KMS) with a customer managed key.',
  remediation: {
    summary: 'Set the bucket default encryption to `aws:kms` with a customer managed KMS key, and enable S3 Bucket Keys to reduce KMS cost.',
    cli: 'aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"},"BucketKeyEnabled":true}]}\'',
    terraform: 'resource "aws_s3_bucket_server_side_encryption_configuration" "this" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n    bucket_key_enabled = true\n  }\n}',
    cloudformation: 'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !GetAtt DataKey.Arn\n      BucketKeyEnabled: true',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt',
  ],
  evaluate(bucket, ctx) {
    const enc = bucket.encryption;
    const name = bucketText(bucket);
    if (!enc.known) return ctx.unknown(enc, `cannot tell how ${name} is encrypted`);
    const { algorithm, kmsKey } = enc.value;
    if (!algorithm.known) return ctx.unknown(algorithm, `cannot tell which encryption ${name} uses`);
    if (algorithm.value === 'AES256') {
      const how = algorithm.defaulted ? 'has no default encryption configuration, so it uses SSE-S3 (S3-managed keys, the default since January 2023)' : 'uses SSE-S3 (`AES256`, S3-managed keys)';
      return ctx.fail(algorithm, `${name} ${how}; the data is encrypted, but use SSE-KMS with a customer managed key where you need control over who can decrypt it`);
    }
    if (!algorithm.value.startsWith('aws:kms')) return ctx.unknown(algorithm, `${name} uses the unrecognised algorithm ${code(algorithm.value)}`);
    if (!kmsKey.known) return ctx.unknown(kmsKey, `cannot tell which KMS key ${name} uses`);
    if (kmsKey.value === null || isAwsManagedAlias(kmsKey.value)) {
      return ctx.fail(kmsKey.value === null ? algorithm : kmsKey, `${name} uses SSE-KMS with the AWS managed key \`aws/s3\`, whose key policy you cannot change; set \`KMSMasterKeyID\` to a customer managed key`);
    }
    return ctx.pass();
  },
});
