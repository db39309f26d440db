import { defineCheck } from '../../kit/define-check.js';
import { DATABASE_PORTS } from '../shared/network.js';
import { concernsIn, DATABASES, opensAllPorts } from './exposure.js';
import { instanceExposure } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-102',
  title: 'Instance is not reachable from the internet on database ports',
  severity: 'high',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'A database listening on a port the internet reaches is one weak password or unpatched flaw from a breach. A rule ' +
    'open to `0.0.0.0/0` or `::/0` is AWS-EC2-003\'s finding (or AWS-EC2-002\'s), ranked by whether it really ' +
    'reaches an instance. This check reports what no such rule explains: an instance reachable on a database port from ' +
    'the whole internet (or at least half of it) through rules that are not internet-wide one by one. It follows the ' +
    'whole path (public address, internet gateway route, network ACLs both ways, security groups).',
  remediation: {
    summary: 'Allow the database port only from the application tier: reference its security group instead of a CIDR.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 5432 --cidr 0.0.0.0/0',
    terraform: 'ingress {\n  protocol        = "tcp"\n  from_port       = 5432\n  to_port         = 5432\n  security_groups = [aws_security_group.app.id]\n}',
    cloudformation: 'SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n    SourceSecurityGroupId: !Ref AppSecurityGroup',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing',
    'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types',
  ],
  evaluate(i, ctx) {
    // Every port open is AWS-NET-103's finding.
    return instanceExposure(i, ctx, (row) => (opensAllPorts(row) ? [] : concernsIn(row, DATABASES).map((c) => ({ label: c.label, port: c.port }))),
      'allow the port only from the application tier\'s security group and keep the instance in a private subnet', DATABASE_PORTS);
  },
});
