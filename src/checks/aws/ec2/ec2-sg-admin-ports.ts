import { defineCheck } from '../../kit/define-check.js';
import { ADMIN_PORTS } from '../shared/network.js';
import { internetIngressOutcomes } from './sg.js';

export default defineCheck({
  id: 'AWS-EC2-001',
  title: 'Security group does not allow SSH or RDP from the internet',
  severity: 'high',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'SSH (22) and RDP (3389) open to `0.0.0.0/0` or `::/0` are scanned and brute-forced within minutes of an instance ' +
    'starting, and every remote-access vulnerability becomes reachable. Security groups are allow-lists whose rules ' +
    'are unioned across the groups on an interface, so one open rule exposes the instance whatever other groups say. ' +
    'Use Session Manager or EC2 Instance Connect, or allow only known addresses. Each open rule is one finding, ranked ' +
    'by the network engine: high where the internet really reaches an instance through it (public or Elastic IP, a ' +
    'route to an internet gateway, the network ACL both ways), low where nothing it protects is reachable (it says what ' +
    'blocks it) or the group is attached to nothing. A rule opening every port is AWS-EC2-002\'s.',
  remediation: {
    summary: 'Remove the 0.0.0.0/0 and ::/0 rules for ports 22 and 3389; use AWS Systems Manager Session Manager, or allow only your administration network.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 22 --cidr 0.0.0.0/0',
    terraform: 'ingress {\n  description = "SSH from the admin network"\n  protocol    = "tcp"\n  from_port   = 22\n  to_port     = 22\n  cidr_blocks = ["10.20.0.0/24"]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - Description: SSH from the admin network\n    IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.20.0.0/24',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-53',
    'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  ],
  compliance: { 'cis-aws-3.0': ['5.2', '5.3'] },
  evaluate(sg, ctx) {
    return internetIngressOutcomes(sg, ctx, ADMIN_PORTS, 'remove the rule and use Session Manager, or allow only your administration network');
  },
});
