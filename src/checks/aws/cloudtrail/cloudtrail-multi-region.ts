import { defineCheck } from '../../kit/define-check.js';
import { trailSetting } from './trail.js';

export default defineCheck({
  id: 'AWS-CLOUDTRAIL-002',
  title: 'CloudTrail trail is multi-region',
  severity: 'medium',
  provider: 'aws',
  service: 'cloudtrail',
  target: 'aws.cloudtrail.trail',
  rationale:
    'A single-region trail records only the region it lives in, so activity in any other region (where an attacker ' +
    'starts instances precisely because nobody watches) goes unrecorded. A multi-region trail also picks up regions ' +
    'AWS adds later.',
  remediation: {
    summary: 'Make the trail multi-region.',
    cli: 'aws cloudtrail update-trail --name TRAIL --is-multi-region-trail',
    terraform: 'is_multi_region_trail = true',
    cloudformation: 'IsMultiRegionTrail: true',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html'],
  compliance: { 'cis-aws-3.0': ['3.1'] },
  evaluate(trail, ctx) {
    return trailSetting(ctx, trail, trail.multiRegion, (v) => v, 'records every region', (d) =>
      d ? 'does not set `IsMultiRegionTrail`, so it records one region only; make it multi-region' : 'records one region only; set `IsMultiRegionTrail` / `is_multi_region_trail` to `true`');
  },
});
