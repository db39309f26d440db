import type { IamGroup, IamUser, Link, Provenance } from '../../../model/index.js';
import { defineCheck } from '../../kit/define-check.js';
import type { StatementCitation } from '../../kit/services/iam.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import { citeAll, evidenceOf } from '../shared/engine-outcomes.js';
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
    'repositories. An IAM user that can perform every action on every resource, or every IAM write (enough to grant ' +
    'itself the rest), turns one leaked key into full control of the account. This is judged by evaluating the user\'s ' +
    'own policies, its groups\' policies and the AWS managed policies they attach, within its permissions boundary, as ' +
    'AWS does: an administrator grant split across a group and a user policy is found, and one neutralised by a ' +
    'boundary or an explicit deny is not reported. Administrators should use federated access or roles with temporary ' +
    'credentials. A user this check reports is not reported again by AWS-IAM-001 for its own `*` on `*` (or ' +
    '`AdministratorAccess`), nor by AWS-IAM-002 for its own `iam:*`: one finding per user for administrator access.',
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
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(user: IamUser, ctx) {
    return judgeUser(user, ctx);
  },
});

/**
 * Whether this check reports the user as an administrator. On a user, administrator access is this check's finding:
 * AWS-IAM-001 (`*` on `*`) and AWS-IAM-002 (for `iam:*`) leave to it the users it reports, one finding per mistake.
 */
export function reportedAsAdministrator(user: IamUser, ctx: CheckContext): boolean {
  const out = judgeUser(user, ctx);
  return out.status === 'fail';
}

function judgeUser(user: IamUser, ctx: CheckContext): Outcome {
  const iam = ctx.services.iam;
  if (iam === undefined) return structural(user, ctx);
  const who = principalText(user);
  const a = iam.administrator(user.key);
  if (a.level === 'none') return ctx.pass();
  const at = grantPosition(ctx, user, a.grantedBy);
  if (a.level === 'unknown') return ctx.unknown(at, `cannot tell whether ${who} has administrator access: ${a.reason}`);
  const what = a.level === 'full' ? 'every action on every resource' : 'every IAM write action, enough to grant itself anything';
  return ctx.fail(at, `${who} has administrator access: it can perform ${what} (through ${citeAll(a.grantedBy)}); remove it and use a role with temporary credentials`, { evidence: evidenceOf(a.grantedBy) });
}

/**
 * Where the finding points: the first cited statement, at its position; for an AWS managed policy (whose text is not
 * in the inputs) at the line that attaches it to the user or to one of its groups; else the user.
 */
function grantPosition(ctx: CheckContext, user: IamUser, cited: readonly StatementCitation[]): Provenance {
  for (const c of cited) {
    if (c.at !== undefined) return c.at;
    const own = user.managedPolicies.find((l) => l.known && l.value === c.policy);
    if (own !== undefined) return own.at;
    for (const { group, at } of groupsOf(ctx.estate, user).groups) {
      if (group.managedPolicies.some((l) => l.known && l.value === c.policy)) return at;
    }
  }
  return user.at;
}

/** Without the IAM engine: administrator grants read from the policies, one finding per user. */
function structural(user: IamUser, ctx: CheckContext): Outcome {
  const who = principalText(user);
  const own = adminGrants(ctx, inlineDocuments(user.inlinePolicies), user.managedPolicies);
  const found: { at: Provenance; text: string }[] = own.grants.map((g) => ({ at: g.at, text: `has administrator access through ${g.via}` }));
  const undecided = [...own.undecided];
  const { groups, unresolved } = groupsOf(ctx.estate, user);
  for (const { group, at } of groups) {
    const g = groupGrants(ctx, group);
    for (const grant of g.grants) found.push({ at, text: `is a member of ${principalText(group)}, which has administrator access through ${grant.via}` });
    if (g.grants.length === 0) undecided.push(...g.undecided.map((u) => ({ at, what: `${principalText(group)} ${u.what}` })));
  }
  for (const l of unresolved) undecided.push({ at: l.at, what: l.known ? `group ${code(l.value)}, which is not among the inputs` : 'a group whose name is not known before deployment' });
  const [first] = found;
  if (first !== undefined) {
    return ctx.fail(first.at, `${who} ${found.map((f) => f.text).join('; it also ')}; remove it (or the user from the group) and use a role with temporary credentials`);
  }
  const [u] = undecided;
  if (u) return ctx.unknown(u.at, `cannot tell whether ${who} has administrator access: ${u.what} cannot be read`);
  return ctx.pass();
}
