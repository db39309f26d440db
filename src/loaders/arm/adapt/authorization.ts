import type { Attr, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { RoleAssignment, RoleDefinition, RoleManagementPolicy, RolePermission } from '../../../model/index.js';
import { readPolicyRules } from '../../common/role-management-policy.js';
import { readNullableString, readString, readStringList } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import { addDuration, isoSeconds } from '../eval/dates.js';
import { getField, getPath, symbolOf } from '../eval/values.js';
import type { Adapter } from './common.js';
import { prop } from '../json.js';
import { base, extendedScope, link, properties } from './common.js';

/**
 * Microsoft.Authorization role definitions and assignments.
 * https://learn.microsoft.com/azure/templates/microsoft.authorization/roledefinitions
 * https://learn.microsoft.com/azure/templates/microsoft.authorization/roleassignments
 * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function permissions(v: Value | undefined, at: Provenance): Attr<readonly RolePermission[]> {
  if (v === undefined || v.t === 'null') return defaulted([], at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  if (v.t !== 'list') return unknown(v.at, '`permissions` is not an array');
  const out: RolePermission[] = [];
  for (const p of v.items) {
    if (p.t === 'unknown') return unknown(p.at, p.why);
    if (p.t !== 'object') return unknown(p.at, 'a permission is not an object');
    const lists = (['actions', 'notActions', 'dataActions', 'notDataActions'] as const).map((f) => readStringList(getField(p, f), p.at));
    const bad = lists.find((l) => !l.known);
    if (bad && !bad.known) return unknown(bad.at, bad.why);
    const condition = readNullableString(getField(p, 'condition'), p.at);
    if (!condition.known) return unknown(condition.at, condition.why);
    const [actions, notActions, dataActions, notDataActions] = lists.map((l) => (l.known ? l.value : []));
    out.push({
      actions: actions ?? [], notActions: notActions ?? [], dataActions: dataActions ?? [], notDataActions: notDataActions ?? [],
      condition: condition.value,
    });
  }
  return known(out, v.at);
}

/**
 * A custom role's GUID is its resource name, usually `guid(...)`. Azure computes that hash at deployment, so the
 * loader uses its stand-in symbol: the same symbol appears in every `roleDefinitionId` built from the same call,
 * which is what links assignments to the role.
 */
function roleId(name: Value): Attr<string> {
  const text = symbolOf(name);
  if (text !== undefined) {
    // A stand-in GUID is written in braces (`{3f2a…}`), the form role ids are also accepted in.
    const leaf = text.slice(text.lastIndexOf('/') + 1).replace(/^\{(.*)\}$/, '$1').toLowerCase();
    if (GUID.test(leaf)) return known(leaf, name.at);
  }
  return unknown(name.at, name.t === 'unknown' ? name.why : 'the role definition name is not a GUID');
}

const roleDefinition: Adapter = (r, out) => {
  const p = properties(r);
  const id = roleId(r.name);
  const guid = id.known ? id.value : undefined;
  const aliases = guid === undefined ? [] : [
    guid,
    `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    `/subscriptions/${r.target.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
  ];
  const res: RoleDefinition = {
    ...base(r, 'azure.authorization.roleDefinition', aliases),
    roleId: id,
    roleName: readString(getField(p, 'roleName'), r.at, undefined, 'roleName'),
    custom: true,
    permissions: permissions(getField(p, 'permissions'), r.at),
    assignableScopes: readStringList(getField(p, 'assignableScopes'), r.at),
  };
  out.resources.push(res);
};

function scopeAttr(r: Parameters<Adapter>[0], typeName = 'Microsoft.Authorization/roleAssignments'): Attr<string> {
  const scopeNode = prop(r.node, 'scope');
  const at = scopeNode ? r.scope.at(scopeNode) : r.at;
  const scope = r.extends ?? extendedScope(r, typeName);
  return known(scope, at);
}

function optional(v: Value | undefined, at: Provenance): Attr<string | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  return readNullableString(v, at);
}

const roleAssignment: Adapter = (r, out) => {
  const p: ObjectValue | undefined = properties(r);
  const res: RoleAssignment = {
    ...base(r, 'azure.authorization.roleAssignment'),
    scope: scopeAttr(r),
    role: link(getField(p, 'roleDefinitionId'), r.at),
    principalId: readString(getField(p, 'principalId'), r.at, undefined, 'principalId'),
    principalType: optional(getField(p, 'principalType'), r.at),
    condition: optional(getField(p, 'condition'), r.at),
    via: 'standing',
    endsAt: defaulted(null, r.at),
  };
  out.resources.push(res);
};

/**
 * When a PIM schedule ends: `scheduleInfo.expiration` is `NoExpiration`, `AfterDateTime` (its `endDateTime`) or
 * `AfterDuration` (its ISO 8601 `duration` after `scheduleInfo.startDateTime`; a request without a start begins
 * when it is processed, so its end is unknown).
 */
function scheduleEnd(p: ObjectValue | undefined, at: Provenance): Attr<string | null> {
  const expiration = getPath(p, 'scheduleInfo', 'expiration');
  if (expiration === undefined || expiration.t === 'null') {
    return unknown(at, '`scheduleInfo.expiration` is not set: the role management policy decides when the schedule ends');
  }
  if (expiration.t === 'unknown') return unknown(expiration.at, expiration.why);
  if (expiration.t !== 'object') return unknown(expiration.at, '`expiration` is not an object');
  const type = readString(getField(expiration, 'type'), expiration.at, undefined, 'expiration.type');
  if (!type.known) return type;
  switch (type.value.toLowerCase()) {
    case 'noexpiration': return known(null, type.at);
    case 'afterdatetime': return readString(getField(expiration, 'endDateTime'), expiration.at, undefined, 'endDateTime');
    case 'afterduration': {
      const start = getPath(p, 'scheduleInfo', 'startDateTime');
      const duration = getField(expiration, 'duration');
      if (start?.t === 'unknown') return unknown(start.at, start.why);
      if (duration?.t === 'unknown') return unknown(duration.at, duration.why);
      const ms = start?.t === 'string' ? Date.parse(start.v) : NaN;
      const end = Number.isFinite(ms) && duration?.t === 'string' ? addDuration(ms, duration.v) : undefined;
      if (end === undefined || !Number.isFinite(end)) {
        return unknown(duration?.at ?? expiration.at, start === undefined ? 'the schedule starts when the request is processed' : 'the schedule start or duration is not a valid ISO 8601 value');
      }
      return known(isoSeconds(end), duration?.at ?? expiration.at);
    }
    default: return unknown(type.at, `expiration type \`${type.value}\` is not one of NoExpiration, AfterDateTime, AfterDuration`);
  }
}

/** Requests that remove or deactivate a schedule create no assignment. */
const REMOVING = new Set(['adminremove', 'selfdeactivate']);

/**
 * PIM schedule requests: an eligible (`roleEligibilityScheduleRequests`) or active time-bound
 * (`roleAssignmentScheduleRequests`) assignment.
 * https://learn.microsoft.com/azure/templates/microsoft.authorization/roleeligibilityschedulerequests
 * https://learn.microsoft.com/azure/templates/microsoft.authorization/roleassignmentschedulerequests
 */
function scheduleRequest(via: 'pimEligible' | 'pimActive', typeName: string): Adapter {
  return (r, out) => {
    const p = properties(r);
    const requestType = getField(p, 'requestType');
    if (requestType?.t === 'string' && REMOVING.has(requestType.v.toLowerCase())) return;
    const res: RoleAssignment = {
      ...base(r, 'azure.authorization.roleAssignment'),
      scope: scopeAttr(r, typeName),
      role: link(getField(p, 'roleDefinitionId'), r.at),
      principalId: readString(getField(p, 'principalId'), r.at, undefined, 'principalId'),
      principalType: optional(getField(p, 'principalType'), r.at),
      condition: optional(getField(p, 'condition'), r.at),
      via,
      endsAt: scheduleEnd(p, r.at),
    };
    out.resources.push(res);
  };
}

/**
 * PIM role settings (a role management policy): its rules are read as the RBAC export reads them. Which role the
 * policy governs is not in the policy; a roleManagementPolicyAssignments resource says it (a fragment below).
 * https://learn.microsoft.com/en-us/azure/templates/microsoft.authorization/rolemanagementpolicies
 */
const roleManagementPolicy: Adapter = (r, out) => {
  const p = properties(r);
  const rules = getField(p, 'rules');
  const res: RoleManagementPolicy = {
    ...base(r, 'azure.authorization.roleManagementPolicy'),
    scope: known(r.extends ?? extendedScope(r, 'Microsoft.Authorization/roleManagementPolicies'), r.at),
    role: defaulted(null, r.at),
    ...readPolicyRules(rules?.t === 'list' ? rules.items : [], rules?.at ?? r.at),
  };
  out.resources.push(res);
};

/** https://learn.microsoft.com/en-us/azure/templates/microsoft.authorization/rolemanagementpolicyassignments */
const roleManagementPolicyAssignment: Adapter = (r, out) => {
  const p = properties(r);
  const policy = getField(p, 'policyId');
  const role = getField(p, 'roleDefinitionId');
  if (policy?.t !== 'string' || role === undefined) return;
  out.fragments.push({
    targetKind: 'azure.authorization.roleManagementPolicy',
    target: known(policy.v.toLowerCase(), policy.at),
    fields: { role: link(role, r.at) },
    source: { type: r.type, address: r.id, at: r.at },
  });
};

export const AUTHORIZATION_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'microsoft.authorization/rolemanagementpolicies': roleManagementPolicy,
  'microsoft.authorization/rolemanagementpolicyassignments': roleManagementPolicyAssignment,
  'microsoft.authorization/roledefinitions': roleDefinition,
  'microsoft.authorization/roleassignments': roleAssignment,
  'microsoft.authorization/roleeligibilityschedulerequests': scheduleRequest('pimEligible', 'Microsoft.Authorization/roleEligibilityScheduleRequests'),
  'microsoft.authorization/roleassignmentschedulerequests': scheduleRequest('pimActive', 'Microsoft.Authorization/roleAssignmentScheduleRequests'),
};

