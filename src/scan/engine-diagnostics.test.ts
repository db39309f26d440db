import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

// Issue: bad values in otherwise readable templates (a CIDR with /33, a port past 65535, a group that is not there)
// are reported with their position by `scan`, not only by `reach`/`exposure`, and the rest is still analysed.
describe('engine diagnostics in the scan report', () => {
  it('reports what the network engine could not use, with file and line', async () => {
    const { report } = await scan(['src/scan/__fixtures__/network-input-problems']);
    const problems = report.errors.map((e) => `${e.severity} ${e.code} ${e.file}:${e.line} ${e.message.split(' (')[0]}${e.message.includes('; the same at') ? ` …${e.message.slice(e.message.indexOf('; the same at'))}` : ''}`);
    expect(problems).toEqual([
      'warning invalid-value src/scan/__fixtures__/network-input-problems/stack.yaml:9 `10.0.0.0/33` is not a valid CIDR: prefix length 33 is greater than 32',
      'warning invalid-value src/scan/__fixtures__/network-input-problems/stack.yaml:13 port range `70000-70001` is not within 0-65535 in order',
      'warning unresolved-reference src/scan/__fixtures__/network-input-problems/stack.yaml:17 referenced security group `sg-0aaaabbbbccccdddd` is not in the inputs; its members are unknown …; the same at 1 more place',
    ]);
    // The group is still analysed: its default egress rule is reported.
    expect(report.findings.map((f) => f.checkId)).toContain('AWS-EC2-004');
  });
});

describe('policy problems in the scan report', () => {
  it('reports each statement the IAM engine cannot read, at that statement', async () => {
    const { report } = await scan(['src/scan/__fixtures__/policy-input-problems']);
    expect(report.errors.map((e) => `${e.severity} ${e.file}:${e.line} ${e.message}`)).toEqual([
      'warning src/scan/__fixtures__/policy-input-problems/stack.yaml:17 inline policy `broken` of role Role: Effect must be "Allow" or "Deny" (Statement[0].Effect)',
      'warning src/scan/__fixtures__/policy-input-problems/stack.yaml:20 inline policy `broken` of role Role: unknown condition operator `StringEqualsSometimes` (Statement[1].Condition.StringEqualsSometimes)',
    ]);
  });
});

describe('RBAC problems in the scan report', () => {
  it('reports a role assignment naming a role that is nowhere, and the checks answer unknown rather than guess', async () => {
    const { report } = await scan(['src/scan/__fixtures__/rbac-input-problems']);
    expect(report.errors.map((e) => `${e.severity} ${e.file}:${e.line} ${e.message.split(';')[0]}`)).toEqual([
      'warning src/scan/__fixtures__/rbac-input-problems/groups.json:1 groups `11111111-1111-1111-1111-111111111111`, `22222222-2222-2222-2222-222222222222` contain each other',
      'warning src/scan/__fixtures__/rbac-input-problems/role-assignments.json:2 role assignment `/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleAssignments/aaaa0000-0000-0000-0000-000000000001` names role `/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleDefinitions/deadbeef-0000-0000-0000-000000000000`, which is neither in the inputs nor a built-in role',
    ]);
    expect(report.findings.filter((f) => f.checkId === 'AZURE-RBAC-001')).toEqual([]);
    expect(report.unknowns.map((f) => f.checkId)).toContain('AZURE-RBAC-001');
  });
});
