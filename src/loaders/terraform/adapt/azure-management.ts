import type { Attr, Link } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { EntraGroup, SubscriptionPlacement } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { scopeOf } from './azure-ids.js';

/**
 * The tenant's structure and PIM settings: management groups and the subscriptions placed in them, role management
 * policies, and Microsoft Entra groups (azuread provider).
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/management_group
 */

const MG_PREFIX = '/providers/Microsoft.Management/managementGroups/';

function knownText(v: { t: string; v?: unknown } | undefined): string | undefined {
  return v?.t === 'string' && typeof v.v === 'string' && v.v !== '' ? v.v : undefined;
}

/** A management group's id: as written, or built from the name of the group a reference points at. */
function managementGroupId(tf: Tf, out: Emitter, field: string): Attr<string> {
  const l = tf.link(field);
  if (!l.known) return l;
  if (!l.value.includes('::')) return l;
  const target = out.instance(l.value);
  const name = target ? knownText(target.field('name')) : undefined;
  return name ? known(`${MG_PREFIX}${name}`, l.at) : unknown(l.at, 'the management group\'s name is generated at apply');
}

/** `/subscriptions/<id>` or a bare subscription id → the id. */
function subscriptionId(raw: string): string {
  const parts = raw.split('/').filter((p) => p !== '');
  return parts[0]?.toLowerCase() === 'subscriptions' && parts[1] ? parts[1] : raw;
}

function placement(tf: Tf, key: string, sub: Attr<string>, group: Attr<string | null>, at = tf.at): SubscriptionPlacement {
  return {
    kind: 'azure.management.subscription',
    key,
    aliases: sub.known ? [`/subscriptions/${sub.value.toLowerCase()}`] : [],
    native: tf.native,
    at,
    subscriptionId: sub,
    displayName: defaulted(null, at),
    managementGroup: group,
  };
}

/** Unset PIM settings keep whatever the policy has in Azure, which the plan does not show. */
function setting(tf: Tf, name: string, o: ObjectValue | undefined): Attr<boolean> {
  if (!o) return unknown(tf.at, 'not set here: the policy keeps its current setting');
  const v = tf.field(name, o);
  if (v === undefined || v.t === 'null') return unknown(o.at, `\`${name}\` is not set: the policy keeps its current setting`);
  return tf.bool(name, undefined, o);
}

function duration(tf: Tf, name: string, o: ObjectValue | undefined): Attr<string | null> {
  if (!o) return unknown(tf.at, 'not set here: the policy keeps its current setting');
  const v = tf.field(name, o);
  if (v === undefined || v.t === 'null' || (v.t === 'string' && v.v === '')) return unknown(o.at, `\`${name}\` is not set: the policy keeps its current setting`);
  return tf.nstr(name, o);
}

function negate(a: Attr<boolean>): Attr<boolean> {
  return a.known ? { ...a, value: !a.value } : a;
}

/**
 * `azuread_group_member` adds one member to a group: gathered and folded into the groups of the same configuration
 * (a group's member list is one value, which a fragment would replace).
 */
function addMember(tf: Tf, out: Emitter): void {
  const pending = out.state('azuread-group-members', () => {
    const list: { tf: Tf; group: Link; member: Link }[] = [];
    out.later(() => {
      for (const p of list) {
        const handle = p.group.known ? p.group.value.toLowerCase() : undefined;
        const i = handle === undefined ? -1 : out.resources.findIndex((r) =>
          r.kind === 'azure.entra.group' && (r.key.toLowerCase() === handle || r.aliases.some((a) => a.toLowerCase() === handle)));
        const group = out.resources[i];
        if (group?.kind !== 'azure.entra.group') {
          out.diagnostics.push({
            code: 'unlinked', severity: 'warning', file: p.tf.at.file, line: p.tf.at.line, column: p.tf.at.column,
            message: `${p.tf.native.type} \`${p.tf.native.address}\` adds a member to ${p.group.known ? `\`${p.group.value}\`` : 'a group unknown before deployment'}, which is not in this configuration; the membership is not applied`,
          });
          continue;
        }
        const members: Attr<readonly string[]> = !group.members.known ? group.members
          : p.member.known ? { ...group.members, value: [...group.members.value, p.member.value] }
          : unknown(p.member.at, p.member.why);
        const updated: EntraGroup = { ...group, members };
        out.resources[i] = updated;
      }
    });
    return list;
  });
  pending.push({ tf, group: tf.link('group_object_id'), member: tf.link('member_object_id') });
}

function memberList(tf: Tf): Attr<readonly string[]> {
  const raw = tf.field('members');
  if (raw === undefined || raw.t === 'null') return defaulted([], tf.at);
  if (raw.t === 'unknown') return unknown(raw.at, raw.why);
  const links = tf.links('members');
  const bad = links.find((l) => !l.known);
  if (bad && !bad.known) return unknown(bad.at, bad.why);
  return known(links.flatMap((l) => (l.known ? [l.value] : [])), raw.at);
}

export const AZURE_MANAGEMENT: AdapterTable = {
  azurerm_management_group: (tf, out) => {
    const name = tf.str('name');
    const aliases = tf.aliases(['id'], true);
    if (name.known) aliases.push(`${MG_PREFIX}${name.value}`.toLowerCase(), name.value);
    const parentField = tf.field('parent_management_group_id');
    // Without a parent, Azure places the group under the tenant root group, whose name is the tenant id.
    const parent: Attr<string | null> = parentField === undefined || parentField.t === 'null' || (parentField.t === 'string' && parentField.v === '')
      ? unknown(tf.at, 'the tenant root group (named by the tenant id, which the plan does not show)')
      : managementGroupId(tf, out, 'parent_management_group_id');
    out.resource({
      ...tf.base('azure.management.managementGroup', aliases),
      name,
      displayName: tf.nstr('display_name'),
      parent,
    });
    const group: Attr<string | null> = name.known ? known(`${MG_PREFIX}${name.value}`, name.at) : unknown(tf.at, 'the management group\'s name is generated at apply');
    const subs = tf.strs('subscription_ids');
    for (const s of subs.known ? subs.value : []) {
      const id = subscriptionId(s);
      out.resource(placement(tf, `${tf.key}/subscription/${id.toLowerCase()}`, known(id, subs.at), group));
    }
  },

  azurerm_management_group_subscription_association: (tf, out) => {
    const sub = tf.str('subscription_id');
    out.resource(placement(tf, tf.key, sub.known ? { ...sub, value: subscriptionId(sub.value) } : sub, managementGroupId(tf, out, 'management_group_id')));
  },

  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_management_policy
  azurerm_role_management_policy: (tf, out) => {
    const activation = tf.block('activation_rules');
    const active = tf.block('active_assignment_rules');
    const eligible = tf.block('eligible_assignment_rules');
    const context = activation ? tf.field('required_conditional_access_authentication_context', activation) : undefined;
    out.resource({
      ...tf.base('azure.authorization.roleManagementPolicy', tf.aliases(['id'], true)),
      scope: scopeOf(tf, out, 'scope'),
      role: tf.link('role_definition_id'),
      permanentEligibleAllowed: negate(setting(tf, 'expiration_required', eligible)),
      eligibleMaxDuration: duration(tf, 'expire_after', eligible),
      permanentActiveAllowed: negate(setting(tf, 'expiration_required', active)),
      activeMaxDuration: duration(tf, 'expire_after', active),
      activationMaxDuration: duration(tf, 'maximum_duration', activation),
      activationRequiresMfa: setting(tf, 'require_multifactor_authentication', activation),
      activationRequiresAuthenticationContext: context === undefined || context.t === 'null'
        ? setting(tf, 'required_conditional_access_authentication_context', activation)
        : context.t === 'unknown' ? unknown(context.at, context.why) : known(context.t === 'string' && context.v !== '', context.at),
      activationRequiresJustification: setting(tf, 'require_justification', activation),
      activationRequiresTicket: setting(tf, 'require_ticket_info', activation),
      activationRequiresApproval: setting(tf, 'require_approval', activation),
      activeAssignmentRequiresMfa: setting(tf, 'require_multifactor_authentication', active),
      activeAssignmentRequiresJustification: setting(tf, 'require_justification', active),
    });
  },

  // https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/group
  azuread_group: (tf, out) => {
    const objectId = tf.field('object_id');
    out.resource({
      ...tf.base('azure.entra.group', tf.aliases(['object_id', 'id'], true)),
      groupId: objectId?.t === 'string' && objectId.v !== '' ? known(objectId.v, objectId.at) : tf.str('object_id'),
      displayName: tf.nstr('display_name'),
      // Members written on the group (a member created in the same plan is named by its estate key);
      // `azuread_group_member` resources add to them.
      members: memberList(tf),
    });
  },

  azuread_group_member: addMember,
};
