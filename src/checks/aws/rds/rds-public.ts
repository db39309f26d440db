import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-RDS-002',
  title: 'RDS instance is not publicly accessible',
  severity: 'high',
  provider: 'aws',
  service: 'rds',
  target: 'aws.rds.instance',
  rationale:
    'A publicly accessible instance gets a DNS name that resolves to a public IP address from outside its VPC, so ' +
    'only its security groups stand between the database and the internet. Databases belong in private subnets, ' +
    'reached from the application tier. When `PubliclyAccessible` is not set, RDS decides from the subnets\' VPC (public ' +
    'when it has an internet gateway), so set it explicitly.',
  remediation: {
    summary: 'Set `PubliclyAccessible` to false and place the instance in a DB subnet group of private subnets.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --no-publicly-accessible --apply-immediately',
    terraform: 'publicly_accessible  = false\ndb_subnet_group_name = aws_db_subnet_group.private.name',
    cloudformation: 'PubliclyAccessible: false\nDBSubnetGroupName: !Ref PrivateDbSubnetGroup',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
    'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html',
  ],
  compliance: { 'cis-aws-3.0': ['2.3.3'] },
  evaluate(db, ctx) {
    const name = db.identifier.known ? db.identifier.value : db.native.name;
    const p = db.publiclyAccessible;
    if (!p.known) return ctx.unknown(p, `cannot tell whether RDS instance \`${name}\` is publicly accessible`);
    if (!p.value) return ctx.pass();
    return ctx.fail(p, `RDS instance \`${name}\` is publicly accessible; set \`PubliclyAccessible\` / \`publicly_accessible\` to \`false\` and use private subnets`);
  },
});
