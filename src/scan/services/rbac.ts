/**
 * The estate as the Azure RBAC engine sees it: role definitions (inputs first, then the shipped built-in catalogue),
 * role assignments and PIM schedules from every format (exports, ARM, Terraform), deny assignments, the
 * management-group tree, group membership and PIM policies. Compiled once, on first use, and memoised.
 *
 * Model attributes that are unknown become inputs the engine answers `unknown` for (a scope or role it cannot
 * place): nothing is guessed. A standing entry of `az role assignment list` that a PIM schedule instance stands for
 * (`originRoleAssignmentId`) is left out, so the instance's start and end govern it.
 */
import type {
  EscalationPath, RbacAssignmentView, RbacPrivilege, RbacService, Tenure,
} from '../../checks/kit/services/rbac.js';
import { compileRbac, isCatalogueError, loadCatalogue, trailingGuid } from '../../engines/rbac/index.js';
import type {
  CompiledAssignment, RbacDiagnostic, RbacEngine, RbacInput, RbacPolicySettings, RbacRoleAssignmentInput,
} from '../../engines/rbac/index.js';
import type { Attr, Tri } from '../../model/core/index.js';
import type { Estate, RoleAssignment, RoleDefinition, RoleManagementPolicy } from '../../model/index.js';

/** The built-in roles everyone treats as privileged (Microsoft's "privileged administrator roles"). */
export const PRIVILEGED_ROLE_IDS: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};

const ROLE_WRITE = 'Microsoft.Authorization/roleAssignments/write';
const ROLE_DEF_WRITE = 'Microsoft.Authorization/roleDefinitions/write';
const ROLE_ID_ATTR = '@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId]';
/** Writes across unrelated providers: a role that allows all of them writes (nearly) everything, like `*`. */
const BROAD_WRITES = [
  'Microsoft.Compute/virtualMachines/write', 'Microsoft.Network/virtualNetworks/write', 'Microsoft.Storage/storageAccounts/write',
  'Microsoft.KeyVault/vaults/write', 'Microsoft.Web/sites/write', 'Microsoft.Sql/servers/write',
];

/** Data actions that read or change stored data or secrets. */
export const SENSITIVE_DATA_ACTIONS: Readonly<Record<string, string>> = {
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read': 'read blobs',
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write': 'write blobs',
  'Microsoft.Storage/storageAccounts/fileServices/fileshares/files/read': 'read file shares',
  'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read': 'read queue messages',
  'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read': 'read table entities',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action': 'read Key Vault secret values',
  'Microsoft.KeyVault/vaults/keys/decrypt/action': 'decrypt with Key Vault keys',
  'Microsoft.KeyVault/vaults/certificates/read': 'read Key Vault certificates',
};

/** Methods by which a holder raises its own privilege. https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices */
const ESCALATIONS: readonly { method: string; key: string; also: readonly (readonly string[])[]; what: string }[] = [
  { method: 'role-definition-write', key: ROLE_DEF_WRITE, also: [], what: 'rewrite a role definition it holds to add any permission' },
  {
    method: 'managed-identity-takeover', key: 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action',
    also: [['Microsoft.Compute/virtualMachines/write'], ['Microsoft.Compute/virtualMachines/runCommand/action', 'Microsoft.Compute/virtualMachines/runCommands/write']],
    what: 'attach a user-assigned managed identity to a virtual machine and run commands as that identity',
  },
  { method: 'key-vault-access-policy', key: 'Microsoft.KeyVault/vaults/accessPolicies/write', also: [], what: 'add itself to a Key Vault access policy and read its secrets (vaults not using Azure RBAC)' },
];

function attrText(a: Attr<string> | Attr<string | null>, what: string): string | null {
  if (!a.known) return `<unknown ${what}: ${a.why}>`;
  return a.value;
}

/** A stable GUID-shaped id for a custom role whose real GUID is only known after deployment (FNV-1a of its key). */
function syntheticGuid(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).slice(0, 12);
  return `e57a7e00-0000-4000-8000-${hex}`;
}

function tri(a: Attr<boolean>): boolean | 'unknown' {
  return a.known ? a.value : 'unknown';
}

function policySettings(p: RoleManagementPolicy): RbacPolicySettings {
  const str = (a: Attr<string | null>): string | null => (a.known ? a.value : null);
  return {
    permanentEligibleAllowed: tri(p.permanentEligibleAllowed),
    eligibleMaxDuration: str(p.eligibleMaxDuration),
    permanentActiveAllowed: tri(p.permanentActiveAllowed),
    activeMaxDuration: str(p.activeMaxDuration),
    activationMaxDuration: str(p.activationMaxDuration),
    activationRequiresMfa: tri(p.activationRequiresMfa),
    activationRequiresAuthenticationContext: tri(p.activationRequiresAuthenticationContext),
    activationRequiresJustification: tri(p.activationRequiresJustification),
    activationRequiresTicket: tri(p.activationRequiresTicket),
    activationRequiresApproval: tri(p.activationRequiresApproval),
    activeAssignmentRequiresMfa: tri(p.activeAssignmentRequiresMfa),
    activeAssignmentRequiresJustification: tri(p.activeAssignmentRequiresJustification),
  };
}

interface Built {
  readonly engine: RbacEngine;
  /** Model resource key → engine assignment id. */
  readonly ids: ReadonlyMap<string, string>;
  /** Model resource key of a superseded standing entry → the instance that stands for it. */
  readonly superseded: ReadonlyMap<string, string>;
  readonly diagnostics: readonly RbacDiagnostic[];
}

/** The engine input for an estate, and the bookkeeping to find model resources in the engine's answers. */
export function rbacInputOf(estate: Estate): { input: RbacInput; ids: Map<string, string>; superseded: Map<string, string> } {
  const roleGuids = new Map<string, string>();
  const roleDefinitions = estate.ofKind('azure.authorization.roleDefinition').map((d) => {
    const guid = d.roleId.known ? (trailingGuid(d.roleId.value) ?? syntheticGuid(d.key)) : syntheticGuid(d.key);
    roleGuids.set(d.key, guid);
    return {
      id: guid,
      ...(d.roleName.known ? { roleName: d.roleName.value } : { roleName: d.native.name }),
      custom: d.custom,
      // Unknown permissions (a template value known only at deployment) leave the role with none: assignments of
      // it then grant nothing the engine can see, which checks on the role itself report as unknown.
      permissions: d.permissions.known ? d.permissions.value : [],
      assignableScopes: d.assignableScopes.known ? d.assignableScopes.value : [],
      at: d.at,
    };
  });

  const roleRef = (a: RoleAssignment): string => {
    if (!a.role.known) return `<unknown role: ${a.role.why}>`;
    const linked = estate.lookup(a.role.value, 'azure.authorization.roleDefinition')[0];
    return linked ? (roleGuids.get(linked.key) ?? a.role.value) : a.role.value;
  };

  const all = estate.ofKind('azure.authorization.roleAssignment');
  // Standing entries that a PIM schedule instance in the inputs stands for.
  const superseded = new Map<string, string>();
  for (const inst of all) {
    if (inst.via !== 'pimActive' || !inst.originAssignment?.known) continue;
    for (const target of estate.lookup(inst.originAssignment.value, 'azure.authorization.roleAssignment')) {
      if (target.via === 'standing') superseded.set(target.key, inst.native.address);
    }
  }

  const ids = new Map<string, string>();
  const used = new Set<string>();
  const idOf = (a: RoleAssignment): string => {
    let id = a.native.address || a.key;
    if (used.has(id.toLowerCase())) id = `${id}#${a.key}`;
    used.add(id.toLowerCase());
    ids.set(a.key, id);
    return id;
  };

  const roleAssignments: RbacRoleAssignmentInput[] = [];
  const eligibilities: NonNullable<RbacInput['eligibilities']>[number][] = [];
  const principals: NonNullable<RbacInput['principals']>[number][] = [];
  for (const a of all) {
    if (superseded.has(a.key)) {
      // Left out, but its principal's name (the CLI prints UPNs) still helps resolve `--principal alice@…`.
      if (a.principalId.known) principals.push({ id: a.principalId.value, name: a.principalName?.known ? a.principalName.value : null, type: a.principalType.known ? a.principalType.value : null });
      continue;
    }
    const id = idOf(a);
    const common = {
      id,
      scope: attrText(a.scope, 'scope') as string,
      roleDefinitionId: roleRef(a),
      principalId: a.principalId.known ? a.principalId.value : `<unknown principal of ${a.native.address}>`,
      principalType: a.principalType.known ? a.principalType.value : null,
      principalName: a.principalName?.known ? a.principalName.value : null,
      condition: a.condition.known ? a.condition.value : a.condition.why ? '<unknown condition>' : null,
      at: a.at,
    };
    const start = a.startsAt?.known ? a.startsAt.value : null;
    const end = a.endsAt.known ? a.endsAt.value : null;
    if (a.via === 'pimEligible') {
      eligibilities.push({ ...common, startDateTime: start, endDateTime: end });
      continue;
    }
    roleAssignments.push({
      ...common,
      origin: a.via === 'standing' ? 'standing' : a.pimAssignmentType === 'Activated' ? 'pimActivated' : 'pimAssigned',
      ...(a.via === 'pimActive' ? { startDateTime: start, endDateTime: end } : {}),
    });
  }

  const mgs = estate.ofKind('azure.management.managementGroup');
  const subs = estate.ofKind('azure.management.subscription');
  const hierarchy = mgs.length + subs.length === 0 ? undefined : {
    managementGroups: mgs.flatMap((m) => (m.name.known ? [{
      id: m.name.value, parent: m.parent.known ? m.parent.value : null, parentUnknown: !m.parent.known,
      displayName: m.displayName.known ? m.displayName.value : null, at: m.at,
    }] : [])),
    subscriptions: subs.flatMap((s) => (s.subscriptionId.known && s.managementGroup.known && s.managementGroup.value !== null
      ? [{ id: s.subscriptionId.value, parent: s.managementGroup.value, displayName: s.displayName.known ? s.displayName.value : null, at: s.at }] : [])),
  };

  const groupResources = estate.ofKind('azure.entra.group');
  const groups: Record<string, string[]> = {};
  const groupLocations: Record<string, Attr<unknown>['at']> = {};
  for (const g of groupResources) {
    if (!g.groupId.known) continue;
    groupLocations[g.groupId.value] = g.members.at;
    if (g.members.known) groups[g.groupId.value] = [...(groups[g.groupId.value] ?? []), ...g.members.value];
    principals.push({ id: g.groupId.value, type: 'Group', name: g.displayName.known ? g.displayName.value : null });
  }

  const denyAssignments = estate.ofKind('azure.authorization.denyAssignment').map((d) => ({
    id: d.native.address || d.key,
    name: d.name.known ? d.name.value : null,
    scope: attrText(d.scope, 'scope') as string,
    permissions: d.permissions.known ? d.permissions.value : [{ actions: ['*'], dataActions: ['*'] }],
    // Unknown principals: the deny may reach anyone, which the engine reads as everyone (the cautious reading).
    principals: d.principals.known ? d.principals.value.map((p) => ({ id: p.id, type: p.type })) : [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }],
    excludePrincipals: d.excludePrincipals.known ? d.excludePrincipals.value.map((p) => ({ id: p.id, type: p.type })) : [],
    doNotApplyToChildScopes: d.doNotApplyToChildScopes.known ? d.doNotApplyToChildScopes.value : false,
    condition: d.condition.known ? d.condition.value : '<unknown condition>',
    at: d.at,
  }));

  const policies = estate.ofKind('azure.authorization.roleManagementPolicy').map((p) => ({
    id: p.native.address || p.key,
    scope: attrText(p.scope, 'scope') as string,
    roleDefinitionId: p.role.known && p.role.value !== null ? (estate.lookup(p.role.value, 'azure.authorization.roleDefinition')[0] ? roleGuids.get(estate.lookup(p.role.value, 'azure.authorization.roleDefinition')[0]?.key ?? '') ?? p.role.value : p.role.value) : null,
    settings: policySettings(p),
    at: p.at,
  }));

  return {
    input: {
      roleDefinitions, roleAssignments, eligibilities, denyAssignments, policies, principals,
      ...(hierarchy ? { hierarchy } : {}),
      ...(groupResources.length > 0 ? { groups, groupLocations } : {}),
    },
    ids,
    superseded,
  };
}

function build(estate: Estate, now?: string | number): Built {
  const { input, ids, superseded } = rbacInputOf(estate);
  const catalogue = loadCatalogue();
  const diagnostics: RbacDiagnostic[] = [];
  if (isCatalogueError(catalogue)) {
    diagnostics.push({ code: 'unknown-role', severity: 'warning', message: `${catalogue.message}: built-in roles are unknown` });
  }
  const engine = compileRbac(input, { ...(isCatalogueError(catalogue) ? {} : { catalogue }), ...(now !== undefined ? { now } : {}) });
  return { engine, ids, superseded, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

function tenureOf(a: RoleAssignment): Tenure {
  if (a.via === 'pimEligible') return 'eligible';
  if (a.via === 'standing') return 'standing';
  if (a.pimAssignmentType === 'Activated') return 'activated';
  return a.endsAt.known && a.endsAt.value === null ? 'standing' : 'timeBound';
}

export function buildRbacService(estate: Estate, options: { now?: string | number } = {}): RbacService {
  let built: Built | undefined;
  const get = (): Built => (built ??= build(estate, options.now));
  const privilegeMemo = new Map<string, RbacPrivilege>();

  const compiled = (a: RoleAssignment): CompiledAssignment | undefined => {
    const b = get();
    const id = b.ids.get(a.key);
    return id === undefined ? undefined : b.engine.assignmentById(id);
  };

  /** Privilege of one compiled assignment (its role and its condition). */
  const privilegeOf = (ca: CompiledAssignment): RbacPrivilege => {
    const e = get().engine;
    if (!ca.role) return { privileged: 'unknown', reasons: [`its role \`${ca.roleRef}\` is not in the inputs nor built in`] };
    const reasons: string[] = [];
    let result: Tri = false;
    const note = (v: Tri, text: string): void => {
      if (v === true) { result = true; reasons.push(text); }
      else if (v === 'unknown') { if (result === false) result = 'unknown'; reasons.push(`${text} (under a condition the inputs cannot settle)`); }
    };
    const write = e.assignmentAllows(ca, ROLE_WRITE);
    if (write === true) note(true, 'writes role assignments, so it can grant any role');
    else if (write === 'unknown') {
      // Constrained delegation: ask the condition about each privileged role one could assign.
      for (const [guid, name] of Object.entries(PRIVILEGED_ROLE_IDS)) {
        note(e.assignmentAllows(ca, ROLE_WRITE, { attributes: { [ROLE_ID_ATTR]: guid } }), `may assign \`${name}\``);
      }
    }
    note(e.assignmentAllows(ca, ROLE_DEF_WRITE), 'writes role definitions');
    const broad = BROAD_WRITES.map((x) => e.assignmentAllows(ca, x));
    if (broad.every((v) => v === true)) note(true, 'writes every kind of resource');
    return { privileged: result, reasons };
  };

  const service: RbacService = {
    can: (req) => get().engine.can(req),
    whoCan: (req) => get().engine.whoCan(req),
    access: (p) => get().engine.access(p),
    get diagnostics() { return get().diagnostics; },

    assignment(a): RbacAssignmentView | undefined {
      const b = get();
      const supersededBy = b.superseded.get(a.key) ?? null;
      const id = b.ids.get(a.key);
      const ca = id === undefined ? undefined : b.engine.assignmentById(id);
      const elig = id === undefined ? undefined : b.engine.eligibilities.find((x) => x.id === id);
      const principal = ca?.principal ?? elig?.principal;
      const role = ca?.role ?? elig?.role;
      const info = principal === undefined ? undefined : b.engine.principalInfo(principal);
      const principalId = info?.id ?? (a.principalId.known ? a.principalId.value : '');
      return {
        id: id ?? a.native.address,
        roleId: role?.guid ?? null,
        roleName: role?.name ?? null,
        custom: role ? role.custom : null,
        scope: a.scope.known ? a.scope.value : '',
        scopeKind: ca?.scopeKind ?? null,
        principalId,
        principalName: info?.name ?? null,
        principalType: info?.type ?? null,
        isGroup: info?.isGroup ?? false,
        tenure: tenureOf(a),
        supersededBy,
        reaches: principal === undefined ? [] : b.engine.membersOf(principalId),
        membersKnown: principal === undefined ? false : !info?.isGroup || b.engine.principals.membershipKnown(principal),
      };
    },

    privilege(a): RbacPrivilege {
      const ca = compiled(a);
      if (ca) return privilegeOf(ca);
      const view = service.assignment(a);
      if (view?.tenure === 'eligible' && a.role.known) return service.rolePrivilege(view.roleId ?? a.role.value);
      return { privileged: 'unknown', reasons: ['the assignment is not in the engine input'] };
    },

    rolePrivilege(roleRef): RbacPrivilege {
      const memo = privilegeMemo.get(roleRef);
      if (memo) return memo;
      const e = get().engine;
      const role = e.role(roleRef);
      const r = role
        ? privilegeOf({ index: -1, id: '', scope: '/', scopeKey: '/', scopeKind: 'root', scopeId: -1, roleRef, role, principal: -1, condition: null, origin: 'standing', start: -Infinity, end: Infinity })
        : { privileged: 'unknown' as const, reasons: [`role \`${roleRef}\` is not in the inputs nor built in`] };
      privilegeMemo.set(roleRef, r);
      return r;
    },

    escalations(a): readonly EscalationPath[] {
      const ca = compiled(a);
      if (!ca || !ca.role || ca.scopeKey === null) return [];
      const e = get().engine;
      const holder = e.principalInfo(ca.principal).id;
      const out: EscalationPath[] = [];
      const write = e.assignmentAllows(ca, ROLE_WRITE);
      const privileged = write === true
        ? [true as Tri]
        : write === 'unknown' ? Object.keys(PRIVILEGED_ROLE_IDS).map((g) => e.assignmentAllows(ca, ROLE_WRITE, { attributes: { [ROLE_ID_ATTR]: g } })) : [];
      if (privileged.includes(true) || privileged.includes('unknown')) {
        out.push({
          method: 'role-assignment-write',
          decision: privileged.includes(true) ? 'allowed' : 'unknown',
          steps: [`\`${ca.role.name ?? ca.role.guid}\` (assignment \`${ca.id}\`) lets \`${holder}\` write role assignments at \`${ca.scope}\``, 'assign itself (or anyone) a privileged role such as Owner there'],
        });
      }
      for (const m of ESCALATIONS) {
        const own = e.assignmentAllows(ca, m.key);
        if (own === false) continue;
        const steps = [`\`${ca.role.name ?? ca.role.guid}\` (assignment \`${ca.id}\`) allows \`${m.key}\` at \`${ca.scope}\``];
        let decision: 'allowed' | 'unknown' = own === true ? 'allowed' : 'unknown';
        let possible = true;
        for (const alternatives of m.also) {
          const answers = alternatives.map((action) => ({ action, r: e.can({ principal: holder, action, scope: ca.scope }) }));
          const ok = answers.find((x) => x.r.decision === 'allowed');
          if (ok) {
            steps.push(`\`${ok.action}\` is allowed too (${ok.r.grantedBy.map((g) => `\`${g.roleName ?? g.roleId}\` at \`${g.scope}\``).join(', ')})`);
            continue;
          }
          const maybe = answers.find((x) => x.r.decision === 'unknown');
          if (maybe) { decision = 'unknown'; steps.push(`\`${maybe.action}\` may be allowed (${maybe.r.reason})`); continue; }
          possible = false;
          break;
        }
        if (!possible) continue;
        steps.push(m.what);
        out.push({ method: m.method, decision, steps });
      }
      return out;
    },

    dataAccess(a) {
      const ca = compiled(a);
      const e = get().engine;
      const granted: string[] = [];
      const conditional: string[] = [];
      const view = ca ?? (() => {
        const v = service.assignment(a);
        const role = v?.roleId ? e.role(v.roleId) : undefined;
        return role ? { index: -1, id: '', scope: '/', scopeKey: '/', scopeKind: 'root' as const, scopeId: -1, roleRef: role.guid, role, principal: -1, condition: null, origin: 'standing' as const, start: -Infinity, end: Infinity } : undefined;
      })();
      if (!view) return { granted, conditional };
      for (const action of Object.keys(SENSITIVE_DATA_ACTIONS)) {
        const v = e.assignmentAllows(view, action, undefined, 'data');
        if (v === true) granted.push(action);
        else if (v === 'unknown') conditional.push(action);
      }
      return { granted, conditional };
    },

    roleDataAccess(role: RoleDefinition): readonly string[] {
      const e = get().engine;
      // The same id the engine input gave the role (a stand-in GUID when the real one is known only after deployment).
      const guid = (role.roleId.known ? trailingGuid(role.roleId.value) : undefined) ?? syntheticGuid(role.key);
      const compiledRole = e.role(guid);
      if (!compiledRole) return [];
      return Object.keys(SENSITIVE_DATA_ACTIONS).filter((action) => e.roleAllows(compiledRole, action, undefined, 'data') === true);
    },

    policyFor: (role, scope) => get().engine.policyFor(role, scope),
    roleName: (role) => get().engine.role(role)?.name ?? null,
  };
  return service;
}
