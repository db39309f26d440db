import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { describeStatement, openToAnyone, statementsOf } from '../shared/policy.js';

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
    '`kms:ViaService` alone does not: it restricts the path, not who.',
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
  ],
  evaluate(key, ctx) {
    const name = key.native.name;
    const policy = key.policy;
    if (!policy.known) return ctx.unknown(policy, `cannot read the key policy of KMS key \`${name}\``);
    // No policy written: KMS applies the default key policy, which trusts only the key's own account.
    if (policy.value === null) return ctx.pass();
    const all = statementsOf(policy.value);
    const out: Outcome[] = [];
    for (const s of all) {
      const open = openToAnyone(s, all, 'kms');
      if (open === true) out.push(ctx.fail(s.at, `KMS key \`${name}\` policy ${describeStatement(s)} allows any principal with no restricting condition; name the principals or add a \`kms:CallerAccount\` or \`aws:PrincipalOrgID\` condition`));
      else if (open === 'unknown') out.push(ctx.unknown(s.at, `cannot tell whether KMS key \`${name}\` policy ${describeStatement(s)} is open to anyone: part of it is not known before deployment`));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
