import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { RolePermission } from '../../../model/index.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { scopeOf } from './azure-ids.js';

/**
 * Azure RBAC: custom role definitions, role assignments (by role name or id), and PIM schedules.
 *
 * Values the plan cannot know (a new custom role's id, a new identity's principal id, a new resource group's id)
 * are read as links: when they derive from exactly one resource, the assignment's `role`, `principalId` and `scope`
 * hold that resource's estate key, which the estate resolves like any other handle.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment
 */

function permissions(tf: Tf): Attr<readonly RolePermission[]> {
  const blocks = tf.blocks('permissions');
  if (blocks.length === 0) {
    const u = tf.unknownField('permissions');
    return u ? unknown(u.at, u.why) : defaulted([], tf.at);
  }
  const out: RolePermission[] = [];
  for (const b of blocks) {
    const lists = ['actions', 'not_actions', 'data_actions', 'not_data_actions'].map((n) => tf.strs(n, b));
    const bad = lists.find((l) => !l.known);
    if (bad && !bad.known) return unknown(bad.at, bad.why);
    const [actions, notActions, dataActions, notDataActions] = lists.map((l) => (l.known ? l.value : []));
    out.push({ actions: actions ?? [], notActions: notActions ?? [], dataActions: dataActions ?? [], notDataActions: notDataActions ?? [], condition: null });
  }
  return known(out, blocks[0]?.at ?? tf.at);
}

/** The role as written: its name when `role_definition_name` is used, else the id (or the custom role it links to). */
function role(tf: Tf): Attr<string> {
  const byName = tf.field('role_definition_name');
  if (byName?.t === 'string' && byName.v !== '') return known(byName.v, byName.at);
  const byId = tf.field('role_definition_id');
  if (byName?.t === 'unknown' && (byId === undefined || byId.t === 'unknown' || byId.t === 'null')) return tf.link('role_definition_name');
  return tf.link('role_definition_id');
}

function pimAssignment(via: 'pimEligible' | 'pimActive') {
  return (tf: Tf, out: Emitter): void => {
    const schedule = tf.block('schedule');
    const expiration = schedule ? tf.block('expiration', schedule) : undefined;
    let endsAt: Attr<string | null> = defaulted(null, tf.at);
    if (expiration) {
      const end = tf.field('end_date_time', expiration);
      const days = tf.field('duration_days', expiration);
      const hours = tf.field('duration_hours', expiration);
      if (end?.t === 'string' && end.v !== '') endsAt = known(end.v, end.at);
      else if (end?.t === 'unknown') endsAt = unknown(end.at, end.why);
      else if ((days?.t === 'number' && days.v > 0) || (hours?.t === 'number' && hours.v > 0)) {
        endsAt = unknown(expiration.at, 'the schedule ends a set time after it starts');
      }
    }
    out.resource({
      ...tf.base('azure.authorization.roleAssignment', tf.aliases(['id'], true)),
      scope: scopeOf(tf, out, 'scope'),
      role: role(tf),
      principalId: tf.link('principal_id'),
      principalType: defaulted(null, tf.at),
      condition: tf.nstr('condition'),
      via,
      endsAt,
    });
  };
}

export const AZURE_AUTHORIZATION: AdapterTable = {
  // `assignable_scopes` defaults to the definition's `scope`.
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_definition
  azurerm_role_definition: (tf, out) => {
    const aliases = tf.aliases(['role_definition_resource_id', 'id', 'role_definition_id', 'name'], true);
    const guid = tf.field('role_definition_id');
    if (guid?.t === 'string' && guid.v !== '') aliases.push(`/providers/microsoft.authorization/roledefinitions/${guid.v.toLowerCase()}`);
    // The provider's `id` is `<role definition id>|<scope>`: the part before the bar is the real id.
    const id = tf.field('id');
    if (id?.t === 'string' && id.v.includes('|')) aliases.push((id.v.split('|')[0] ?? '').toLowerCase());
    const scopes = tf.strs('assignable_scopes');
    const scope = tf.str('scope');
    out.resource({
      ...tf.base('azure.authorization.roleDefinition', aliases),
      roleId: guid?.t === 'string' && guid.v !== '' ? known(guid.v.toLowerCase(), guid.at) : guid?.t === 'unknown' ? unknown(guid.at, guid.why) : unknown(tf.at, 'the role id is generated at apply'),
      roleName: tf.str('name'),
      custom: true,
      permissions: permissions(tf),
      assignableScopes: scopes.known && scopes.value.length === 0 && scope.known ? defaulted([scope.value], scope.at) : scopes,
    });
  },

  azurerm_role_assignment: (tf, out) => {
    out.resource({
      ...tf.base('azure.authorization.roleAssignment', tf.aliases(['id', 'name'], true)),
      scope: scopeOf(tf, out, 'scope'),
      role: role(tf),
      principalId: tf.link('principal_id'),
      principalType: tf.nstr('principal_type'),
      condition: tf.nstr('condition'),
      via: 'standing',
      endsAt: defaulted(null, tf.at),
    });
  },

  azurerm_pim_eligible_role_assignment: pimAssignment('pimEligible'),
  azurerm_pim_active_role_assignment: pimAssignment('pimActive'),
};
