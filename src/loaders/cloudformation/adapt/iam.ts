import type { Attr, Link, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { IamGroup, IamInstanceProfile, IamManagedPolicy, IamRole, IamUser, InlinePolicy, PolicyDocument } from '../../../model/index.js';
import { readDocument, readString } from '../../common/read.js';
import type { Value } from '../../common/value.js';
import { refFromName } from '../return-values.js';
import type { AdaptContext, Adapter, CfnResource } from './context.js';
import { field, knownString } from './context.js';

/**
 * IAM principals, policies and the resources that attach them.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_IAM.html
 */

export function policyDocument(v: Value | undefined, at: Provenance, what: string): Attr<PolicyDocument> {
  const d = readDocument(v, at);
  if (!d.known) return d;
  if (d.value === null) return unknown(d.at, `${what} is not set`);
  return known(d.value, d.at);
}

/** `Policies: [{PolicyName, PolicyDocument}]` on a user, group or role. */
function inlinePolicies(r: CfnResource, ctx: AdaptContext): InlinePolicy[] {
  const v = field(r.props, 'Policies');
  if (v === undefined || v.t === 'null') return [];
  if (v.t !== 'list') {
    if (v.t !== 'unknown') ctx.report('invalid-template', v.at, `\`Policies\` of \`${r.decl.logicalId}\` must be a list`);
    return [];
  }
  return v.items.map((p, k) => {
    const o = p.t === 'object' ? p : undefined;
    const name = readString(o?.fields.get('PolicyName'), p.at);
    return {
      name: name.known ? name.value : `Policies[${k}]`,
      document: p.t === 'unknown' ? unknown(p.at, p.why) : policyDocument(o?.fields.get('PolicyDocument'), p.at, '`PolicyDocument`'),
    };
  });
}

function path(r: CfnResource): string {
  const p = field(r.props, 'Path');
  return p?.t === 'string' ? p.v : '/';
}

/** Aliases of a named IAM entity: its name and, when the account is given, the ARN `Ref`/`GetAtt` would return. */
function iamAliases(r: CfnResource, ctx: AdaptContext, name: Attr<string>, arnKind: string): (string | undefined)[] {
  const n = knownString(name);
  if (n === undefined) return [];
  const { accountId, partition } = ctx.resolver.pseudo;
  return [n, accountId !== undefined ? `arn:${partition}:iam::${accountId}:${arnKind}${path(r)}${n}` : undefined];
}

function boundary(r: CfnResource, ctx: AdaptContext): Attr<string | null> {
  return ctx.handle(field(r.props, 'PermissionsBoundary'), r.at);
}

const user: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'UserName');
  const login = field(r.props, 'LoginProfile');
  const u: IamUser = {
    ...ctx.base(r, 'aws.iam.user', iamAliases(r, ctx, name, 'user')),
    name,
    inlinePolicies: inlinePolicies(r, ctx),
    managedPolicies: ctx.links(field(r.props, 'ManagedPolicyArns'), r.at),
    groups: ctx.links(field(r.props, 'Groups'), r.at),
    permissionsBoundary: boundary(r, ctx),
    loginProfile: login === undefined || login.t === 'null' ? defaulted(false, r.at)
      : login.t === 'unknown' ? unknown(login.at, login.why) : known(true, login.at),
    accessKeys: accessKeysOf(r, ctx, name),
  };
  ctx.emit(u);
};

/** Active `AWS::IAM::AccessKey` resources of this template for the user (keys made elsewhere are not seen). */
function accessKeysOf(r: CfnResource, ctx: AdaptContext, name: Attr<string>): Attr<number> {
  const byUser = ctx.memo('iam.accessKeys', () => {
    const m = new Map<string, Provenance[]>();
    for (const k of ctx.ofType('AWS::IAM::AccessKey')) {
      const target = ctx.link(field(k.props, 'UserName'), k.at);
      const status = field(k.props, 'Status');
      if (!target.known || (status?.t === 'string' && status.v === 'Inactive')) continue;
      const list = m.get(target.value) ?? [];
      list.push(k.at);
      m.set(target.value, list);
    }
    return m;
  });
  const n = knownString(name);
  const keys = [...(byUser.get(r.key) ?? []), ...(n !== undefined ? byUser.get(n) ?? [] : [])];
  const [first] = keys;
  return first ? known(keys.length, first) : defaulted(0, r.at);
}

const group: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'GroupName');
  const g: IamGroup = {
    ...ctx.base(r, 'aws.iam.group', iamAliases(r, ctx, name, 'group')),
    name,
    inlinePolicies: inlinePolicies(r, ctx),
    managedPolicies: ctx.links(field(r.props, 'ManagedPolicyArns'), r.at),
    members: [],
  };
  ctx.emit(g);
};

const role: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'RoleName');
  const role: IamRole = {
    ...ctx.base(r, 'aws.iam.role', iamAliases(r, ctx, name, 'role')),
    name,
    path: readString(field(r.props, 'Path'), r.at, '/', 'Path'),
    trustPolicy: policyDocument(field(r.props, 'AssumeRolePolicyDocument'), r.at, '`AssumeRolePolicyDocument`'),
    inlinePolicies: inlinePolicies(r, ctx),
    managedPolicies: ctx.links(field(r.props, 'ManagedPolicyArns'), r.at),
    permissionsBoundary: boundary(r, ctx),
  };
  ctx.emit(role);
};

/** Fragments on each principal a policy resource names in `Roles` / `Users` / `Groups`. */
function eachPrincipal(r: CfnResource, ctx: AdaptContext, apply: (kind: 'aws.iam.role' | 'aws.iam.user' | 'aws.iam.group', target: Link) => void): void {
  const lists = [['Roles', 'aws.iam.role'], ['Users', 'aws.iam.user'], ['Groups', 'aws.iam.group']] as const;
  for (const [prop, kind] of lists) for (const target of ctx.links(field(r.props, prop), r.at)) apply(kind, target);
}

const managedPolicy: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'ManagedPolicyName');
  const n = knownString(name);
  const arn = n !== undefined ? refFromName(r.decl.type, n, path(r), ctx.resolver.pseudo) : undefined;
  const p: IamManagedPolicy = {
    ...ctx.base(r, 'aws.iam.policy', [arn]),
    name,
    arn: arn !== undefined ? known(arn, r.at)
      : unknown(r.at, n === undefined ? 'the policy name is generated at deployment' : 'the policy ARN holds the account id, known only at deployment'),
    document: policyDocument(field(r.props, 'PolicyDocument'), r.at, '`PolicyDocument`'),
  };
  ctx.emit(p);
  const self = known(r.key, r.at);
  eachPrincipal(r, ctx, (kind, target) => ctx.fragment(r, kind, target, { managedPolicies: [self] }));
};

/** `AWS::IAM::Policy`: an inline policy embedded in each role, user and group it names. */
const inlinePolicy: Adapter = (r, ctx) => {
  const name = readString(field(r.props, 'PolicyName'), r.at);
  const policy: InlinePolicy = {
    name: name.known ? name.value : r.decl.logicalId,
    document: policyDocument(field(r.props, 'PolicyDocument'), r.at, '`PolicyDocument`'),
  };
  eachPrincipal(r, ctx, (kind, target) => ctx.fragment(r, kind, target, { inlinePolicies: [policy] }));
};

/** `AWS::IAM::RolePolicy` / `UserPolicy` / `GroupPolicy`: one inline policy on one principal. */
function singleInline(kind: 'aws.iam.role' | 'aws.iam.user' | 'aws.iam.group', prop: string): Adapter {
  return (r, ctx) => {
    const name = readString(field(r.props, 'PolicyName'), r.at);
    const policy: InlinePolicy = {
      name: name.known ? name.value : r.decl.logicalId,
      document: policyDocument(field(r.props, 'PolicyDocument'), r.at, '`PolicyDocument`'),
    };
    ctx.fragment(r, kind, ctx.link(field(r.props, prop), r.at), { inlinePolicies: [policy] });
  };
}

const instanceProfile: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'InstanceProfileName');
  const p: IamInstanceProfile = {
    ...ctx.base(r, 'aws.iam.instanceProfile', iamAliases(r, ctx, name, 'instance-profile')),
    name,
    roles: ctx.links(field(r.props, 'Roles'), r.at),
  };
  ctx.emit(p);
};

/** `AWS::IAM::UserToGroupAddition`: the group gains members, each user gains the group. */
const userToGroup: Adapter = (r, ctx) => {
  const groupLink = ctx.link(field(r.props, 'GroupName'), r.at);
  const users = ctx.links(field(r.props, 'Users'), r.at);
  ctx.fragment(r, 'aws.iam.group', groupLink, { members: users });
  for (const u of users) ctx.fragment(r, 'aws.iam.user', u, { groups: [groupLink] });
};

export const IAM_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::Role': role,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::Policy': inlinePolicy,
  'AWS::IAM::RolePolicy': singleInline('aws.iam.role', 'RoleName'),
  'AWS::IAM::UserPolicy': singleInline('aws.iam.user', 'UserName'),
  'AWS::IAM::GroupPolicy': singleInline('aws.iam.group', 'GroupName'),
  'AWS::IAM::InstanceProfile': instanceProfile,
  'AWS::IAM::UserToGroupAddition': userToGroup,
};
