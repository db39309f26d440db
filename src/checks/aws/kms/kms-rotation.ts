import { defineCheck } from '../../kit/define-check.js';
import { code } from '../shared/text.js';

export default defineCheck({
  id: 'AWS-KMS-001',
  title: 'KMS key has automatic rotation enabled',
  severity: 'medium',
  provider: 'aws',
  service: 'kms',
  target: 'aws.kms.key',
  rationale:
    'Automatic rotation gives a customer managed key new cryptographic material every year (or the period you set) ' +
    'while keeping the old material for decryption, limiting how much data any one key version protects. It is off ' +
    'until enabled, and supported only for symmetric encryption keys (`SYMMETRIC_DEFAULT`); asymmetric and HMAC keys ' +
    'are not applicable.',
  remediation: {
    summary: 'Enable automatic key rotation on the symmetric key.',
    cli: 'aws kms enable-key-rotation --key-id KEY_ID',
    terraform: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}',
    cloudformation: 'DataKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true',
  },
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  compliance: { 'cis-aws-3.0': ['3.6'] },
  evaluate(key, ctx) {
    const name = key.native.name;
    if (!key.keySpec.known) return ctx.unknown(key.keySpec, `cannot tell the key spec of KMS key \`${name}\``);
    if (key.keySpec.value !== 'SYMMETRIC_DEFAULT') return ctx.notApplicable();
    const r = key.rotationEnabled;
    if (!r.known) return ctx.unknown(r, `cannot tell whether KMS key \`${name}\` rotates`);
    if (r.value) return ctx.pass();
    return ctx.fail(r, `KMS key \`${name}\` (${code(key.keySpec.value)}) does not have automatic rotation enabled; set \`EnableKeyRotation\` / \`enable_key_rotation\` to \`true\``);
  },
});
