import { defineCheck } from '../../kit/define-check.js';
import { exposureOutcome } from '../shared/resource-exposure.js';

export default defineCheck({
  id: 'AWS-KMS-002',
  title: 'KMS key policy does not allow any principal without a restricting condition',
  severity: 'high',
  provider: 'aws',
  service: 'kms',
  target: 'aws.kms.key',
  rationale:
    'The key policy is the primary control on a KMS key: a statement that allows `Principal: "*"` lets a principal in ' +
    'any AWS account use (or administer) the key, and so decrypt everything it protects, unless a condition pins the ' +
    'caller to fixed accounts or an organisation (`kms:CallerAccount`, `aws:PrincipalOrgID`, `aws:PrincipalAccount` …). ' +
    '`kms:ViaService` alone does not: it restricts the path, not who. The key policy is evaluated, as AWS does, for a ' +
    'principal in an unrelated account, for decrypting, encrypting, generating data keys, creating grants and managing ' +
    'the key; where a value is known only at deployment, the statements are read for a principal open to anyone. ' +
    'Writing no key policy leaves the default one, which trusts only the key\'s own account.',
  remediation: {
    summary: 'Name the account root or specific roles as principals, or add a `kms:CallerAccount` / `aws:PrincipalOrgID` condition to the `*` statement.',
    cli: 'aws kms put-key-policy --key-id KEY_ID --policy-name default --policy file://key-policy.json',
    terraform: 'statement {\n  principals {\n    type        = "AWS"\n    identifiers = ["arn:aws:iam::111122223333:root"]\n  }\n  actions   = ["kms:*"]\n  resources = ["*"]\n}',
    cloudformation: 'KeyPolicy:\n  Version: "2012-10-17"\n  Statement:\n    - Effect: Allow\n      Principal:\n        AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"\n      Action: kms:*\n      Resource: "*"',
  },
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account',
    'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service',
  ],
  evaluate(key, ctx) {
    // No policy written (null): KMS applies the default key policy, which trusts only the key's own account.
    return exposureOutcome(ctx, {
      resource: key, policy: key.policy, what: `KMS key \`${key.native.name}\``, restriction: 'kms',
      fix: 'name the principals or add a `kms:CallerAccount` or `aws:PrincipalOrgID` condition',
      answer: (iam) => iam.resourceExposure(key.key),
    });
  },
});
