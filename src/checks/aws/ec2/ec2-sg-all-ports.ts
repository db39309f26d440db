import { defineCheck } from '../../kit/define-check.js';
import type { RuleReachRow } from '../../kit/services/network.js';
import type { Outcome } from '../../kit/types.js';
import { describeRange, ruleFromInternet } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';
import { EVERY_PORT, groupText, opensAllPorts, ruleJudgement } from './sg.js';

function ranges(list: readonly string[]): [number, number][] {
  return list.map((p) => {
    const dash = p.indexOf('-');
    return dash === -1 ? [Number(p), Number(p)] : [Number(p.slice(0, dash)), Number(p.slice(dash + 1))];
  });
}

/** Every port the rule lets in arrives, for some protocol (the path narrows nothing). */
export function everyPortArrives(rows: readonly RuleReachRow[]): boolean {
  return rows.some((r) => {
    const got = ranges(r.ports);
    return ranges(r.admitted).every(([lo, hi]) => got.some(([a, b]) => a <= lo && hi <= b));
  });
}

/** The check's severity where every port arrives; high where the path (a network ACL, the other NSG) lets only some through. */
export function rankAllPorts(rows: readonly RuleReachRow[]): { severity?: 'high'; note?: string } {
  if (everyPortArrives(rows)) return {};
  return { severity: 'high', note: `only ${rows.map((r) => `${r.protocol} ${r.ports.join(', ')}`).join(' and ')} get through` };
}

export default defineCheck({
  id: 'AWS-EC2-002',
  title: 'Security group does not allow all traffic from the internet',
  severity: 'critical',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'An ingress rule for all protocols (`-1`) or every port from `0.0.0.0/0` or `::/0` exposes every service on ' +
    'every instance in the group, including ones nobody meant to publish (debug ports, admin consoles, databases). ' +
    'It turns the security group into no firewall at all. The finding is critical where the network engine finds ' +
    'every port reachable from the internet (public address, internet gateway route, network ACL both ways), high ' +
    'where a network ACL lets only some ports through, low where nothing it protects is reachable or the group is ' +
    'attached to nothing. Such a rule also opens SSH, RDP and database ports; it is reported here once, not again by ' +
    'AWS-EC2-001 and AWS-EC2-003.',
  remediation: {
    summary: 'Replace the rule with rules for the specific ports the workload serves, from the sources that need them.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
    terraform: 'ingress {\n  protocol    = "tcp"\n  from_port   = 443\n  to_port     = 443\n  cidr_blocks = ["0.0.0.0/0"]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    CidrIp: 0.0.0.0/0',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  ],
  compliance: { 'cis-aws-3.0': ['5.2', '5.3'] },
  evaluate(sg, ctx) {
    const out: Outcome[] = [];
    for (const [index, rule] of sg.ingress.entries()) {
      const internet = ruleFromInternet(rule);
      if (internet.open === false) continue;
      const all = opensAllPorts(rule);
      if (all === false) continue;
      if (all === 'unknown' || internet.open === 'unknown') {
        out.push(ctx.unknown(rule.at, `cannot tell whether ${groupText(sg)} opens every port to the internet`));
        continue;
      }
      out.push(ruleJudgement(sg, ctx, index, 'ingress', EVERY_PORT, {
        at: rule.at, fix: 'allow only the ports the workload serves', rank: rankAllPorts,
        opening: `${groupText(sg)} allows ${describeRange(rule.protocol, rule.fromPort, rule.toPort)} from ${listWords(internet.cidrs.map((c) => code(c)))}`,
      }));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
