import type { S3Bucket } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import { bucketText } from './bucket.js';

/** Whether another bucket of the estate delivers its server access logs into `bucket`. */
/**
 * Log destinations of the estate (lower-cased) with the buckets that log into each, read once per estate: asking
 * every bucket against every other one is quadratic in the number of buckets. The estate is immutable, so this is a
 * memo of a pure function, not state.
 */
const destinations = new WeakMap<readonly S3Bucket[], Map<string, S3Bucket[]>>();

function receivesAccessLogs(bucket: S3Bucket, all: readonly S3Bucket[]): boolean {
  let byTarget = destinations.get(all);
  if (byTarget === undefined) {
    byTarget = new Map();
    for (const b of all) {
      if (!b.logging.known || b.logging.value === null) continue;
      const t = b.logging.value.toLowerCase();
      byTarget.set(t, [...(byTarget.get(t) ?? []), b]);
    }
    destinations.set(all, byTarget);
  }
  const handles = new Set([bucket.key, ...bucket.aliases, ...(bucket.name.known ? [bucket.name.value] : [])].map((h) => h.toLowerCase()));
  for (const h of handles) if ((byTarget.get(h) ?? []).some((b) => b !== bucket)) return true;
  return false;
}

export default defineCheck({
  id: 'AWS-S3-007',
  title: 'S3 bucket has server access logging enabled',
  severity: 'low',
  provider: 'aws',
  service: 's3',
  target: 'aws.s3.bucket',
  rationale:
    'Server access logs record every request to the bucket (requester, source IP, operation, response), which ' +
    'CloudTrail management events do not. They are what an investigation of a data leak reads. A bucket that ' +
    'receives other buckets\' access logs is not asked to log itself: logging a log bucket into itself loops.',
  remediation: {
    summary: 'Enable server access logging into a dedicated log bucket.',
    cli: 'aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"LOG_BUCKET","TargetPrefix":"BUCKET/"}}\'',
    terraform: 'resource "aws_s3_bucket_logging" "this" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "this/"\n}',
    cloudformation: 'LoggingConfiguration:\n  DestinationBucketName: !Ref LogBucket\n  LogFilePrefix: this/',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  ],
  evaluate(bucket, ctx) {
    const l = bucket.logging;
    if (!l.known) return ctx.unknown(l, `cannot tell whether ${bucketText(bucket)} logs its requests`);
    if (l.value !== null) return ctx.pass();
    if (receivesAccessLogs(bucket, ctx.estate.ofKind('aws.s3.bucket'))) return ctx.notApplicable();
    return ctx.fail(l, `${bucketText(bucket)} does not have server access logging; send its access logs to a log bucket`);
  },
});
