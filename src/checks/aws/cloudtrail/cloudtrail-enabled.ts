import type { Tri } from '../../../model/index.js';
import { triAnd } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import { listWords } from '../shared/text.js';
import { trailText } from './trail.js';

function on(a: { known: boolean; value?: boolean }): Tri {
  return a.known ? a.value === true : 'unknown';
}

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-001',
  title: 'A multi-region CloudTrail trail that is logging exists',
  severity: 'high',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'estate',
  rationale:
    'CloudTrail event history is always on, but it keeps only 90 days of management events, for one region at a time, ' +
    'with no data events, no integrity validation and no copy outside the account. What is off by default is a trail: ' +
    'the only way to keep API activity longer, from every region, in a bucket (and CloudWatch Logs) you control. ' +
    'Investigations routinely start after 90 days. This check looks across every input for a multi-region trail that ' +
    'is logging; it cannot see trails created outside them (for example an organisation trail in the management account).',
  remediation: {
    summary: 'Create a multi-region trail with log file validation, KMS encryption and CloudWatch Logs delivery (or an organisation trail).',
    cli: 'aws cloudtrail create-trail --name org-trail --s3-bucket-name audit-logs --is-multi-region-trail --enable-log-file-validation --kms-key-id alias/cloudtrail\naws cloudtrail start-logging --name org-trail',
    terraform: 'resource "aws_cloudtrail" "main" {\n  name                          = "org-trail"\n  s3_bucket_name                = aws_s3_bucket.audit.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n  kms_key_id                    = aws_kms_key.cloudtrail.arn\n  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn\n}',
    cloudformation: 'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    IsLogging: true\n    IsMultiRegionTrail: true\n    EnableLogFileValidation: true\n    S3BucketName: !Ref AuditBucket\n    KMSKeyId: !Ref TrailKey',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  ],
  compliance: { 'cis-aws-3.0': ['3.1'] },
  evaluate(view, ctx) {
    const trails = view.graph.ofKind('aws.cloudtrail.trail');
    const looked = `looked at ${listWords(view.files.map((f) => `\`${f}\``))}`;
    const history = 'CloudTrail event history keeps only 90 days of management events';
    const states = trails.map((t) => ({ t, ok: triAnd(on(t.multiRegion), on(t.isLogging)) }));
    if (states.some((s) => s.ok === true)) return ctx.pass();
    const where = { file: view.files[0] ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const undecided = states.find((s) => s.ok === 'unknown');
    if (undecided) return ctx.unknown(undecided.t.at, `cannot tell whether ${trailText(undecided.t)} is a multi-region trail that is logging (${looked})`);
    if (trails.length === 0) return ctx.fail(where, `no CloudTrail trail is defined (${looked}); ${history}: create a multi-region trail`);
    const names = listWords(trails.map(trailText));
    return ctx.fail(trails[0]?.at ?? where, `no trail is both multi-region and logging (${names}; ${looked}); ${history}: make a trail multi-region and logging`);
  },
});
