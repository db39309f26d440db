import { defineCheck } from '../../kit/define-check.js';
import { NO_SERVICE, citeAll, evidenceOf, whereOf } from './engine-outcomes.js';

const WHO: Record<string, string> = {
  'any-account': 'any AWS account',
  'any-github-repository': 'any GitHub repository (through GitHub Actions OIDC)',
  anyone: 'anyone',
};

export default defineCheck({
  id: 'AWS-IAM-103',
  title: 'IAM role trust policy does not let outsiders assume the role',
  severity: 'critical',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'The trust policy is evaluated for an outsider: a principal in an unrelated AWS account (with every permission in ' +
    'its own account) and, for GitHub OIDC trust, a workflow in a repository the outsider owns. Conditions an outsider ' +
    'satisfies at will (`aws:SecureTransport`, MFA in their own account, their own principal tags, a `:aud` claim) do ' +
    'not count as restrictions; conditions on values they cannot forge (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, ' +
    '`aws:PrincipalArn`, `sts:ExternalId`, the OIDC `:sub` of your repositories, source IP ranges) do. The finding ' +
    'lists both.',
  remediation: {
    summary: 'Name the trusted accounts or roles in `Principal`; with `"*"`, pin the organisation (`aws:PrincipalOrgID`) or an external id; for GitHub OIDC, require `token.actions.githubusercontent.com:sub` to match your repositories.',
    cli: 'aws iam update-assume-role-policy --role-name ROLE --policy-document file://trust.json',
    terraform: 'Condition = {\n  StringLike = { "token.actions.githubusercontent.com:sub" = "repo:my-org/my-repo:*" }\n  StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }\n}',
    cloudformation: 'Condition:\n  StringEquals:\n    aws:PrincipalOrgID: o-a1b2c3d4e5',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
  ],
  evaluate(role, ctx) {
    const iam = ctx.services.iam;
    if (iam === undefined) return ctx.unknown(role.at, NO_SERVICE);
    const name = role.name.known ? role.name.value : role.native.name;
    if (!role.trustPolicy.known) return ctx.unknown(role.trustPolicy, `cannot read the trust policy of role \`${name}\``);
    const e = iam.trustExposure(role.key);
    if (e.exposure === 'none' || e.exposure === 'restricted') return ctx.pass();
    if (e.exposure === 'unknown') return ctx.unknown(whereOf(e.grantedBy, role.trustPolicy), `cannot tell who may assume role \`${name}\`: ${e.reason}`);
    const who = e.who.map((w) => WHO[w] ?? w).join(' and ');
    const loose = e.notRestrictedBy.length > 0 ? `; its conditions on ${e.notRestrictedBy.map((k) => `\`${k}\``).join(', ')} do not restrict who` : '';
    return ctx.fail(whereOf(e.grantedBy, role.trustPolicy), `role \`${name}\` can be assumed by ${who} (${citeAll(e.grantedBy)})${loose}; name the trusted principals or pin them with a condition`, { evidence: evidenceOf(e.grantedBy) });
  },
});
