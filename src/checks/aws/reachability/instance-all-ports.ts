import { defineCheck } from '../../kit/define-check.js';
import { opensAllPorts } from './exposure.js';
import { instanceExposure } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-103',
  title: 'Instance is not reachable from the internet on every port',
  severity: 'critical',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'Every port reachable from the internet means every listening service — including ones started later or by ' +
    'mistake — is exposed. A rule opening every port to `0.0.0.0/0` or `::/0` is AWS-EC2-002\'s finding, ranked by ' +
    'whether it really reaches an instance. This check reports what no such rule explains: every port reachable from ' +
    'the whole internet (or at least half of it) through rules that are not internet-wide, or not all-ports, one by ' +
    'one. It follows the whole path and fails where all ports (or all protocols) really get through.',
  remediation: {
    summary: 'Replace the all-ports rule with rules for the ports the instance serves.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]',
    terraform: 'ingress {\n  protocol    = "tcp"\n  from_port   = 443\n  to_port     = 443\n  cidr_blocks = ["0.0.0.0/0"]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 443\n    ToPort: 443\n    CidrIp: 0.0.0.0/0',
  },
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
  evaluate(i, ctx) {
    return instanceExposure(i, ctx, (row) => (opensAllPorts(row) ? [{ label: row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port` }] : []),
      'allow only the ports the instance serves', []);
  },
});
