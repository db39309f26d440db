import type { Attr, EmbeddedDocument, Estate, IamGroup, IamManagedPolicy, IamRole, IamUser, InlinePolicy, Link, Provenance, Tri } from '../../../model/index.js';
import { triAnd } from '../../../model/index.js';
import { isAllWildcard } from './glob.js';
import type { Statement } from './policy.js';
import {
  actionMatches, coversAllActions, coversAllOfService, coversAllResources, describeStatement, isAllow, matching,
  serviceWideService, some, statementsOf,
} from './policy.js';

/**
 * Least-privilege questions about identity policy statements, shared by the IAM checks. Each predicate reads one
 * statement; `'unknown'` means an unresolved value could make it true.
 */

/** Allow `*` (or `*:*`) on every resource: full administrator access. */
export function grantsFullAdmin(s: Statement): Tri {
  return triAnd(isAllow(s), some(s.action, coversAllActions), some(s.resource, coversAllResources));
}

/**
 * Allow `service:*` on every resource of that service (`s3:*` on `*` or `arn:aws:s3:::*`); full wildcards are
 * AWS-IAM-001's. Undecided when an unresolved action or resource could complete the pattern. `except` leaves one
 * service out (`iam` on a user AWS-IAM-006 reports as an administrator).
 */
export function serviceWideGrants(s: Statement, except?: string): { readonly grants: Tri; readonly services: string[] } {
  const allow = isAllow(s);
  if (allow === false) return { grants: false, services: [] };
  const wide = (a: string): string | undefined => {
    const svc = serviceWideService(a);
    return svc === except ? undefined : svc;
  };
  const services = [...new Set(matching(s.action, (a) => wide(a) !== undefined).map((a) => wide(a) as string))];
  const onAll = services.filter((svc) => some(s.resource, (r) => coversAllOfService(r, svc)) === true);
  if (onAll.length > 0) return { grants: allow, services: onAll };
  const action = some(s.action, (a) => wide(a) !== undefined);
  const resource = some(s.resource, (r) => coversAllResources(r) || services.some((svc) => coversAllOfService(r, svc)));
  return { grants: triAnd(allow, action, resource), services };
}

/** Allow with NotAction: grants every action not listed, including ones AWS adds later. */
export function allowsNotAction(s: Statement): Tri {
  return s.notAction ? isAllow(s) : false;
}

/** Allow with NotResource: grants the actions on every resource not listed. */
export function allowsNotResource(s: Statement): Tri {
  return s.notResource ? isAllow(s) : false;
}

/**
 * Allow `iam:PassRole` on every role: `*`, `arn:aws:iam::*:*`, or `arn:aws:iam::ACCOUNT:role/*`. Full and
 * service-wide wildcards (`*`, `iam:*`) are reported by AWS-IAM-001/002 and left out here.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export function passRoleOnAll(s: Statement): Tri {
  const explicit = (a: string): boolean => actionMatches(a, 'iam:PassRole') && !coversAllActions(a) && serviceWideService(a) !== 'iam';
  return triAnd(isAllow(s), some(s.action, explicit), some(s.resource, coversAllRoles));
}

export function coversAllRoles(r: string): boolean {
  if (coversAllOfService(r, 'iam')) return true;
  const parts = r.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2]?.toLowerCase() !== 'iam') return false;
  const resource = parts[5] ?? '';
  return resource.startsWith('role/') && isAllWildcard(resource.slice('role/'.length));
}

/**
 * AWS managed policies whose documents matter to these checks, by name. Facts from the policies' current versions
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html):
 * AdministratorAccess allows `*` on `*`; PowerUserAccess allows NotAction [iam:*, organizations:*, account:*] on `*`;
 * IAMFullAccess allows `iam:*` on `*`.
 */
export const AWS_MANAGED_GRANTS: Readonly<Record<string, 'admin' | 'notAction' | 'iam:*'>> = {
  AdministratorAccess: 'admin',
  PowerUserAccess: 'notAction',
  IAMFullAccess: 'iam:*',
};

/** The name of an AWS managed policy ARN in any partition (`arn:aws:iam::aws:policy/AdministratorAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const marker = ':iam::aws:policy/';
  const i = arn.indexOf(marker);
  if (!arn.startsWith('arn:') || i < 0) return undefined;
  const path = arn.slice(i + marker.length);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** An identity policy document written on a principal or as a managed policy, with a name for messages. */
export interface NamedDocument {
  readonly label: string;
  readonly document: Attr<EmbeddedDocument>;
}

export function inlineDocuments(inline: readonly InlinePolicy[]): NamedDocument[] {
  return inline.map((p) => ({ label: `inline policy \`${p.name}\``, document: p.document }));
}

export interface StatementHit {
  readonly statement: Statement;
  readonly label: string;
  readonly status: Tri;
}

/** Runs a statement predicate over documents; an unknown document is one unknown hit at its position. */
export function scanDocuments(docs: readonly NamedDocument[], pred: (s: Statement) => Tri): { hits: StatementHit[]; unknownDocs: NamedDocument[] } {
  const hits: StatementHit[] = [];
  const unknownDocs: NamedDocument[] = [];
  for (const d of docs) {
    if (!d.document.known) {
      unknownDocs.push(d);
      continue;
    }
    for (const s of statementsOf(d.document.value)) {
      const status = pred(s);
      if (status !== false) hits.push({ statement: s, label: d.label, status });
    }
  }
  return { hits, unknownDocs };
}

export function where(hit: StatementHit): string {
  return hit.label ? `${hit.label} ${describeStatement(hit.statement)}` : describeStatement(hit.statement);
}

/** The attached AWS managed policies of a principal that this table knows, with the link that attaches each. */
export function attachedAwsManaged(links: readonly Link[]): { readonly name: string; readonly grant: string; readonly at: Provenance }[] {
  const out: { name: string; grant: string; at: Provenance }[] = [];
  for (const l of links) {
    if (!l.known) continue;
    const name = awsManagedPolicyName(l.value);
    const grant = name ? AWS_MANAGED_GRANTS[name] : undefined;
    if (name && grant) out.push({ name, grant, at: l.at });
  }
  return out;
}

export type Principal = IamUser | IamGroup | IamRole;

const KIND_WORD: Record<(Principal | IamManagedPolicy)['kind'], string> = {
  'aws.iam.user': 'user', 'aws.iam.group': 'group', 'aws.iam.role': 'role', 'aws.iam.policy': 'managed policy',
};

/** "role `acme-deploy`": the IAM name when the input fixes it, else the resource's name in the input. */
export function principalText(p: Principal | IamManagedPolicy): string {
  return `${KIND_WORD[p.kind]} \`${p.name.known ? p.name.value : p.native.name}\``;
}

/**
 * The groups a user belongs to, from either side of the membership (the user's `Groups`, or a group's members, as
 * `aws_iam_group_membership` and `AWS::IAM::UserToGroupAddition` write it), with where the membership is written.
 */
export function groupsOf(estate: Estate, user: IamUser): { groups: { group: IamGroup; at: Provenance }[]; unresolved: Link[] } {
  const groups: { group: IamGroup; at: Provenance }[] = [];
  const unresolved: Link[] = [];
  for (const l of user.groups) {
    const g = estate.resolve(l, 'aws.iam.group');
    if (g && g !== 'unknown') groups.push({ group: g, at: l.at });
    else unresolved.push(l);
  }
  for (const g of estate.ofKind('aws.iam.group')) {
    if (groups.some((x) => x.group === g)) continue;
    const m = g.members.find((l) => l.known && estate.lookup(l.value, 'aws.iam.user').includes(user));
    if (m) groups.push({ group: g, at: m.at });
  }
  return { groups, unresolved };
}

/** Whether a managed policy resource is an AWS managed policy (an authorization-details export lists those in use). */
export function isAwsManagedPolicy(p: IamManagedPolicy): boolean {
  return awsManagedPolicyName(p.key) !== undefined || (p.arn.known && awsManagedPolicyName(p.arn.value) !== undefined);
}

/**
 * The name in a customer managed policy ARN (`arn:aws:iam::111122223333:policy/team/deploy` → `deploy`), when the
 * ARN is one. Templates rarely know the account, so the name is what ties an attachment to a policy of the inputs.
 */
function customerPolicyName(arn: string): string | undefined {
  if (!arn.startsWith('arn:') || awsManagedPolicyName(arn) !== undefined) return undefined;
  const marker = ':policy/';
  const i = arn.indexOf(marker);
  if (i < 0 || arn.split(':')[2] !== 'iam') return undefined;
  const path = arn.slice(i + marker.length);
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The customer managed policy of the inputs a link attaches: by key or alias, else the one policy with the name its
 * ARN ends with (as the IAM service resolves it). `undefined` when the policy is not among the inputs.
 */
export function managedPolicyOf(estate: Estate, l: Link): IamManagedPolicy | undefined {
  const p = estate.resolve(l, 'aws.iam.policy');
  if (p !== undefined && p !== 'unknown') return p;
  const name = l.known ? customerPolicyName(l.value) : undefined;
  if (name === undefined) return undefined;
  const byName = estate.ofKind('aws.iam.policy').filter((x) => x.name.known && x.name.value === name);
  return byName.length === 1 ? byName[0] : undefined;
}

/** Customer managed policies a principal attaches, resolved in the estate; links that cannot be followed separately. */
export function attachedCustomerManaged(estate: Estate, links: readonly Link[]): { resolved: { policy: IamManagedPolicy; at: Provenance }[]; unresolved: Link[] } {
  const resolved: { policy: IamManagedPolicy; at: Provenance }[] = [];
  const unresolved: Link[] = [];
  for (const l of links) {
    if (l.known && awsManagedPolicyName(l.value)) continue;
    const p = managedPolicyOf(estate, l);
    if (p !== undefined) resolved.push({ policy: p, at: l.at });
    else unresolved.push(l);
  }
  return { resolved, unresolved };
}
