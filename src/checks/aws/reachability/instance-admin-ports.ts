import { defineCheck } from '../../kit/define-check.js';
import { ADMIN_PORTS } from '../shared/network.js';
import { ADMIN, concernsIn, opensAllPorts } from './exposure.js';
import { instanceExposure } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-101',
  title: 'Instance is not reachable from the internet on SSH, RDP or WinRM',
  severity: 'high',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'Remote administration ports reachable from the internet are scanned and brute-forced within minutes. A rule open ' +
    'to `0.0.0.0/0` or `::/0` is AWS-EC2-001\'s finding (or AWS-EC2-002\'s, opening every port), ranked by whether ' +
    'it really reaches an instance. This check reports what no such rule explains: an instance reachable on SSH, RDP ' +
    'or WinRM from the whole internet (or at least half of it) through rules that are not internet-wide one by one ' +
    '(`0.0.0.0/1` and `128.0.0.0/1`, several groups together), or on WinRM, which AWS-EC2-001 does not read. It ' +
    'follows the whole path as AWS evaluates it: a public or Elastic IP, a route to an internet gateway, the subnet\'s ' +
    'network ACL in both directions, and the union of the interface\'s security groups.',
  remediation: {
    summary: 'Close the port to the internet (remove the rule, or allow only your administration range) and use Session Manager or EC2 Instance Connect.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 22 --cidr 0.0.0.0/0',
    terraform: 'ingress {\n  protocol    = "tcp"\n  from_port   = 22\n  to_port     = 22\n  cidr_blocks = ["10.20.0.0/24"] # the admin network\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.20.0.0/24',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  ],
  compliance: { 'cis-aws-3.0': ['5.2', '5.3'] },
  evaluate(i, ctx) {
    // Every port open is AWS-NET-103's finding.
    return instanceExposure(i, ctx, (row) => (opensAllPorts(row) ? [] : concernsIn(row, ADMIN).map((c) => ({ label: c.label, port: c.port }))),
      'close the port to the internet or allow only your administration range, and use Session Manager', ADMIN_PORTS);
  },
});
