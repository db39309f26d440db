import { defineCheck } from '../../kit/define-check.js';
import { trailSetting } from './trail.js';

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-003',
  title: 'CloudTrail trail has log file validation enabled',
  severity: 'medium',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'aws.cloudtrail.trail',
  rationale:
    'With log file validation CloudTrail writes signed digest files, so you can prove whether a log file was changed ' +
    'or deleted after delivery. Without it, an intruder who reaches the log bucket can rewrite history undetected.',
  remediation: {
    summary: 'Enable log file validation on the trail.',
    cli: 'aws cloudtrail update-trail --name TRAIL --enable-log-file-validation',
    terraform: 'enable_log_file_validation = true',
    cloudformation: 'EnableLogFileValidation: true',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
  compliance: { 'cis-aws-3.0': ['3.2'] },
  evaluate(trail, ctx) {
    return trailSetting(ctx, trail, trail.logFileValidation, (v) => v, 'validates its log files', (d) =>
      d ? 'does not enable log file validation (off by default); set `EnableLogFileValidation` / `enable_log_file_validation` to `true`' : 'has log file validation turned off; set it to `true`');
  },
});
