import { defineCheck } from '../../kit/define-check.js';
import { ADMIN, concernsIn } from './exposure.js';
import { instanceExposure } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-101',
  title: 'Instance is not reachable from the internet on SSH, RDP or WinRM',
  severity: 'high',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'Remote administration ports reachable from the internet are scanned and brute-forced within minutes. This check ' +
    'follows the whole path, as AWS evaluates it: a public or Elastic IP, a route to an internet gateway, the subnet\'s ' +
    'network ACL in both directions (it is stateless), and the union of the interface\'s security groups. It fails ' +
    'only where every level lets the traffic through; a rule open to part of the internet with no path is reported at ' +
    'low severity with what blocks it.',
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
    return instanceExposure(i, ctx, (row) => concernsIn(row, ADMIN).map((c) => ({ label: c.label, port: c.port })),
      'close the port to the internet or allow only your administration range, and use Session Manager');
  },
});
