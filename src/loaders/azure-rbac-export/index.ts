/**
 * A folder of Azure RBAC exports, each file recognised by its name (any may be absent):
 *
 * | file | what produces it |
 * | --- | --- |
 * | `role-definitions.json` | `az role definition list -o json` (or the REST list, or `Get-AzRoleDefinition`) |
 * | `role-assignments.json` | `az role assignment list --all -o json` (flattened CLI shape, or REST with `properties`) |
 * | `deny-assignments.json` | REST list of `…/providers/Microsoft.Authorization/denyAssignments` |
 * | `management-groups.json` | REST `GET …/managementGroups/<root>?$expand=children&$recurse=true` |
 * | `groups.json` | `{"<groupId>": ["<memberId>", …]}` (members may be groups, or objects with an `id`) |
 * | `role-eligibility-schedules.json`, `role-eligibility-schedule-instances.json` | REST list, API 2020-10-01 |
 * | `role-assignment-schedule-instances.json` | REST list, API 2020-10-01 |
 * | `role-management-policies.json` | REST list, API 2020-10-01 |
 * | `role-management-policy-assignments.json` | REST list: which role each policy governs |
 *
 * Positions come from jsonc-parser, so every entry points at its line. Nothing throws: an entry that cannot be read
 * is a diagnostic and the rest loads.
 * https://learn.microsoft.com/en-us/cli/azure/role/assignment#az-role-assignment-list
 * https://learn.microsoft.com/en-us/rest/api/authorization/deny-assignments/list?view=rest-authorization-2022-04-01
 * https://learn.microsoft.com/en-us/rest/api/managementgroups/management-groups/get?view=rest-managementgroups-2021-04-01
 */
import { basename } from 'node:path';
import type { Attr, LoadDiagnostic, Provenance } from '../../model/core/index.js';
import { defaulted, known, unknown } from '../../model/core/index.js';
import type {
  DenyAssignment, DenyPrincipal, EntraGroup, ManagementGroup, Resource, ResourceFragment, RoleAssignment, RoleDefinition,
  RoleManagementPolicy, RolePermission, SubscriptionPlacement,
} from '../../model/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import type { LoadResult } from '../types.js';
import { readPolicyRules } from '../common/role-management-policy.js';
import { readJsonTree } from '../common/json-tree.js';
import { asObject, text } from '../common/read.js';
import { entries, pick } from './tree.js';

type Handler = (root: Value, out: Out) => void;

interface Out {
  readonly file: string;
  readonly resources: Resource[];
  readonly fragments: ResourceFragment[];
  readonly diagnostics: LoadDiagnostic[];
}

const GUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function report(out: Out, at: Provenance, message: string, code: LoadDiagnostic['code'] = 'invalid-value'): void {
  out.diagnostics.push({ code, severity: 'warning', file: at.file, line: at.line, column: at.column, message });
}

function str(o: ObjectValue, at: Provenance, what: string, ...names: string[]): Attr<string> {
  const v = pick(o, ...names);
  if (v?.t === 'string' && v.v !== '') return known(v.v, v.at);
  return unknown(v?.at ?? at, `\`${what}\` is missing from the export`);
}

function nstr(o: ObjectValue, at: Provenance, ...names: string[]): Attr<string | null> {
  const v = pick(o, ...names);
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'string') return known(v.v === '' ? null : v.v, v.at);
  return unknown(v.at, `\`${names[0]}\` is not a string`);
}

function strings(v: Value | undefined): string[] {
  if (v?.t !== 'list') return [];
  return v.items.flatMap((i) => (i.t === 'string' ? [i.v] : []));
}

function permission(v: Value): RolePermission | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const cond = o.fields.get('condition');
  return {
    actions: strings(o.fields.get('actions') ?? o.fields.get('Actions')),
    notActions: strings(o.fields.get('notActions') ?? o.fields.get('NotActions')),
    dataActions: strings(o.fields.get('dataActions') ?? o.fields.get('DataActions')),
    notDataActions: strings(o.fields.get('notDataActions') ?? o.fields.get('NotDataActions')),
    condition: cond?.t === 'string' && cond.v !== '' ? cond.v : null,
  };
}

function permissions(o: ObjectValue, at: Provenance): Attr<readonly RolePermission[]> {
  const v = pick(o, 'permissions');
  if (v?.t === 'list') {
    const out: RolePermission[] = [];
    for (const p of v.items) {
      const perm = permission(p);
      if (!perm) return unknown(p.at, 'a permission block is not an object');
      out.push(perm);
    }
    return known(out, v.at);
  }
  // PowerShell's Get-AzRoleDefinition prints the lists on the role itself.
  const actions = pick(o, 'Actions');
  if (actions?.t === 'list') {
    const cond = pick(o, 'Condition');
    return known([{
      actions: strings(actions), notActions: strings(pick(o, 'NotActions')), dataActions: strings(pick(o, 'DataActions')),
      notDataActions: strings(pick(o, 'NotDataActions')), condition: cond?.t === 'string' && cond.v !== '' ? cond.v : null,
    }], actions.at);
  }
  return unknown(at, '`permissions` is missing from the export');
}

function each(root: Value, out: Out, what: string, f: (o: ObjectValue) => void): void {
  const list = entries(root);
  if (!list) {
    report(out, root.at, `${basename(out.file)} should be a JSON array or a REST list (\`{ "value": [...] }\`) of ${what}`, 'not-a-template');
    return;
  }
  for (const item of list) {
    const o = asObject(item);
    if (!o) {
      report(out, item.at, `an entry of ${basename(out.file)} is not an object; it is skipped`);
      continue;
    }
    f(o);
  }
}

function native(type: string, name: string, address: string): Resource['native'] {
  return { type, name, address };
}

const roleDefinitions: Handler = (root, out) => {
  each(root, out, 'role definitions', (o) => {
    const at = o.at;
    const id = text(pick(o, 'id', 'Id'));
    const name = text(pick(o, 'name'));
    const guid = (GUID.exec(name ?? '') ?? GUID.exec(id ?? ''))?.[1]?.toLowerCase();
    if (guid === undefined) {
      report(out, at, 'a role definition has no GUID in `name` or `id`; it is skipped');
      return;
    }
    const roleType = text(pick(o, 'roleType', 'type'));
    const isCustom = pick(o, 'IsCustom');
    const roleName = str(o, at, 'roleName', 'roleName', 'Name');
    const key = `/providers/microsoft.authorization/roledefinitions/${guid}`;
    const res: RoleDefinition = {
      kind: 'azure.authorization.roleDefinition',
      key: `rbac-export:${key}`,
      aliases: [...new Set([key, guid, ...(id ? [id.toLowerCase()] : [])])],
      native: native('Microsoft.Authorization/roleDefinitions', roleName.known ? roleName.value : guid, id ?? key),
      at,
      roleId: known(guid, pick(o, 'name')?.at ?? at),
      roleName,
      custom: isCustom?.t === 'bool' ? isCustom.v : roleType?.toLowerCase() === 'customrole',
      permissions: permissions(o, at),
      assignableScopes: (() => {
        const v = pick(o, 'assignableScopes');
        return v?.t === 'list' ? known(strings(v), v.at) : unknown(at, '`assignableScopes` is missing from the export');
      })(),
    };
    out.resources.push(res);
  });
};

function principalName(o: ObjectValue, at: Provenance): Attr<string | null> {
  const direct = nstr(o, at, 'principalName', 'SignInName', 'DisplayName');
  if (direct.known && direct.value !== null) return direct;
  const expanded = asObject(asObject(pick(o, 'expandedProperties'))?.fields.get('principal'));
  const v = expanded?.fields.get('displayName') ?? expanded?.fields.get('email');
  return v?.t === 'string' && v.v !== '' ? known(v.v, v.at) : direct;
}

function assignmentBase(o: ObjectValue, out: Out, what: string): Omit<RoleAssignment, 'via' | 'endsAt'> | undefined {
  const at = o.at;
  const id = text(pick(o, 'id', 'RoleAssignmentId'));
  if (id === undefined || id === '') {
    report(out, at, `${what} without an \`id\`; it is skipped`);
    return undefined;
  }
  const scope = str(o, at, 'scope', 'scope', 'Scope');
  const role = str(o, at, 'roleDefinitionId', 'roleDefinitionId', 'RoleDefinitionId');
  const principalId = str(o, at, 'principalId', 'principalId', 'ObjectId');
  if (!role.known) report(out, at, `${what} \`${id}\` has no \`roleDefinitionId\``);
  if (!principalId.known) report(out, at, `${what} \`${id}\` has no \`principalId\``);
  const name = text(pick(o, 'name'));
  return {
    kind: 'azure.authorization.roleAssignment',
    key: `rbac-export:${id.toLowerCase()}`,
    aliases: [...new Set([id.toLowerCase(), ...(name ? [name.toLowerCase()] : [])])],
    native: native('Microsoft.Authorization/roleAssignments', name ?? id, id),
    at,
    scope,
    role,
    principalId,
    principalType: nstr(o, at, 'principalType', 'ObjectType'),
    principalName: principalName(o, at),
    condition: nstr(o, at, 'condition', 'Condition'),
  };
}

const roleAssignments: Handler = (root, out) => {
  each(root, out, 'role assignments', (o) => {
    const b = assignmentBase(o, out, 'a role assignment');
    if (b) out.resources.push({ ...b, via: 'standing', endsAt: defaulted(null, o.at) });
  });
};

function instant(o: ObjectValue, at: Provenance, name: string): Attr<string | null> {
  const v = pick(o, name);
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'string' && !Number.isNaN(Date.parse(v.v))) return known(v.v, v.at);
  return unknown(v.at, `\`${name}\` is not an ISO 8601 date-time`);
}

const eligibilitySchedules: Handler = (root, out) => {
  each(root, out, 'role eligibility schedules', (o) => {
    const b = assignmentBase(o, out, 'an eligibility schedule');
    if (!b) return;
    out.resources.push({
      ...b,
      native: { ...b.native, type: 'Microsoft.Authorization/roleEligibilitySchedules' },
      via: 'pimEligible',
      startsAt: instant(o, o.at, 'startDateTime'),
      endsAt: instant(o, o.at, 'endDateTime'),
    });
  });
};

const assignmentScheduleInstances: Handler = (root, out) => {
  each(root, out, 'role assignment schedule instances', (o) => {
    const b = assignmentBase(o, out, 'an assignment schedule instance');
    if (!b) return;
    const type = text(pick(o, 'assignmentType'));
    const origin = pick(o, 'originRoleAssignmentId');
    out.resources.push({
      ...b,
      native: { ...b.native, type: 'Microsoft.Authorization/roleAssignmentScheduleInstances' },
      via: 'pimActive',
      startsAt: instant(o, o.at, 'startDateTime'),
      endsAt: instant(o, o.at, 'endDateTime'),
      ...(type === 'Assigned' || type === 'Activated' ? { pimAssignmentType: type } : {}),
      ...(origin?.t === 'string' && origin.v !== '' ? { originAssignment: known(origin.v.toLowerCase(), origin.at) } : {}),
    });
  });
};

function denyPrincipals(v: Value | undefined, at: Provenance): Attr<readonly DenyPrincipal[]> {
  if (v === undefined || v.t === 'null') return defaulted([], at);
  if (v.t !== 'list') return unknown(v.at, 'the principals are not a list');
  const out: DenyPrincipal[] = [];
  for (const p of v.items) {
    const o = asObject(p);
    const id = text(o?.fields.get('id'));
    if (!o || id === undefined) return unknown(p.at, 'a principal has no `id`');
    out.push({ id, type: text(o.fields.get('type')) ?? null });
  }
  return known(out, v.at);
}

const denyAssignments: Handler = (root, out) => {
  each(root, out, 'deny assignments', (o) => {
    const at = o.at;
    const id = text(pick(o, 'id', 'DenyAssignmentId'));
    if (id === undefined) {
      report(out, at, 'a deny assignment without an `id`; it is skipped');
      return;
    }
    const child = pick(o, 'doNotApplyToChildScopes');
    const res: DenyAssignment = {
      kind: 'azure.authorization.denyAssignment',
      key: `rbac-export:${id.toLowerCase()}`,
      aliases: [id.toLowerCase()],
      native: native('Microsoft.Authorization/denyAssignments', text(pick(o, 'denyAssignmentName')) ?? id, id),
      at,
      name: nstr(o, at, 'denyAssignmentName'),
      scope: str(o, at, 'scope', 'scope', 'Scope'),
      permissions: permissions(o, at),
      principals: denyPrincipals(pick(o, 'principals'), at),
      excludePrincipals: denyPrincipals(pick(o, 'excludePrincipals'), at),
      doNotApplyToChildScopes: child?.t === 'bool' ? known(child.v, child.at) : defaulted(false, at),
      condition: nstr(o, at, 'condition'),
    };
    out.resources.push(res);
  });
};

const MG_TYPE = 'microsoft.management/managementgroups';

/** The management-group tree: the body of a `$expand=children&$recurse=true` GET, or a list of such bodies. */
const managementGroups: Handler = (root, out) => {
  const tops = entries(root) ?? [root];
  const seen = new Set<string>();
  const visit = (v: Value, parent: Attr<string | null>): void => {
    const o = asObject(v);
    if (!o) return;
    const id = text(pick(o, 'id'));
    const type = (text(pick(o, 'type')) ?? '').toLowerCase();
    const name = text(pick(o, 'name')) ?? id?.split('/').pop();
    if (id === undefined || name === undefined) {
      report(out, o.at, 'an entry of the management-group tree has no `id`; it is skipped');
      return;
    }
    const displayName = nstr(o, o.at, 'displayName');
    if (type.endsWith('subscriptions') || id.toLowerCase().startsWith('/subscriptions/')) {
      const subId = id.split('/').pop() ?? id;
      const res: SubscriptionPlacement = {
        kind: 'azure.management.subscription',
        key: `rbac-export:/subscriptions/${subId.toLowerCase()}`,
        aliases: [`/subscriptions/${subId.toLowerCase()}`],
        native: native('Microsoft.Resources/subscriptions', displayName.known && displayName.value ? displayName.value : subId, id),
        at: o.at,
        subscriptionId: known(subId, pick(o, 'name')?.at ?? o.at),
        displayName,
        managementGroup: parent,
      };
      if (!seen.has(res.key)) out.resources.push(res);
      seen.add(res.key);
      return;
    }
    if (type !== '' && type !== MG_TYPE && !type.endsWith('/managementgroups')) return;
    const key = `/providers/microsoft.management/managementgroups/${name.toLowerCase()}`;
    let myParent = parent;
    if (!parent.known || parent.value === null) {
      const p = asObject(asObject(pick(o, 'details'))?.fields.get('parent'));
      const pid = p?.fields.get('id') ?? p?.fields.get('name');
      myParent = pid?.t === 'string' && pid.v !== '' ? known(pid.v, pid.at) : defaulted(null, o.at);
    }
    const res: ManagementGroup = {
      kind: 'azure.management.managementGroup',
      key: `rbac-export:${key}`,
      aliases: [key],
      native: native('Microsoft.Management/managementGroups', name, id),
      at: o.at,
      name: known(name, pick(o, 'name')?.at ?? o.at),
      displayName,
      parent: myParent,
    };
    if (!seen.has(res.key)) out.resources.push(res);
    seen.add(res.key);
    const children = pick(o, 'children');
    if (children?.t === 'list') for (const c of children.items) visit(c, known(name, o.at));
  };
  for (const t of tops) visit(t, defaulted(null, t.at));
};

/** `{"<groupId>": ["<memberId>" | {"id": …}, …]}`, or a list of `{ id, members }`. */
const groups: Handler = (root, out) => {
  const add = (groupId: string, at: Provenance, membersValue: Value | undefined, displayName: Attr<string | null>): void => {
    if (membersValue?.t !== 'list') {
      report(out, membersValue?.at ?? at, `the members of group \`${groupId}\` are not a list; its membership is unknown`);
    }
    const members = membersValue?.t === 'list'
      ? known(membersValue.items.flatMap((m) => {
          if (m.t === 'string') return [m.v];
          const mo = asObject(m);
          const id = text(mo?.fields.get('id')) ?? text(mo?.fields.get('objectId')) ?? text(mo?.fields.get('Id'));
          return id === undefined ? [] : [id];
        }), membersValue.at)
      : unknown(membersValue?.at ?? at, 'the member list cannot be read');
    const res: EntraGroup = {
      kind: 'azure.entra.group',
      key: `rbac-export:group/${groupId.toLowerCase()}`,
      aliases: [],
      native: native('Microsoft.Graph/groups', displayName.known && displayName.value ? displayName.value : groupId, groupId),
      at,
      groupId: known(groupId, at),
      displayName,
      members,
    };
    out.resources.push(res);
  };
  if (root.t === 'object' && !root.fields.has('value')) {
    for (const [groupId, members] of root.fields) add(groupId, members.at, members, defaulted(null, members.at));
    return;
  }
  each(root, out, 'groups', (o) => {
    const id = text(pick(o, 'id'));
    if (id === undefined) {
      report(out, o.at, 'a group without an `id`; it is skipped');
      return;
    }
    add(id, o.at, pick(o, 'members'), nstr(o, o.at, 'displayName'));
  });
};

const policies: Handler = (root, out) => {
  each(root, out, 'role management policies', (o) => {
    const at = o.at;
    const id = text(pick(o, 'id'));
    if (id === undefined) {
      report(out, at, 'a role management policy without an `id`; it is skipped');
      return;
    }
    const rules = pick(o, 'effectiveRules', 'rules');
    const res: RoleManagementPolicy = {
      kind: 'azure.authorization.roleManagementPolicy',
      key: `rbac-export:${id.toLowerCase()}`,
      aliases: [id.toLowerCase()],
      native: native('Microsoft.Authorization/roleManagementPolicies', text(pick(o, 'name')) ?? id, id),
      at,
      scope: str(o, at, 'scope', 'scope'),
      role: nstr(o, at, 'roleDefinitionId'),
      ...readPolicyRules(rules?.t === 'list' ? rules.items : [], rules?.at ?? at),
    };
    out.resources.push(res);
  });
};

/** roleManagementPolicyAssignments name the role each policy governs: a fragment sets the policy's `role`. */
const policyAssignments: Handler = (root, out) => {
  each(root, out, 'role management policy assignments', (o) => {
    const policy = pick(o, 'policyId');
    const role = pick(o, 'roleDefinitionId');
    if (policy?.t !== 'string' || role?.t !== 'string') {
      report(out, o.at, 'a role management policy assignment without `policyId` and `roleDefinitionId`; it is skipped');
      return;
    }
    const id = text(pick(o, 'id')) ?? policy.v;
    out.fragments.push({
      targetKind: 'azure.authorization.roleManagementPolicy',
      target: known(policy.v.toLowerCase(), policy.at),
      fields: { role: known(role.v, role.at) },
      source: { type: 'Microsoft.Authorization/roleManagementPolicyAssignments', address: id, at: o.at },
    });
  });
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  'role-definitions.json': roleDefinitions,
  'role-assignments.json': roleAssignments,
  'deny-assignments.json': denyAssignments,
  'management-groups.json': managementGroups,
  'groups.json': groups,
  'role-eligibility-schedules.json': eligibilitySchedules,
  'role-eligibility-schedule-instances.json': eligibilitySchedules,
  'role-assignment-schedule-instances.json': assignmentScheduleInstances,
  'role-management-policies.json': policies,
  'role-management-policy-assignments.json': policyAssignments,
};

/** The export file names this loader reads. */
export const RBAC_EXPORT_FILES: readonly string[] = Object.keys(HANDLERS);

/**
 * Whether a parsed JSON file is one of the exports: its name is one of the known names and its shape fits (a list,
 * a REST list, a management-group body, or for groups.json an object of arrays), so an unrelated `groups.json`
 * elsewhere in a repository is not taken for one.
 */
export function isRbacExport(fileName: string, doc: unknown): boolean {
  const name = basename(fileName).toLowerCase();
  if (!(name in HANDLERS)) return false;
  if (Array.isArray(doc)) return doc.every((x) => x !== null && typeof x === 'object');
  if (doc === null || typeof doc !== 'object') return false;
  const o = doc as Record<string, unknown>;
  if (Array.isArray(o['value'])) return true;
  if (name === 'management-groups.json') return typeof o['id'] === 'string' && o['id'].toLowerCase().includes('/managementgroups/');
  if (name === 'groups.json') return Object.values(o).every((v) => Array.isArray(v));
  return false;
}

export function loadRbacExport(file: string, source: string): LoadResult {
  const out: Out = { file, resources: [], fragments: [], diagnostics: [] };
  const handler = HANDLERS[basename(file).toLowerCase()];
  if (!handler) {
    out.diagnostics.push({ code: 'not-a-template', severity: 'error', file, line: 1, column: 1, message: `\`${basename(file)}\` is not one of the RBAC export file names (${RBAC_EXPORT_FILES.join(', ')})` });
    return out;
  }
  // Unlike the CLI exports, comments are tolerated here, as this loader always did.
  const parsed = readJsonTree(file, source, { comments: true });
  out.diagnostics.push(...parsed.diagnostics);
  if (parsed.value) handler(parsed.value, out);
  return out;
}
