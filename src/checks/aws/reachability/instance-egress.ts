import { defineCheck } from '../../kit/define-check.js';
import { egressOutcomes } from './exposure.js';
import { reportedBy } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-104',
  title: 'Instance cannot open connections to any internet address on any port',
  severity: 'medium',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'Security groups allow all outbound traffic by default, and most teams never narrow it: a compromised instance ' +
    'can then reach any command-and-control server or exfiltrate to any address. An allow-all egress rule to ' +
    '`0.0.0.0/0` or `::/0` is AWS-EC2-004\'s finding, ranked by whether the instances using it have a way out. This ' +
    'check reports what no such rule explains: an instance that can reach the whole internet (or at least half of it) ' +
    'on every port through rules that are not internet-wide, or not all-ports, one by one. It follows the outbound ' +
    'path (security groups, network ACLs, a route through an internet gateway with a public address, a NAT gateway or ' +
    'an egress-only gateway).',
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
    const out = egressOutcomes(net, ctx, {
      what: `instance \`${i.native.name}\``, rows: net.egressOf(i.key), fallbackAt: i.at, reported: reportedBy(ctx, []),
      fix: 'allow only the destinations and ports it needs',
    });
    return out.length > 0 ? out : ctx.pass();
  },
});
