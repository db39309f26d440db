import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

// Issue: bad values in otherwise readable templates (a CIDR with /33, a port past 65535, a group that is not there)
// are reported with their position by `scan`, not only by `reach`/`exposure`, and the rest is still analysed.
describe('engine diagnostics in the scan report', () => {
  it('reports what the network engine could not use, with file and line', async () => {
    const { report } = await scan(['src/scan/__fixtures__/network-input-problems']);
    const problems = report.errors.map((e) => `${e.severity} ${e.code} ${e.file}:${e.line} ${e.message.split(' (')[0]}`);
    expect(problems).toEqual([
      'error invalid-value src/scan/__fixtures__/network-input-problems/stack.yaml:9 `10.0.0.0/33` is not a valid CIDR: prefix length 33 is greater than 32',
      'error invalid-value src/scan/__fixtures__/network-input-problems/stack.yaml:13 port range `70000-70001` is not within 0-65535 in order',
      'warning unresolved-reference src/scan/__fixtures__/network-input-problems/stack.yaml:17 referenced security group `sg-0aaaabbbbccccdddd` is not in the inputs; its members are unknown',
    ]);
    // The group is still analysed: its default egress rule is reported.
    expect(report.findings.map((f) => f.checkId)).toContain('AWS-EC2-004');
  });
});

describe('policy problems in the scan report', () => {
  it('reports each statement the IAM engine cannot read, at that statement', async () => {
    const { report } = await scan(['src/scan/__fixtures__/policy-input-problems']);
    expect(report.errors.map((e) => `${e.severity} ${e.file}:${e.line} ${e.message}`)).toEqual([
      'error src/scan/__fixtures__/policy-input-problems/stack.yaml:17 inline policy `broken` of role Role: Effect must be "Allow" or "Deny" (Statement[0].Effect)',
      'error src/scan/__fixtures__/policy-input-problems/stack.yaml:20 inline policy `broken` of role Role: unknown condition operator `StringEqualsSometimes` (Statement[1].Condition.StringEqualsSometimes)',
    ]);
  });
});
