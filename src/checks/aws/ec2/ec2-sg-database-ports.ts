import { defineCheck } from '../../kit/define-check.js';
import { DATABASE_PORTS } from '../shared/network.js';
import { internetIngressOutcomes } from './sg.js';

export default defineCheck({
  id: 'AWS-EC2-003',
  title: 'Security group does not allow database ports from the internet',
  severity: 'high',
  provider: 'aws',
  service: 'ec2',
  target: 'aws.ec2.securityGroup',
  rationale:
    'Databases reachable from `0.0.0.0/0` or `::/0` (SQL Server, Oracle, MySQL, PostgreSQL, Redshift, Redis, ' +
    'Cassandra, OpenSearch, Memcached, MongoDB) are found by internet-wide scans and attacked with leaked or default ' +
    'credentials. Reference the application tier\'s security group as the source instead of a CIDR. Each open rule is ' +
    'one finding, ranked by the network engine: high where the internet really reaches an instance through it, high ' +
    'too for a publicly accessible RDS database it protects (whose subnets the engine does not place), low where ' +
    'nothing it protects is reachable (it says what blocks it) or the group is attached to nothing. A rule opening ' +
    'every port is AWS-EC2-002\'s.',
  remediation: {
    summary: 'Allow the database port only from the application tier\'s security group (security group chaining).',
    cli: 'aws ec2 revoke-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --cidr 0.0.0.0/0\naws ec2 authorize-security-group-ingress --group-id sg-db --protocol tcp --port 5432 --source-group sg-app',
    terraform: 'resource "aws_vpc_security_group_ingress_rule" "db_from_app" {\n  security_group_id            = aws_security_group.db.id\n  referenced_security_group_id = aws_security_group.app.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n}',
    cloudformation: 'DbFromApp:\n  Type: AWS::EC2::SecurityGroupIngress\n  Properties:\n    GroupId: !Ref DbSecurityGroup\n    SourceSecurityGroupId: !Ref AppSecurityGroup\n    IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432',
  },
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html',
  ],
  evaluate(sg, ctx) {
    return internetIngressOutcomes(sg, ctx, DATABASE_PORTS, 'allow the database only from the application tier\'s security group');
  },
});
