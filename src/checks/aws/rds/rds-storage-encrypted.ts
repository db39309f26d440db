import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AWS-RDS-001',
  title: 'RDS instance storage is encrypted',
  severity: 'high',
  provider: 'aws',
  service: 'rds',
  target: 'aws.rds.instance',
  rationale:
    'RDS storage encryption covers the instance\'s storage, automated backups, read replicas and snapshots. It is off ' +
    'unless `StorageEncrypted` is set, and it cannot be turned on for an existing instance: the data must be copied to ' +
    'an encrypted snapshot and restored. Set it at creation, ideally with a customer managed key.',
  remediation: {
    summary: 'Create the instance with storage encryption (restore an encrypted copy of a snapshot for an existing one).',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier SNAP --target-db-snapshot-identifier SNAP-encrypted --kms-key-id alias/rds\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier DB-encrypted --db-snapshot-identifier SNAP-encrypted',
    terraform: 'storage_encrypted = true\nkms_key_id        = aws_kms_key.rds.arn',
    cloudformation: 'StorageEncrypted: true\nKmsKeyId: !Ref RdsKey',
  },
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  compliance: { 'cis-aws-3.0': ['2.3.1'] },
  evaluate(db, ctx) {
    const name = db.identifier.known ? db.identifier.value : db.native.name;
    const e = db.storageEncrypted;
    if (!e.known) return ctx.unknown(e, `cannot tell whether RDS instance \`${name}\` is encrypted`);
    if (e.value) return ctx.pass();
    return ctx.fail(e, e.defaulted ? `RDS instance \`${name}\` does not set storage encryption, which is off by default; set \`StorageEncrypted\` / \`storage_encrypted\` to \`true\`` : `RDS instance \`${name}\` has storage encryption off; set it to \`true\``);
  },
});
