import { defineCheck } from '../../kit/define-check.js';
import { trailSetting } from './trail.js';

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-005',
  title: 'CloudTrail trail logs are encrypted with a KMS key',
  severity: 'medium',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'aws.cloudtrail.trail',
  rationale:
    'By default trail log files get the bucket\'s server-side encryption (SSE-S3): anyone who can read the bucket can ' +
    'read the logs. With SSE-KMS and a customer managed key, reading them also needs `kms:Decrypt` on that key, a ' +
    'second, separately audited permission for the record of everything done in the account.',
  remediation: {
    summary: 'Encrypt the trail with a customer managed KMS key whose policy lets CloudTrail encrypt and only the auditors decrypt.',
    cli: 'aws cloudtrail update-trail --name TRAIL --kms-key-id alias/cloudtrail',
    terraform: 'kms_key_id = aws_kms_key.cloudtrail.arn',
    cloudformation: 'KMSKeyId: !Ref TrailKey',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html'],
  compliance: { 'cis-aws-3.0': ['3.5'] },
  evaluate(trail, ctx) {
    return trailSetting(ctx, trail, trail.kmsKey, (v) => v !== null, 'encrypts its logs with a KMS key', () =>
      'does not encrypt its logs with a KMS key (they get only the bucket\'s SSE-S3); set `KMSKeyId` / `kms_key_id` to a customer managed key');
  },
});
