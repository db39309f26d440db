import { defineCheck } from '../../kit/define-check.js';
import type { Outcome } from '../../kit/types.js';
import { principalText } from '../shared/iam.js';
import { describeStatement } from '../shared/policy.js';
import { openTrustStatements } from './trust.js';

export default defineCheck({
  id: 'AWS-IAM-003',
  title: 'IAM role trust policy does not let any principal assume the role without a restricting condition',
  severity: 'critical',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'A trust policy with `Principal: "*"` or `{"AWS": "*"}` lets a principal in any AWS account assume the role. ' +
    'Unless a condition pins who may do so to fixed values (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, ' +
    '`aws:PrincipalArn`, `aws:SourceAccount`/`aws:SourceArn`, `sts:ExternalId`), anyone who learns the role ARN ' +
    'gets its permissions. A condition whose value is a wildcard (`StringLike` `*`, an ARN with account `*`) does ' +
    'not restrict; `…IfExists` and `ForAllValues:` pass when the key is missing.',
  remediation: {
    summary: 'Name the trusted accounts or roles in `Principal`, or keep `*` only with a condition on a fixed organisation, account or external id.',
    cli: 'aws iam update-assume-role-policy --role-name ROLE --policy-document file://trust.json',
    terraform: 'assume_role_policy = jsonencode({\n  Version = "2012-10-17"\n  Statement = [{\n    Effect    = "Allow"\n    Principal = { AWS = "arn:aws:iam::111122223333:root" }\n    Action    = "sts:AssumeRole"\n    Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }\n  }]\n})',
    cloudformation: 'AssumeRolePolicyDocument:\n  Version: "2012-10-17"\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: "*" }\n      Action: sts:AssumeRole\n      Condition:\n        StringEquals:\n          aws:PrincipalOrgID: o-a1b2c3d4e5',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
  ],
  evaluate(role, ctx) {
    const who = principalText(role);
    if (!role.trustPolicy.known) return ctx.unknown(role.trustPolicy, `cannot read the trust policy of ${who}`);
    const out: Outcome[] = [];
    for (const { statement, open } of openTrustStatements(role.trustPolicy.value)) {
      const which = describeStatement(statement);
      out.push(
        open === true
          ? ctx.fail(statement.at, `${who} trust policy ${which} lets any AWS principal assume the role with no condition pinning the organisation, account or external id; name the trusted principals or add such a condition`)
          : ctx.unknown(statement.at, `cannot tell whether ${who} trust policy ${which} is restricted: its principal, action or condition is not known before deployment`),
      );
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
