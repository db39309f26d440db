import { defineCheck } from '../../kit/define-check.js';
import { describeRefs, opensAllPorts, wholeInternet } from './exposure.js';

export default defineCheck({
  id: 'AWS-NET-104',
  title: 'Instance cannot open connections to any internet address on any port',
  severity: 'medium',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'Security groups allow all outbound traffic by default, and most teams never narrow it: a compromised instance ' +
    'can then reach any command-and-control server or exfiltrate to any address. This check follows the outbound ' +
    'path (security groups, network ACLs, a route through an internet gateway with a public address, a NAT gateway ' +
    'or an egress-only gateway) and fails only where every internet address is reachable on every port. A group ' +
    'that allows everything but has no route out is left to AWS-EC2-004.',
  remediation: {
    summary: 'Replace the allow-all egress rule with the destinations and ports the instance needs (DNS, HTTPS to known services, VPC endpoints).',
    cli: 'aws ec2 revoke-security-group-egress --group-id sg-0123456789abcdef0 --ip-permissions \'[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]\'',
    terraform: 'egress {\n  protocol    = "tcp"\n  from_port   = 443\n  to_port     = 443\n  cidr_blocks = ["10.0.0.0/16"] # or prefix lists of the services used\n}',
    cloudformation: 'SecurityGroupEgress:\n  - IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    DestinationPrefixListId: pl-0123456789abcdef0',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
  ],
  evaluate(i, ctx) {
    const net = ctx.services.network;
    if (!net || net.interfacesOf(i.key).length === 0) return ctx.notApplicable();
    const out = [];
    for (const row of net.egressOf(i.key)) {
      if (!opensAllPorts(row) || !wholeInternet(row)) continue;
      const at = row.ruleAt ?? i.at;
      if (row.verdict === 'reachable') {
        out.push(ctx.fail(at, `instance \`${i.native.name}\` can open connections to any internet address (${row.from.map((f) => `\`${f}\``).join(', ')}) on ${row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port`} through ${describeRefs(net, row.via)}; allow only the destinations and ports it needs`));
      } else if (row.verdict === 'unknown') {
        out.push(ctx.unknown(at, `cannot tell whether instance \`${i.native.name}\` can reach the whole internet: ${row.reasons.join('; ')}`));
      }
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
