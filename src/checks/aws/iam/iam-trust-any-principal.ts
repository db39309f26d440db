import { defineCheck } from '../../kit/define-check.js';
import { principalText } from '../shared/iam.js';
import { exposureOutcome } from '../shared/resource-exposure.js';
import { openedEvidence } from './escalation.js';
import { allowsAssume } from './trust.js';

export default defineCheck({
  id: 'AWS-IAM-003',
  title: 'IAM role trust policy does not let any principal assume the role without a restricting condition',
  severity: 'critical',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'A trust policy with `Principal: "*"` or `{"AWS": "*"}` lets a principal in any AWS account assume the role, and a ' +
    'GitHub Actions OIDC trust that checks only the audience lets any repository on GitHub do so. The trust policy is ' +
    'evaluated, as AWS does, for an outsider: a principal in an unrelated account (with every permission in its own ' +
    'account, and roles of any name it likes) and, for GitHub OIDC trust, a workflow in a repository the outsider owns. ' +
    'Conditions an outsider satisfies at will (`aws:SecureTransport`, MFA in their own account, their own principal ' +
    'tags, a `:aud` claim, an account or ARN pattern with a wildcard) do not restrict; conditions on values they cannot ' +
    'forge (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn`, `sts:ExternalId`, the OIDC `:sub` of your ' +
    'repositories) do. Where a value is known only at deployment, the statements are read for a principal open to ' +
    'anyone: `arn:aws:iam::${AWS::AccountId}:root` names one account, never everyone.',
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
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
  ],
  evaluate(role, ctx) {
    const outcome = exposureOutcome(ctx, {
      resource: role, policy: role.trustPolicy, what: principalText(role), restriction: 'trust', relevant: allowsAssume, phrasing: 'trust',
      fix: 'name the trusted principals, or pin them with a condition on the organisation, account or external id (for GitHub OIDC, on `token.actions.githubusercontent.com:sub`)',
      answer: (iam) => iam.trustExposure(role.key),
    });
    // An administrator role behind an open trust: the escalation checks leave the path to this finding, which says
    // who in the account it hands administrator access to (AWS-IAM-111 reports it when the trust is not this open).
    const iam = ctx.services.iam;
    if (outcome.status !== 'fail' || iam === undefined || iam.trustExposure(role.key).exposure !== 'public') return outcome;
    const more = openedEvidence(iam, role);
    return more.length === 0 ? outcome : { ...outcome, evidence: [...(outcome.evidence ?? []), ...more] };
  },
});
