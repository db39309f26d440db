import type { IamGroup, IamUser, Link, Provenance } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { NamedDocument } from '../shared/iam.js';
import { attachedAwsManaged, attachedCustomerManaged, grantsFullAdmin, groupsOf, inlineDocuments, principalText, scanDocuments, where } from '../shared/iam.js';
import { describeStatement } from '../shared/policy.js';
import { code } from '../shared/text.js';

/** Where a principal's administrator access comes from, in words, with the position of the grant. */
interface Grant {
  readonly at: Provenance;
  readonly via: string;
}

function adminGrants(ctx: CheckContext, inline: NamedDocument[], managed: readonly Link[]): { grants: Grant[]; undecided: { at: Provenance; what: string }[] } {
  const grants: Grant[] = [];
  const undecided: { at: Provenance; what: string }[] = [];
  const scan = scanDocuments(inline, grantsFullAdmin);
  for (const h of scan.hits) {
    if (h.status === true) grants.push({ at: h.statement.at, via: `${h.label}, whose ${describeStatement(h.statement)} allows \`*\` on \`*\`` });
    else undecided.push({ at: h.statement.at, what: where(h) });
  }
  for (const d of scan.unknownDocs) undecided.push({ at: d.document.at, what: d.label });
  for (const m of attachedAwsManaged(managed)) {
    if (m.grant === 'admin') grants.push({ at: m.at, via: `the AWS managed policy ${code(m.name)}` });
  }
  const customer = attachedCustomerManaged(ctx.estate, managed);
  for (const { policy, at } of customer.resolved) {
    const s = scanDocuments([{ label: '', document: policy.document }], grantsFullAdmin);
    const hit = s.hits.find((h) => h.status === true);
    if (hit) grants.push({ at, via: `${principalText(policy)}, whose ${where(hit)} allows \`*\` on \`*\`` });
    else if (s.hits.length > 0 || s.unknownDocs.length > 0) undecided.push({ at, what: principalText(policy) });
  }
  for (const l of customer.unresolved) {
    undecided.push({ at: l.at, what: l.known ? `managed policy ${code(l.value)}, which is not among the inputs` : 'a managed policy whose ARN is not known before deployment' });
  }
  return { grants, undecided };
}

function groupGrants(ctx: CheckContext, group: IamGroup) {
  return adminGrants(ctx, inlineDocuments(group.inlinePolicies), group.managedPolicies);
}

export default defineCheck({
  id: 'AWS-IAM-006',
  title: 'IAM user does not have administrator access',
  severity: 'high',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.user',
  rationale:
    'IAM users hold long-term credentials (passwords, access keys) that leak through laptops, CI logs and ' +
    'repositories. An IAM user with `AdministratorAccess`, or any policy allowing `*` on `*`, directly or through a ' +
    'group, turns one leaked key into full control of the account. Administrators should use federated access or ' +
    'roles with temporary credentials.',
  remediation: {
    summary: 'Remove administrator policies from the user and its groups; give administrators a role they assume (IAM Identity Center or federation) with MFA.',
    cli: 'aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AdministratorAccess\naws iam remove-user-from-group --user-name USER --group-name Admins',
    terraform: '# Instead of aws_iam_user_policy_attachment to AdministratorAccess:\nresource "aws_iam_role" "admin" {\n  name               = "admin"\n  assume_role_policy = data.aws_iam_policy_document.admin_trust_with_mfa.json\n}',
    cloudformation: '# Remove ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess] from the AWS::IAM::User\n# and grant administration through a role assumed with MFA.',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(user: IamUser, ctx) {
    const who = principalText(user);
    const own = adminGrants(ctx, inlineDocuments(user.inlinePolicies), user.managedPolicies);
    const out: Outcome[] = own.grants.map((g) => ctx.fail(g.at, `${who} has administrator access through ${g.via}; remove it and use a role with temporary credentials`));
    const undecided = [...own.undecided];
    const { groups, unresolved } = groupsOf(ctx.estate, user);
    for (const { group, at } of groups) {
      const g = groupGrants(ctx, group);
      for (const grant of g.grants) out.push(ctx.fail(at, `${who} is a member of ${principalText(group)}, which has administrator access through ${grant.via}; remove the user from the group or the grant from the group`));
      if (g.grants.length === 0) undecided.push(...g.undecided.map((u) => ({ at, what: `${principalText(group)} ${u.what}` })));
    }
    for (const l of unresolved) undecided.push({ at: l.at, what: l.known ? `group ${code(l.value)}, which is not among the inputs` : 'a group whose name is not known before deployment' });
    if (out.length > 0) return out;
    const [first] = undecided;
    if (first) return ctx.unknown(first.at, `cannot tell whether ${who} has administrator access: ${first.what} cannot be read`);
    return ctx.pass();
  },
});
