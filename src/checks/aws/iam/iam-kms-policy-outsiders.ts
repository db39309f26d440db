import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from './resource-exposure.js';

export default defineCheck({
  id: 'AWS-IAM-105',
  title: 'KMS key policy does not let outsiders use or manage the key (judged by evaluation)',
  severity: 'high',
  provider: 'aws',
  service: 'kms',
  target: 'aws.kms.key',
  rationale:
    'A key policy is the only policy that can grant access to a KMS key. It is evaluated for an anonymous caller and a ' +
    'principal in an unrelated account, for decrypting, encrypting, generating data keys, creating grants and managing ' +
    'the key. Whoever can decrypt with the key reads everything it protects; whoever can change its policy or schedule ' +
    'its deletion can lock you out of your data.',
  remediation: {
    summary: 'Name the accounts and roles that use the key, or pin `"*"` with `kms:CallerAccount`/`aws:PrincipalOrgID` and `kms:ViaService`.',
    cli: 'aws kms put-key-policy --key-id KEY --policy-name default --policy file://key-policy.json',
    terraform: 'condition {\n  test     = "StringEquals"\n  variable = "kms:CallerAccount"\n  values   = [data.aws_caller_identity.current.account_id]\n}',
    cloudformation: 'Condition:\n  StringEquals:\n    kms:CallerAccount: !Ref AWS::AccountId',
  },
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account',
  ],
  evaluate(key, ctx) {
    return exposureOutcome(ctx, key, key.policy, `KMS key \`${key.native.name}\``, 'name the principals that use the key or pin them with a condition');
  },
});
