import { defineCheck } from '../../kit/define-check.js';
import { trailSetting } from './trail.js';

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-006',
  title: 'CloudTrail trail is logging',
  severity: 'high',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'aws.cloudtrail.trail',
  rationale:
    'A trail that exists but is stopped records nothing: `IsLogging: false` (or `enable_logging = false`) and a ' +
    '`StopLogging` call are what an intruder does first. The trail must be logging for any of its other settings to ' +
    'matter.',
  remediation: {
    summary: 'Turn logging on for the trail and alarm on `StopLogging`.',
    cli: 'aws cloudtrail start-logging --name TRAIL',
    terraform: 'enable_logging = true',
    cloudformation: 'IsLogging: true',
  },
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html',
  ],
  compliance: { 'cis-aws-3.0': ['3.1'] },
  evaluate(trail, ctx) {
    return trailSetting(ctx, trail, trail.isLogging, (v) => v, 'is logging', () => 'is not logging; set `IsLogging` / `enable_logging` to `true`');
  },
});
