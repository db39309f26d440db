import { defineCheck } from '../../kit/define-check.js';
import { concernsIn, DATABASES } from './exposure.js';
import { instanceExposure } from './instance.js';

export default defineCheck({
  id: 'AWS-NET-102',
  title: 'Instance is not reachable from the internet on database ports',
  severity: 'high',
  provider: 'aws',
  service: 'network',
  target: 'aws.ec2.instance',
  rationale:
    'A database listening on a port the internet reaches is one weak password or unpatched flaw from a breach. The ' +
    'check follows the whole path (public address, internet gateway route, network ACLs both ways, security groups) ' +
    'and fails only where traffic really gets through.',
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
    return instanceExposure(i, ctx, (row) => concernsIn(row, DATABASES).map((c) => ({ label: c.label, port: c.port })),
      'allow the port only from the application tier\'s security group and keep the instance in a private subnet');
  },
});
