import { defineCheck } from '../../kit/define-check.js';
import { isReference, isWeakValue } from '../../kit/secrets.js';

export default defineCheck({
  id: 'AWS-RDS-003',
  title: 'RDS master password is not hard-coded',
  severity: 'high',
  provider: 'aws',
  service: 'rds',
  target: 'aws.rds.instance',
  rationale:
    'A master password written into a template or Terraform configuration is kept in version control, stack history ' +
    'and state, and never rotates. Let RDS manage it in Secrets Manager (`ManageMasterUserPassword`), or resolve it ' +
    'at deployment with a dynamic reference (`{{resolve:secretsmanager:…}}`).',
  remediation: {
    summary: 'Use `ManageMasterUserPassword: true` (RDS keeps and rotates the password in Secrets Manager), or a Secrets Manager dynamic reference.',
    cli: 'aws rds modify-db-instance --db-instance-identifier DB --manage-master-user-password --apply-immediately',
    terraform: 'manage_master_user_password = true',
    cloudformation: 'ManageMasterUserPassword: true\n# or: MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
  },
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
  ],
  evaluate(db, ctx) {
    const name = db.identifier.known ? db.identifier.value : db.native.name;
    if (db.manageMasterUserPassword.known && db.manageMasterUserPassword.value) return ctx.pass();
    const pw = db.masterPassword;
    if (!pw.known) return ctx.unknown(pw, `cannot tell whether the master password of RDS instance \`${name}\` is hard-coded`);
    if (pw.value === null || isReference(pw.value)) return ctx.pass();
    const weak = isWeakValue(pw.value) ? ` (the well-known weak password \`${pw.value}\`)` : '';
    return ctx.fail(pw, `RDS instance \`${name}\` has its master password written in the configuration${weak}; use \`ManageMasterUserPassword\` or a Secrets Manager dynamic reference`);
  },
});
