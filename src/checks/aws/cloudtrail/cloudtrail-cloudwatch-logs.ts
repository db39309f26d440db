import { defineCheck } from '../../kit/define-check.js';
import { trailSetting } from './trail.js';

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-004',
  title: 'CloudTrail trail delivers to CloudWatch Logs',
  severity: 'low',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'aws.cloudtrail.trail',
  rationale:
    'Logs in S3 are for investigations; logs in CloudWatch Logs can raise alarms while something happens. Metric ' +
    'filters and alarms for root account use, IAM policy changes, security group changes and console sign-in ' +
    'failures need the trail delivered to a log group.',
  remediation: {
    summary: 'Send the trail to a CloudWatch Logs log group (with a role CloudTrail can assume) and add metric filters and alarms.',
    cli: 'aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn arn:aws:logs:REGION:ACCOUNT:log-group:cloudtrail:* --cloud-watch-logs-role-arn arn:aws:iam::ACCOUNT:role/CloudTrailToLogs',
    terraform: 'cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\ncloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn',
    cloudformation: 'CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn\nCloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
  ],
  evaluate(trail, ctx) {
    return trailSetting(ctx, trail, trail.cloudWatchLogsGroup, (v) => v !== null, 'delivers to CloudWatch Logs', () =>
      'is not delivered to CloudWatch Logs, so nothing can alarm on it; set a log group and role');
  },
});
