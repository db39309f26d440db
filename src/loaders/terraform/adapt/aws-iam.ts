import type { Link } from '../../../model/core/index.js';
import { defaulted, known } from '../../../model/core/index.js';
import type { InlinePolicy } from '../../../model/index.js';
import type { AdapterTable, Emitter, Tf } from './context.js';

/**
 * AWS IAM: principals, managed policies and every separate resource that attaches policies or memberships to them
 * (each becomes a fragment on the principal it names).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role
 */

/** An inline policy's name as written, else its prefix, else the Terraform resource name. */
function policyName(tf: Tf): string {
  for (const n of ['name', 'name_prefix']) {
    const x = tf.field(n);
    if (x?.t === 'string' && x.v !== '') return x.v;
  }
  return tf.inst.name;
}

function inlinePolicies(tf: Tf): InlinePolicy[] {
  const out: InlinePolicy[] = [];
  for (const b of tf.blocks('inline_policy')) {
    const name = tf.field('name', b);
    // `inline_policy {}` with no name means "no inline policies": nothing to add.
    if (name?.t === 'string' && name.v === '') continue;
    out.push({ name: name?.t === 'string' ? name.v : tf.inst.name, document: tf.requiredDoc('policy', b) });
  }
  return out;
}

function inlinePolicyFragment(kind: 'aws.iam.role' | 'aws.iam.user' | 'aws.iam.group', principalField: string) {
  return (tf: Tf, out: Emitter): void => {
    const policy: InlinePolicy = { name: policyName(tf), document: tf.requiredDoc('policy') };
    out.fragment(tf.fragment(kind, tf.link(principalField), { inlinePolicies: [policy] }));
  };
}

function attachmentFragment(kind: 'aws.iam.role' | 'aws.iam.user' | 'aws.iam.group', principalField: string) {
  return (tf: Tf, out: Emitter): void => {
    out.fragment(tf.fragment(kind, tf.link(principalField), { managedPolicies: [tf.link('policy_arn')] }));
  };
}

/** Effective tags: `tags_all` adds the provider's `default_tags` to the resource's own. */
function principalTags(tf: Tf) {
  return tf.field('tags_all')?.t === 'object' ? tf.stringMap('tags_all') : tf.stringMap('tags');
}

export const AWS_IAM: AdapterTable = {
  aws_iam_user: (tf, out) => {
    out.resource({
      ...tf.base('aws.iam.user', tf.aliases(['name', 'arn', 'id', 'unique_id'])),
      name: tf.str('name'),
      inlinePolicies: [],
      managedPolicies: [],
      groups: [],
      permissionsBoundary: tf.nstr('permissions_boundary'),
      // A console password and access keys are separate resources (`aws_iam_user_login_profile`, `aws_iam_access_key`).
      loginProfile: defaulted(false, tf.at),
      accessKeys: defaulted(0, tf.at),
      tags: principalTags(tf),
    });
  },

  aws_iam_group: (tf, out) => {
    out.resource({
      ...tf.base('aws.iam.group', tf.aliases(['name', 'arn', 'id', 'unique_id'])),
      name: tf.str('name'),
      inlinePolicies: [],
      managedPolicies: [],
      members: [],
    });
  },

  aws_iam_role: (tf, out) => {
    out.resource({
      ...tf.base('aws.iam.role', tf.aliases(['name', 'arn', 'id', 'unique_id'])),
      name: tf.str('name'),
      path: tf.str('path', '/'),
      trustPolicy: tf.requiredDoc('assume_role_policy'),
      permissionsBoundary: tf.nstr('permissions_boundary'),
      inlinePolicies: inlinePolicies(tf),
      managedPolicies: tf.links('managed_policy_arns'),
      tags: principalTags(tf),
    });
  },

  aws_iam_policy: (tf, out) => {
    out.resource({
      ...tf.base('aws.iam.policy', tf.aliases(['arn', 'id', 'name'])),
      name: tf.str('name'),
      arn: tf.str('arn'),
      document: tf.requiredDoc('policy'),
    });
  },

  aws_iam_role_policy: inlinePolicyFragment('aws.iam.role', 'role'),
  aws_iam_user_policy: inlinePolicyFragment('aws.iam.user', 'user'),
  aws_iam_group_policy: inlinePolicyFragment('aws.iam.group', 'group'),

  aws_iam_role_policy_attachment: attachmentFragment('aws.iam.role', 'role'),
  aws_iam_user_policy_attachment: attachmentFragment('aws.iam.user', 'user'),
  aws_iam_group_policy_attachment: attachmentFragment('aws.iam.group', 'group'),

  // One policy attached to many principals at once (and exclusively: it detaches it from every other principal).
  aws_iam_policy_attachment: (tf, out) => {
    const policy = tf.link('policy_arn');
    for (const u of tf.links('users')) out.fragment(tf.fragment('aws.iam.user', u, { managedPolicies: [policy] }));
    for (const r of tf.links('roles')) out.fragment(tf.fragment('aws.iam.role', r, { managedPolicies: [policy] }));
    for (const g of tf.links('groups')) out.fragment(tf.fragment('aws.iam.group', g, { managedPolicies: [policy] }));
  },

  aws_iam_group_membership: (tf, out) => {
    const group = tf.link('group');
    const users = tf.links('users');
    out.fragment(tf.fragment('aws.iam.group', group, { members: users }));
    for (const u of users) out.fragment(tf.fragment('aws.iam.user', u, { groups: [group] }));
  },

  aws_iam_user_group_membership: (tf, out) => {
    const user = tf.link('user');
    const groups = tf.links('groups');
    out.fragment(tf.fragment('aws.iam.user', user, { groups }));
    for (const g of groups) out.fragment(tf.fragment('aws.iam.group', g, { members: [user] }));
  },

  aws_iam_user_login_profile: (tf, out) => {
    out.fragment(tf.fragment('aws.iam.user', tf.link('user'), { loginProfile: known(true, tf.at) }));
  },

  aws_iam_access_key: (tf, out) => {
    const status = tf.field('status');
    if (status?.t === 'string' && status.v === 'Inactive') return;
    countAccessKey(tf, out);
  },

  aws_iam_instance_profile: (tf, out) => {
    const roles: Link[] = [];
    const role = tf.optLink('role');
    if (role) roles.push(role);
    roles.push(...tf.links('roles'));
    out.resource({
      ...tf.base('aws.iam.instanceProfile', tf.aliases(['name', 'arn', 'id', 'unique_id'])),
      name: tf.str('name'),
      roles,
    });
  },
};

/**
 * Active access keys per user, counted over the whole configuration and written as one fragment per user (a
 * fragment replaces a number, so one per key would count every user as having one).
 */
function countAccessKey(tf: Tf, out: Emitter): void {
  const byUser = out.state('aws-iam-access-keys', () => {
    const m = new Map<string, { tf: Tf; user: Link; count: number }>();
    out.later(() => {
      for (const { tf: first, user, count } of m.values()) {
        out.fragment(first.fragment('aws.iam.user', user, { accessKeys: known(count, first.at) }));
      }
    });
    return m;
  });
  const user = tf.link('user');
  const id = user.known ? user.value.toLowerCase() : `unknown:${tf.key}`;
  const entry = byUser.get(id);
  if (entry) entry.count++;
  else byUser.set(id, { tf, user, count: 1 });
}
