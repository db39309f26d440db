import { defineCheck } from '../../kit/define-check.js';
import { listWords } from '../shared/text.js';

export default defineCheck({
  id: 'AWS-GUARDDUTY-001',
  title: 'GuardDuty is enabled',
  severity: 'medium',
  provider: 'aws',
  service: 'guardduty',
  target: 'estate',
  rationale:
    'GuardDuty reads CloudTrail, VPC flow logs and DNS logs to detect compromised credentials, crypto-mining, ' +
    'reconnaissance and exfiltration, without agents. It is off until a detector is created in each region (or ' +
    'enabled for the organisation by a delegated administrator). This check looks across every input for an enabled ' +
    'detector; it cannot see detectors created outside them.',
  remediation: {
    summary: 'Create an enabled GuardDuty detector in every region you use (or enable GuardDuty organisation-wide).',
    cli: 'aws guardduty create-detector --enable --finding-publishing-frequency FIFTEEN_MINUTES',
    terraform: 'resource "aws_guardduty_detector" "main" {\n  enable = true\n}',
    cloudformation: 'Detector:\n  Type: AWS::GuardDuty::Detector\n  Properties:\n    Enable: true',
  },
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/what-is-guardduty.html',
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  ],
  evaluate(view, ctx) {
    const detectors = view.graph.ofKind('aws.guardduty.detector');
    if (detectors.some((d) => d.enabled.known && d.enabled.value)) return ctx.pass();
    const looked = `looked at ${listWords(view.files.map((f) => `\`${f}\``))}`;
    const undecided = detectors.find((d) => !d.enabled.known);
    if (undecided) return ctx.unknown(undecided.enabled, `cannot tell whether GuardDuty detector \`${undecided.native.name}\` is enabled (${looked})`);
    const [off] = detectors;
    if (off) return ctx.fail(off.enabled, `GuardDuty detector \`${off.native.name}\` is disabled (${looked}); enable it`);
    return ctx.fail({ file: view.files[0] ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 }, `no GuardDuty detector is defined (${looked}); enable GuardDuty in every region you use`);
  },
});
