import type { Provenance, Tri } from '../../model/core/index.js';
import type { AttributeRef } from './condition/ast.js';
import { evaluateCondition } from './condition/evaluate.js';
import type { ConditionEnv, Scalar } from './condition/evaluate.js';
import type { OperationCatalogue, RbacCatalogue } from './catalogue.js';
import { Hierarchy } from './hierarchy.js';
import type { Ancestry } from './hierarchy.js';
import { parseInstant, summarisePolicy, summariseSettings } from './pim.js';
import type { PimPolicySummary } from './pim.js';
import { EVERYONE, PrincipalTable } from './principals.js';
import { CONDITIONAL, NO, RoleTable, YES, blockGrants, compileBlock, compileCondition, roleAnswer } from './roles.js';
import type { CompiledBlock, CompiledCondition, CompiledRole, RoleAnswer } from './roles.js';
import { isScopeError, parseScope } from './scope.js';
import type { ParsedScope, ScopeKind } from './scope.js';
import { asciiLower } from './text.js';
import type {
  AttributeValue, CanRequest, CanResult, Decision, GrantRef, RbacAssignmentOrigin, RbacDiagnostic, RbacInput,
  RbacPermissionInput, RbacRequestContext,
} from './types.js';

export interface CompileOptions {
  /** Built-in roles (used when the inputs do not define them) and the provider-operations catalogue. */
  readonly catalogue?: RbacCatalogue;
  /** Default evaluation time for PIM schedules and `@Environment[UtcNow]`; ISO 8601 or epoch ms. Defaults to now. */
  readonly now?: string | number;
}

export interface CompiledAssignment {
  readonly index: number;
  readonly id: string;
  readonly scope: string;
  /** Lowercased scope key, or null when the scope does not parse. */
  readonly scopeKey: string | null;
  readonly scopeKind: ScopeKind | null;
  /** Index into the scope table; -1 when the scope does not parse. */
  readonly scopeId: number;
  readonly roleRef: string;
  readonly role: CompiledRole | undefined;
  readonly principal: number;
  readonly condition: CompiledCondition | null;
  readonly origin: RbacAssignmentOrigin;
  /** Epoch ms; -Infinity / +Infinity when unbounded. */
  readonly start: number;
  readonly end: number;
  readonly at?: Provenance;
}

export interface CompiledDeny {
  readonly index: number;
  readonly id: string;
  readonly name: string | null;
  readonly scope: string;
  readonly scopeKey: string | null;
  readonly blocks: readonly CompiledBlock[];
  readonly everyone: boolean;
  readonly principals: readonly number[];
  readonly excluded: readonly number[];
  readonly childScopes: boolean;
  readonly condition: CompiledCondition | null;
  readonly at?: Provenance;
}

export interface CompiledEligibility {
  readonly id: string;
  readonly scope: string;
  readonly scopeKey: string | null;
  readonly role: CompiledRole | undefined;
  readonly roleRef: string;
  readonly principal: number;
  readonly start: number;
  readonly end: number;
  readonly condition: string | null;
  readonly at?: Provenance;
}

export interface WhoCanRequest {
  readonly action: string;
  readonly scope: string;
  readonly plane?: 'control' | 'data';
  readonly context?: RbacRequestContext;
  readonly at?: string | number;
}

export interface WhoCanPrincipal {
  readonly id: string;
  readonly name: string | null;
  readonly type: string | null;
  readonly decision: Exclude<Decision, 'denied'>;
  readonly via: readonly GrantRef[];
}

export interface WhoCanResult {
  readonly principals: readonly WhoCanPrincipal[];
  /** Principals a role grants the action to, but a deny assignment blocks. */
  readonly denied: readonly { readonly id: string; readonly deniedBy: readonly string[] }[];
  readonly unknowns: readonly string[];
}

export interface AccessGrant extends GrantRef {
  /** False for a PIM instance outside its start/end at the evaluation time. */
  readonly active: boolean;
  readonly conditionText: string | null;
}

/** A role's permissions, listed once per `access` answer. */
export interface AccessRole {
  readonly name: string | null;
  readonly custom: boolean;
  readonly permissions: readonly {
    readonly actions: readonly string[];
    readonly notActions: readonly string[];
    readonly dataActions: readonly string[];
    readonly notDataActions: readonly string[];
    readonly condition: string | null;
  }[];
}

export interface AccessScope {
  readonly scope: string;
  readonly kind: ScopeKind;
  /** Other listed scopes above this one: their grants apply here too. */
  readonly inheritsFrom: readonly string[];
  /** Grants assigned at exactly this scope. */
  readonly grants: readonly AccessGrant[];
}

export interface AccessResult {
  readonly principal: { readonly id: string; readonly name: string | null; readonly type: string | null };
  readonly groups: readonly string[];
  readonly roles: Readonly<Record<string, AccessRole>>;
  readonly scopes: readonly AccessScope[];
  readonly denies: readonly { readonly id: string; readonly name: string | null; readonly scope: string; readonly doNotApplyToChildScopes: boolean }[];
  readonly eligible: readonly {
    readonly id: string; readonly roleId: string; readonly roleName: string | null; readonly scope: string;
    readonly principalId: string; readonly through: readonly string[]; readonly startDateTime: string | null; readonly endDateTime: string | null;
  }[];
  readonly unknowns: readonly string[];
}

export type PrincipalResolution =
  | { readonly ok: true; readonly index: number }
  | { readonly ok: false; readonly code: 'unknown-principal' | 'ambiguous-principal'; readonly message: string };

type PlaneMode =
  | { readonly kind: 'one'; readonly plane: 'control' | 'data' }
  /** Registered both as a control and a data operation: either plane grants it. */
  | { readonly kind: 'either' }
  /** Not in the catalogue: both planes must agree, or the answer is unknown. */
  | { readonly kind: 'unclassified' };

interface Match {
  readonly assignment: CompiledAssignment;
  readonly value: Tri;
  /** True when the value came from evaluating a condition. */
  readonly conditional: boolean;
}

const NO_CONTEXT: RbacRequestContext = {};
const NONE: readonly never[] = Object.freeze([]);

/**
 * The compiled RBAC model: role definitions folded into matchers, assignments indexed by scope and by principal,
 * group membership both ways, the management-group tree. Queries are pure reads (plus memo tables).
 *
 * Evaluation follows "How Azure RBAC determines if a user has access to a resource":
 * https://learn.microsoft.com/en-us/azure/role-based-access-control/overview#how-azure-rbac-determines-if-a-user-has-access-to-a-resource
 * deny assignments first; then the role assignments of the principal and its groups at the scope or above;
 * `Actions − NotActions`; conditions last. A grant without a condition settles the question for its action.
 */
export class RbacEngine {
  readonly diagnostics: RbacDiagnostic[] = [];
  readonly principals = new PrincipalTable();
  readonly hierarchy: Hierarchy;
  readonly roleTable = new RoleTable();
  readonly assignments: CompiledAssignment[] = [];
  readonly denies: CompiledDeny[] = [];
  readonly eligibilities: CompiledEligibility[] = [];
  readonly policies: PimPolicySummary[] = [];
  readonly now: number;
  readonly #operations: OperationCatalogue | undefined;

  readonly #scopeIds = new Map<string, number>();
  readonly #scopeAssignments: number[][] = [];
  /** Per scope, the principal of each assignment in `#scopeAssignments`, packed so the hot loop reads contiguous
   * memory instead of chasing 50,000 objects around the heap. */
  #scopeHolders: Int32Array[] = [];
  readonly #scopeDenies: number[][] = [];
  /** Principal marks for the current query: `#pmark[p] === #epoch` means p is the asker or one of its groups. */
  #pmark = new Int32Array(0);
  #epoch = 0;
  readonly #mgAssignments: number[] = [];
  readonly #mgDenies: number[] = [];
  readonly #byPrincipal = new Map<number, number[]>();
  readonly #floating = new Map<number, number[]>();
  readonly #ancestryIds = new Map<string, { anc: Ancestry; ids: Int32Array } | { error: string }>();
  readonly #expansion = new Map<number, { members: Int32Array; refs: GrantRef[] }>();
  #wslot = new Int32Array(0);
  #wmark = new Int32Array(0);
  #wepoch = 0;
  readonly #roleMemo = new Map<string, [Uint8Array, Uint8Array]>();
  readonly #denyMemo = new Map<string, Uint8Array>();
  readonly #actionLower = new Map<string, string>();
  readonly #principalCache = new Map<string, PrincipalResolution>();

  constructor(input: RbacInput, options: CompileOptions = {}) {
    this.now = parseTime(options.now) ?? Date.now();
    this.#operations = options.catalogue?.operations;
    this.hierarchy = new Hierarchy(input.hierarchy, this.diagnostics);
    for (const r of options.catalogue?.builtinRoles ?? []) this.roleTable.add(r, true, this.diagnostics);
    for (const r of input.roleDefinitions ?? []) this.roleTable.add(r, false, this.diagnostics);
    for (const p of input.principals ?? []) {
      const i = this.principals.intern(p.id);
      this.principals.describe(i, p.name, p.type);
      if (p.attributes) this.principals.attributes[i] = p.attributes;
    }
    if (input.groups) {
      for (const [group, members] of Object.entries(input.groups)) {
        const g = this.principals.intern(group);
        this.principals.setMembers(g, (Array.isArray(members) ? members : []).filter((m) => typeof m === 'string').map((m) => this.principals.intern(m)));
      }
      const where = new Map(Object.entries(input.groupLocations ?? {}).map(([k, v]) => [asciiLower(k.trim()), v]));
      for (const cycle of this.principals.findCycles()) {
        const at = cycle.map((c) => where.get(c)).find((x) => x !== undefined);
        this.diagnostics.push({
          code: 'group-cycle', severity: 'warning', subject: cycle[0] as string,
          message: `groups ${cycle.map((c) => `\`${c}\``).join(', ')} contain each other; membership is taken as their union`,
          ...(at ? { at } : {}),
        });
      }
    }
    this.#compileAssignments(input);
    this.#compileDenies(input);
    this.#compileEligibilities(input);
    for (const p of input.policies ?? []) {
      const role = p.roleDefinitionId ? this.roleTable.resolve(p.roleDefinitionId) : undefined;
      const parsed = parseScope(p.scope);
      const scopeKey = isScopeError(parsed) ? p.scope : parsed.key;
      const roleId = role?.guid ?? (p.roleDefinitionId ? asciiLower(p.roleDefinitionId) : null);
      this.policies.push(p.settings ? summariseSettings(p.id, scopeKey, roleId, p.settings) : summarisePolicy(p.id, scopeKey, roleId, p.rules ?? []));
    }
    this.#pmark = new Int32Array(this.principals.ids.length + 64);
    this.#scopeHolders = this.#scopeAssignments.map((list) => Int32Array.from(list, (ai) => (this.assignments[ai] as CompiledAssignment).principal));
  }

  // ---------------------------------------------------------------- compile

  #scopeId(key: string): number {
    let id = this.#scopeIds.get(key);
    if (id === undefined) {
      id = this.#scopeIds.size;
      this.#scopeIds.set(key, id);
      this.#scopeAssignments.push([]);
      this.#scopeDenies.push([]);
    }
    return id;
  }

  #window(id: string, start: string | null | undefined, end: string | null | undefined, at?: Provenance): [number, number] {
    const s = parseInstant(start);
    const e = parseInstant(end);
    for (const [label, raw, v] of [['start', start, s], ['end', end, e]] as const) {
      if (raw && raw.trim() !== '' && v === undefined) {
        this.diagnostics.push({
          code: 'invalid-date', severity: 'error', subject: id,
          message: `${label} time \`${raw}\` of \`${id}\` is not an ISO 8601 date-time; the schedule is taken as unbounded there`,
          ...(at ? { at } : {}),
        });
      }
    }
    return [s ?? -Infinity, e ?? Infinity];
  }

  #compileAssignments(input: RbacInput): void {
    const seen = new Set<string>();
    for (const a of input.roleAssignments ?? []) {
      const idKey = asciiLower(a.id);
      if (seen.has(idKey)) {
        this.diagnostics.push({
          code: 'duplicate-id', severity: 'warning', subject: a.id, message: `role assignment \`${a.id}\` appears twice; the first is used`,
          ...(a.at ? { at: a.at } : {}),
        });
        continue;
      }
      seen.add(idKey);
      const parsed = parseScope(a.scope);
      const scopeOk = !isScopeError(parsed);
      if (!scopeOk) {
        this.diagnostics.push({
          code: 'invalid-scope', severity: 'error', subject: a.id,
          message: `role assignment \`${a.id}\` has scope \`${a.scope}\`, which does not parse (${parsed.error}); where it applies is unknown`,
          ...(a.at ? { at: a.at } : {}),
        });
      }
      const role = this.roleTable.resolve(a.roleDefinitionId);
      if (!role) {
        this.diagnostics.push({
          code: 'unknown-role', severity: 'error', subject: a.id,
          message: `role assignment \`${a.id}\` names role \`${a.roleDefinitionId}\`, which is neither in the inputs nor a built-in role; what it grants is unknown`,
          ...(a.at ? { at: a.at } : {}),
        });
      }
      if (!a.principalId || a.principalId.trim() === '') {
        this.diagnostics.push({
          code: 'invalid-principal', severity: 'error', subject: a.id, message: `role assignment \`${a.id}\` has no principal id; it is ignored`,
          ...(a.at ? { at: a.at } : {}),
        });
        continue;
      }
      const principal = this.principals.intern(a.principalId);
      this.principals.describe(principal, a.principalName, a.principalType);
      let condition: CompiledCondition | null = null;
      if (typeof a.condition === 'string' && a.condition.trim() !== '') {
        condition = compileCondition(a.condition);
        if (condition.error) {
          this.diagnostics.push({
            code: 'condition-parse-error', severity: 'error', subject: a.id,
            message: `condition of role assignment \`${a.id}\` does not parse (${condition.error}); the assignment's grants are unknown`,
            ...(a.at ? { at: a.at } : {}),
          });
        }
        if (a.conditionVersion && a.conditionVersion.trim() !== '2.0') {
          this.diagnostics.push({
            code: 'condition-version', severity: 'warning', subject: a.id,
            message: `condition of role assignment \`${a.id}\` declares version \`${a.conditionVersion}\`; it is read with the 2.0 grammar`,
            ...(a.at ? { at: a.at } : {}),
          });
        }
      }
      const origin = a.origin ?? 'standing';
      const [start, end] = origin === 'standing' ? [-Infinity, Infinity] : this.#window(a.id, a.startDateTime, a.endDateTime, a.at);
      const compiled: CompiledAssignment = {
        index: this.assignments.length,
        id: a.id,
        scope: a.scope,
        scopeKey: scopeOk ? parsed.key : null,
        scopeKind: scopeOk ? parsed.kind : null,
        scopeId: scopeOk ? this.#scopeId(parsed.key) : -1,
        roleRef: a.roleDefinitionId,
        role,
        principal,
        condition,
        origin,
        start,
        end,
        ...(a.at ? { at: a.at } : {}),
      };
      this.assignments.push(compiled);
      push(this.#byPrincipal, principal, compiled.index);
      if (scopeOk) {
        this.#scopeAssignments[compiled.scopeId]?.push(compiled.index);
        if (parsed.kind === 'managementGroup') this.#mgAssignments.push(compiled.index);
        if (role && role.assignableScopes.length > 0 && !this.#withinAssignable(parsed, role.assignableScopes)) {
          this.diagnostics.push({
            code: 'outside-assignable-scopes', severity: 'warning', subject: a.id,
            message: `role \`${role.name ?? role.guid}\` is assigned at \`${a.scope}\`, outside its assignable scopes (${role.assignableScopes.map((s) => `\`${s}\``).join(', ')})`,
            ...(a.at ? { at: a.at } : {}),
          });
        }
      } else {
        push(this.#floating, principal, compiled.index);
      }
    }
  }

  #withinAssignable(scope: ParsedScope, assignable: readonly string[]): boolean {
    const anc = this.hierarchy.ancestry(scope.key);
    if ('error' in anc) return true;
    if (anc.uncertain && assignable.some((s) => s.includes('/managementgroups/'))) return true;
    return anc.keys.some((k) => assignable.includes(k));
  }

  #compileDenies(input: RbacInput): void {
    for (const d of input.denyAssignments ?? []) {
      const parsed = parseScope(d.scope);
      const scopeOk = !isScopeError(parsed);
      if (!scopeOk) {
        this.diagnostics.push({
          code: 'invalid-scope', severity: 'error', subject: d.id,
          message: `deny assignment \`${d.id}\` has scope \`${d.scope}\`, which does not parse (${parsed.error}); it may apply anywhere`,
          ...(d.at ? { at: d.at } : {}),
        });
      }
      const everyone = d.principals.some((p) => asciiLower(p.id.trim()) === EVERYONE || asciiLower(p.type ?? '') === 'systemdefined');
      const principals = d.principals.filter((p) => asciiLower(p.id.trim()) !== EVERYONE).map((p) => {
        const i = this.principals.intern(p.id);
        this.principals.describe(i, null, p.type);
        return i;
      });
      const excluded = (d.excludePrincipals ?? []).map((p) => {
        const i = this.principals.intern(p.id);
        this.principals.describe(i, null, p.type);
        return i;
      });
      let condition: CompiledCondition | null = null;
      if (typeof d.condition === 'string' && d.condition.trim() !== '') {
        condition = compileCondition(d.condition);
        if (condition.error) {
          this.diagnostics.push({
            code: 'condition-parse-error', severity: 'error', subject: d.id,
            message: `condition of deny assignment \`${d.id}\` does not parse (${condition.error}); whether it applies is unknown`,
            ...(d.at ? { at: d.at } : {}),
          });
        }
      }
      const compiled: CompiledDeny = {
        index: this.denies.length,
        id: d.id,
        name: d.name ?? null,
        scope: d.scope,
        scopeKey: scopeOk ? parsed.key : null,
        // Conditions on individual blocks are not part of deny assignments; only the assignment-level one is.
        blocks: d.permissions.map((p: RbacPermissionInput) => compileBlock({ ...p, condition: null }, d.id, this.diagnostics, d.at)),
        everyone,
        principals,
        excluded,
        childScopes: d.doNotApplyToChildScopes !== true,
        condition,
        ...(d.at ? { at: d.at } : {}),
      };
      this.denies.push(compiled);
      if (scopeOk) {
        this.#scopeDenies[this.#scopeId(parsed.key)]?.push(compiled.index);
        if (parsed.kind === 'managementGroup') this.#mgDenies.push(compiled.index);
      }
    }
  }

  #compileEligibilities(input: RbacInput): void {
    for (const e of input.eligibilities ?? []) {
      const parsed = parseScope(e.scope);
      if (isScopeError(parsed)) {
        this.diagnostics.push({
          code: 'invalid-scope', severity: 'error', subject: e.id,
          message: `eligibility \`${e.id}\` has scope \`${e.scope}\`, which does not parse (${parsed.error})`,
          ...(e.at ? { at: e.at } : {}),
        });
      }
      const role = this.roleTable.resolve(e.roleDefinitionId);
      if (!role) {
        this.diagnostics.push({
          code: 'unknown-role', severity: 'error', subject: e.id,
          message: `eligibility \`${e.id}\` names role \`${e.roleDefinitionId}\`, which is neither in the inputs nor a built-in role`,
          ...(e.at ? { at: e.at } : {}),
        });
      }
      const principal = this.principals.intern(e.principalId);
      this.principals.describe(principal, e.principalName, e.principalType);
      const [start, end] = this.#window(e.id, e.startDateTime, e.endDateTime, e.at);
      this.eligibilities.push({
        id: e.id, scope: e.scope, scopeKey: isScopeError(parsed) ? null : parsed.key, role, roleRef: e.roleDefinitionId,
        principal, start, end, condition: e.condition ?? null, ...(e.at ? { at: e.at } : {}),
      });
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Object id, or a display name / UPN that names exactly one principal. An unseen GUID is a valid principal
   * with no assignments of its own (deny assignments for everyone still reach it). */
  resolvePrincipal(ref: string): PrincipalResolution {
    const hit = this.#principalCache.get(ref);
    if (hit) return hit;
    let r: PrincipalResolution;
    const byId = this.principals.find(ref);
    if (byId !== undefined) r = { ok: true, index: byId };
    else {
      const byName = this.principals.findByName(ref);
      if (byName.length === 1) r = { ok: true, index: byName[0] as number };
      else if (byName.length > 1) {
        r = { ok: false, code: 'ambiguous-principal', message: `\`${ref}\` names ${byName.length} principals: ${byName.map((i) => this.principals.ids[i]).join(', ')}` };
      } else if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(ref.trim())) {
        r = { ok: true, index: this.principals.intern(ref) };
      } else r = { ok: false, code: 'unknown-principal', message: `no principal has the id or name \`${ref}\`` };
    }
    this.#principalCache.set(ref, r);
    return r;
  }

  role(ref: string): CompiledRole | undefined {
    return this.roleTable.resolve(ref);
  }

  #lower(action: string): string {
    let l = this.#actionLower.get(action);
    if (l === undefined) {
      l = asciiLower(action.trim());
      if (this.#actionLower.size < 100_000) this.#actionLower.set(action, l);
    }
    return l;
  }

  planeOf(actionLower: string, requested?: 'control' | 'data'): PlaneMode {
    if (requested) return { kind: 'one', plane: requested };
    const p = this.#operations?.classify(actionLower);
    if (p === 'control' || p === 'data') return { kind: 'one', plane: p };
    if (p === 'both') return { kind: 'either' };
    return { kind: 'unclassified' };
  }

  #lastAction: string | undefined;
  #lastMemos: [Uint8Array, Uint8Array] | undefined;

  /** Per-action memo tables of every role's answer, control plane then data plane (one-entry cache in front). */
  #memos(actionLower: string): [Uint8Array, Uint8Array] {
    if (this.#lastAction === actionLower && this.#lastMemos) return this.#lastMemos;
    let memos = this.#roleMemo.get(actionLower);
    if (!memos) {
      memos = [new Uint8Array(this.roleTable.roles.length), new Uint8Array(this.roleTable.roles.length)];
      if (this.#roleMemo.size >= 50_000) this.#roleMemo.clear();
      this.#roleMemo.set(actionLower, memos);
    }
    this.#lastAction = actionLower;
    this.#lastMemos = memos;
    return memos;
  }

  /** The memoised answer of a role for one action on one plane. */
  #answer(role: CompiledRole, actionLower: string, plane: 'control' | 'data'): RoleAnswer {
    const memo = this.#memos(actionLower)[plane === 'data' ? 1 : 0];
    let v = memo[role.index] as number;
    if (v === 0) {
      v = roleAnswer(role, actionLower, plane);
      memo[role.index] = v;
    }
    return v as RoleAnswer;
  }

  /** YES / CONDITIONAL / NO for a role under a plane mode; 0 when unclassified planes disagree. */
  #roleAnswer(role: CompiledRole, actionLower: string, mode: PlaneMode): RoleAnswer | 0 {
    if (mode.kind === 'one') return this.#answer(role, actionLower, mode.plane);
    const c = this.#answer(role, actionLower, 'control');
    const d = this.#answer(role, actionLower, 'data');
    if (mode.kind === 'either') return c === YES || d === YES ? YES : c === CONDITIONAL || d === CONDITIONAL ? CONDITIONAL : NO;
    return c === d ? c : 0;
  }

  #denyBlocks(d: CompiledDeny, actionLower: string, mode: PlaneMode): Tri {
    const key = `${mode.kind === 'one' ? mode.plane : mode.kind}|${actionLower}`;
    let memo = this.#denyMemo.get(key);
    if (!memo) {
      memo = new Uint8Array(this.denies.length);
      this.#denyMemo.set(key, memo);
    }
    let v = memo[d.index] as number;
    if (v === 0) {
      const hit = (plane: 'control' | 'data'): boolean => d.blocks.some((b) => blockGrants(b, actionLower, plane));
      let r: Tri;
      if (mode.kind === 'one') r = hit(mode.plane);
      else if (mode.kind === 'either') r = hit('control') || hit('data');
      else r = hit('control') === hit('data') ? hit('control') : 'unknown';
      v = r === true ? 2 : r === false ? 1 : 3;
      memo[d.index] = v;
    }
    return v === 2 ? true : v === 1 ? false : 'unknown';
  }

  /** Ancestry plus the ids of the ancestor scopes that hold assignments or deny assignments, memoised per text. */
  #ancestry(raw: string): { anc: Ancestry; ids: Int32Array } | { error: string } {
    const hit = this.#ancestryIds.get(raw);
    if (hit) return hit;
    const anc = this.hierarchy.ancestry(raw);
    let r: { anc: Ancestry; ids: Int32Array } | { error: string };
    if ('error' in anc) r = anc;
    else {
      // The parent's ids are usually cached already (many resources share a resource group): reuse them.
      const parentKey = anc.keys[1];
      const parent = anc.parsed.structuralParent !== null && parentKey !== undefined ? this.#ancestryIds.get(parentKey) : undefined;
      const own = this.#scopeIds.get(anc.keys[0] as string);
      if (parent && !('error' in parent)) {
        if (own === undefined) r = { anc, ids: parent.ids };
        else {
          const ids = new Int32Array(parent.ids.length + 1);
          ids[0] = own;
          ids.set(parent.ids, 1);
          r = { anc, ids };
        }
      } else {
        const ids: number[] = [];
        for (const k of anc.keys) {
          const id = this.#scopeIds.get(k);
          if (id !== undefined) ids.push(id);
        }
        r = { anc, ids: Int32Array.from(ids) };
        if (parentKey !== undefined && anc.parsed.structuralParent !== null) this.#ancestry(parentKey);
      }
    }
    if ('error' in r || r.anc.parsed.kind !== 'resource' || this.#scopeIds.has(r.anc.parsed.key)) {
      if (this.#ancestryIds.size >= 50_000) this.#ancestryIds.clear();
      this.#ancestryIds.set(raw, r);
    }
    return r;
  }

  #rank: Int32Array | undefined;

  /** Position of each principal in id order (recomputed when principals were added since). */
  #principalRank(): Int32Array {
    const n = this.principals.ids.length;
    if (this.#rank && this.#rank.length === n) return this.#rank;
    const order = Array.from({ length: n }, (_, i) => i);
    const ids = this.principals.ids;
    order.sort((x, y) => ((ids[x] as string) < (ids[y] as string) ? -1 : (ids[x] as string) > (ids[y] as string) ? 1 : 0));
    const rank = new Int32Array(n);
    order.forEach((p, i) => { rank[p] = i; });
    this.#rank = rank;
    return rank;
  }

  /** Marks the principal and its groups for this query; returns the epoch. */
  #markPrincipals(nodes: Int32Array): number {
    if (this.#pmark.length < this.principals.ids.length) {
      const grown = new Int32Array(this.principals.ids.length * 2 + 64);
      grown.set(this.#pmark);
      this.#pmark = grown;
    }
    this.#epoch++;
    if (this.#epoch === 0x7fffffff) { this.#pmark.fill(0); this.#epoch = 1; }
    for (let i = 0; i < nodes.length; i++) this.#pmark[nodes[i] as number] = this.#epoch;
    return this.#epoch;
  }

  #env(actionLower: string, at: number, ctx: RbacRequestContext, principal: number | undefined): ConditionEnv {
    const attrs = ctx.attributes ? normaliseAttributes(ctx.attributes) : new Map<string, readonly Scalar[]>();
    const principalAttrs = principal === undefined ? null : this.principals.attributes[principal] ?? null;
    return {
      actionLower,
      subOperation: ctx.subOperation,
      lookup(ref: AttributeRef): readonly Scalar[] | undefined {
        const key = `${ref.source}|${asciiLower(ref.name)}`;
        const exact = attrs.get(`${ref.source}|${ref.name}`) ?? attrs.get(key);
        if (exact) return exact;
        if (ref.source === 'environment' && asciiLower(ref.name) === 'utcnow') return [new Date(at).toISOString()];
        if (ref.source === 'principal' && principalAttrs) {
          const v = principalAttrs[ref.name] ?? findIgnoreCase(principalAttrs, ref.name);
          if (v !== undefined) return typeof v === 'string' ? [v] : [...v];
        }
        return undefined;
      },
    };
  }

  #conditionValue(a: CompiledAssignment, roleAns: RoleAnswer | 0, actionLower: string, mode: PlaneMode, env: () => ConditionEnv): Tri {
    let v: Tri = true;
    if (roleAns === CONDITIONAL && a.role) {
      // Granted only by blocks that carry their own condition: any of them holding is enough.
      let blockValue: Tri = false;
      for (const b of a.role.blocks) {
        const grants = mode.kind === 'one' ? blockGrants(b, actionLower, mode.plane) : blockGrants(b, actionLower, 'control') || blockGrants(b, actionLower, 'data');
        if (!grants) continue;
        const bv: Tri = b.condition === null ? true : b.condition.node ? evaluateCondition(b.condition.node, env()) : 'unknown';
        if (bv === true) { blockValue = true; break; }
        if (bv === 'unknown') blockValue = 'unknown';
      }
      v = blockValue;
    }
    if (v !== false && a.condition) {
      const av: Tri = a.condition.node ? evaluateCondition(a.condition.node, env()) : 'unknown';
      v = v === true ? av : av === false ? false : 'unknown';
    }
    return v;
  }

  #grantRef(a: CompiledAssignment, asker: number, condition?: Tri): GrantRef {
    const holder = a.principal;
    return {
      assignmentId: a.id,
      roleId: a.role?.guid ?? a.roleRef,
      roleName: a.role?.name ?? null,
      scope: a.scope,
      principalId: this.principals.ids[holder] as string,
      origin: a.origin,
      through: holder === asker ? [] : this.principals.pathUp(asker, holder),
      ...(condition === undefined ? {} : { condition: condition === true ? 'true' : condition === false ? 'false' : 'unknown' }),
    };
  }

  // ---------------------------------------------------------------- queries

  /** Can `principal` perform `action` at `scope`? */
  can(req: CanRequest): CanResult {
    const at = parseTime(req.at) ?? this.now;
    const who = this.resolvePrincipal(req.principal);
    if (!who.ok) return unknownResult(who.message);
    const found = this.#ancestry(req.scope);
    if ('error' in found) return unknownResult(`scope \`${req.scope}\` does not parse: ${found.error}`);
    const { anc, ids } = found;
    const action = req.action.trim();
    if (action.includes('*')) return unknownResult(`\`${action}\` is a pattern; ask about one operation`);
    const actionLower = this.#lower(action);
    const mode = this.planeOf(actionLower, req.plane);
    const p = who.index;
    const closure = this.principals.up(p);
    const epoch = this.#markPrincipals(closure.nodes);
    const pmark = this.#pmark;
    const ctx = req.context ?? NO_CONTEXT;
    let envCache: ConditionEnv | undefined;
    const env = (): ConditionEnv => (envCache ??= this.#env(actionLower, at, ctx, p));
    const unknowns: string[] = [];

    // 1. Deny assignments: if one applies, access is blocked.
    const denied: string[] = [];
    let possibleDeny = false;
    if (this.denies.length > 0) {
      for (let k = 0; k < ids.length; k++) {
        const sid = ids[k] as number;
        for (const di of this.#scopeDenies[sid] ?? []) {
          const d = this.denies[di] as CompiledDeny;
          const exact = d.scopeKey === anc.keys[0];
          if (!d.childScopes && !exact) continue;
          const v = this.#denyValue(d, actionLower, mode, closure.nodes, env);
          if (v.value === true) denied.push(d.id);
          else if (v.value === 'unknown') { possibleDeny = true; unknowns.push(`deny assignment \`${d.id}\` may apply (${v.why})`); }
        }
      }
      if (anc.uncertain) {
        for (const di of this.#mgDenies) {
          const d = this.denies[di] as CompiledDeny;
          if (!d.childScopes || (d.scopeKey !== null && anc.keys.includes(d.scopeKey))) continue;
          if (this.#denyValue(d, actionLower, mode, closure.nodes, env).value !== false) {
            possibleDeny = true;
            unknowns.push(`deny assignment \`${d.id}\` at \`${d.scope}\` may apply: where \`${req.scope}\` sits in the management-group tree is unknown`);
          }
        }
      }
      for (const d of this.denies) {
        if (d.scopeKey !== null) continue;
        if (this.#denyValue(d, actionLower, mode, closure.nodes, env).value !== false) {
          possibleDeny = true;
          unknowns.push(`deny assignment \`${d.id}\` has a scope that does not parse and may apply`);
        }
      }
    }
    if (denied.length > 0) {
      return {
        decision: 'denied',
        reason: `deny assignment${denied.length > 1 ? 's' : ''} ${denied.map((d) => `\`${d}\``).join(', ')} block${denied.length > 1 ? '' : 's'} \`${action}\` at \`${req.scope}\``,
        grantedBy: [],
        deniedBy: denied,
        unknowns: [],
      };
    }

    // 2. Role assignments of the principal and its groups at the scope or above.
    const granted: Match[] = [];
    let conditionFalse = 0;
    const visit = (ai: number, where: 'in' | 'maybe'): void => {
      const a = this.assignments[ai] as CompiledAssignment;
      if (at < a.start || at >= a.end) return;
      const r = this.#judge(a, where, actionLower, mode, env, req.scope);
      if (r === undefined) return;
      if (typeof r === 'string') unknowns.push(r);
      else if (r.value === true) granted.push(r);
      else conditionFalse++;
    };
    for (let k = 0; k < ids.length; k++) {
      const sid = ids[k] as number;
      const holders = this.#scopeHolders[sid];
      if (holders === undefined) continue;
      for (let j = 0; j < holders.length; j++) {
        if (pmark[holders[j] as number] === epoch) visit((this.#scopeAssignments[sid] as number[])[j] as number, 'in');
      }
    }
    if (anc.uncertain) {
      for (const ai of this.#mgAssignments) {
        const a = this.assignments[ai] as CompiledAssignment;
        if (pmark[a.principal] === epoch && !ids.includes(a.scopeId)) visit(ai, 'maybe');
      }
    }
    if (this.#floating.size > 0) {
      for (const q of closure.nodes) for (const ai of this.#floating.get(q) ?? []) visit(ai, 'maybe');
    }
    // Groups the principal might belong to without the inputs saying so.
    const possible = this.principals.possibleGroups();
    if (possible.size > 0) {
      for (const g of possible) {
        if (pmark[g] === epoch) continue;
        for (const ai of this.#byPrincipal.get(g) ?? []) {
          const a = this.assignments[ai] as CompiledAssignment;
          if (a.scopeId >= 0 && !ids.includes(a.scopeId)) continue;
          if (at < a.start || at >= a.end) continue;
          const ans = a.role ? this.#roleAnswer(a.role, actionLower, mode) : 0;
          if (ans === NO) continue;
          unknowns.push(`\`${this.principals.ids[g]}\` holds \`${a.role?.name ?? a.roleRef}\` at \`${a.scope}\` (assignment \`${a.id}\`), and whether \`${req.principal}\` is a member is unknown`);
        }
      }
    }

    if (granted.length > 0 && !possibleDeny) {
      let reason: string | undefined;
      return {
        decision: 'allowed',
        // Built when read: most callers (checks, who-can style loops) only look at the decision and the grants.
        get reason(): string {
          return (reason ??= describeGrants(granted.map((m) => m.assignment), action));
        },
        grantedBy: granted.map((m) => this.#grantRef(m.assignment, p, m.conditional ? m.value : undefined)),
        deniedBy: NONE,
        unknowns: NONE,
      };
    }
    if (granted.length > 0 || unknowns.length > 0) {
      return {
        decision: 'unknown',
        reason: granted.length > 0
          ? `granted by ${describeGrants(granted.map((m) => m.assignment), action)}, but ${unknowns[0] ?? 'a deny assignment may apply'}`
          : (unknowns[0] as string),
        grantedBy: granted.map((m) => this.#grantRef(m.assignment, p, m.conditional ? m.value : undefined)),
        deniedBy: [],
        unknowns,
      };
    }
    return {
      decision: 'denied',
      reason: conditionFalse > 0
        ? `the only assignments that grant \`${action}\` have conditions that do not hold for this request`
        : `no role assignment of \`${req.principal}\` or its groups grants \`${action}\` at \`${req.scope}\` or above`,
      grantedBy: NONE,
      deniedBy: NONE,
      unknowns: NONE,
    };
  }

  /**
   * One assignment that reaches the request: undefined when its role does not grant the action, a Match with the
   * condition outcome, or a sentence saying why it may grant (unknown role, unknown plane, unknown placement).
   */
  #judge(a: CompiledAssignment, where: 'in' | 'maybe', actionLower: string, mode: PlaneMode, env: () => ConditionEnv, scopeText: string): Match | string | undefined {
    if (!a.role) return `assignment \`${a.id}\` names role \`${a.roleRef}\`, whose definition is not in the inputs`;
    const ans = this.#roleAnswer(a.role, actionLower, mode);
    if (ans === NO) return undefined;
    if (ans === 0) {
      return `\`${a.role.name ?? a.role.guid}\` (assignment \`${a.id}\`) grants \`${actionLower}\` on one plane only, and the provider-operations catalogue does not say whether it is a data action`;
    }
    const conditional = !(ans === YES && !a.condition);
    const value = conditional ? this.#conditionValue(a, ans, actionLower, mode, env) : true;
    if (where === 'maybe') {
      if (value === false) return undefined;
      return a.scopeKey === null
        ? `assignment \`${a.id}\` has a scope that does not parse and may apply`
        : `assignment \`${a.id}\` at \`${a.scope}\` may apply: where \`${scopeText}\` sits in the management-group tree is unknown`;
    }
    if (value === 'unknown') {
      return `assignment \`${a.id}\` (\`${a.role.name ?? a.role.guid}\`) grants it under a condition that cannot be evaluated with the request attributes given`;
    }
    return { assignment: a, value, conditional };
  }

  /** Does a deny assignment block this request for a principal with this closure (itself and its groups)? */
  #denyValue(d: CompiledDeny, actionLower: string, mode: PlaneMode, closure: Int32Array, env: () => ConditionEnv): { value: Tri; why: string } {
    const blocks = this.#denyBlocks(d, actionLower, mode);
    if (blocks === false) return { value: false, why: '' };
    const applies = this.#denyApplies(d, closure);
    if (applies === false) return { value: false, why: '' };
    const cond: Tri = d.condition ? (d.condition.node ? evaluateCondition(d.condition.node, env()) : 'unknown') : true;
    if (cond === false) return { value: false, why: '' };
    if (blocks === true && applies === true && cond === true) return { value: true, why: '' };
    const why = blocks !== true ? 'the provider-operations catalogue does not say whether the operation is a data action'
      : applies !== true ? 'group membership is unknown' : 'its condition cannot be evaluated';
    return { value: 'unknown', why };
  }

  /** True / false / unknown: does the deny assignment reach a principal with this closure (itself + groups)? */
  #denyApplies(d: CompiledDeny, closure: Int32Array): Tri {
    for (const x of d.excluded) if (closure.includes(x)) return false;
    const possible = this.principals.possibleGroups();
    const maybeExcluded = d.excluded.some((x) => possible.has(x));
    let target: Tri = d.everyone;
    if (!target) {
      for (const x of d.principals) if (closure.includes(x)) { target = true; break; }
      if (!target && d.principals.some((x) => possible.has(x))) target = 'unknown';
    }
    if (target === false) return false;
    return maybeExcluded ? 'unknown' : target;
  }

  /** Members an assignment reaches (the holder and, for a group, every transitive member) with their grant
   * references; memoised, because the same assignment answers for every scope below it. */
  #expand(a: CompiledAssignment): { members: Int32Array; refs: GrantRef[] } {
    const hit = this.#expansion.get(a.index);
    if (hit) return hit;
    const members = this.principals.down(a.principal).nodes;
    const holder = this.principals.ids[a.principal] as string;
    const refs: GrantRef[] = [];
    for (const m of members) {
      refs.push({
        assignmentId: a.id, roleId: a.role?.guid ?? a.roleRef, roleName: a.role?.name ?? null, scope: a.scope,
        principalId: holder, origin: a.origin, through: m === a.principal ? [] : this.principals.pathDown(a.principal, m),
      });
    }
    const r = { members, refs };
    this.#expansion.set(a.index, r);
    return r;
  }

  /** Every principal that can perform `action` at `scope`, with the assignments (and group paths) that grant it. */
  whoCan(req: WhoCanRequest): WhoCanResult {
    const at = parseTime(req.at) ?? this.now;
    const found = this.#ancestry(req.scope);
    if ('error' in found) return { principals: [], denied: [], unknowns: [`scope \`${req.scope}\` does not parse: ${found.error}`] };
    const { anc, ids } = found;
    const actionLower = this.#lower(req.action);
    const mode = this.planeOf(actionLower, req.plane);
    const unknowns: string[] = [];
    const ctx = req.context ?? NO_CONTEXT;
    const candidates: { a: CompiledAssignment; ans: RoleAnswer }[] = [];
    const take = (a: CompiledAssignment, maybe: boolean): void => {
      if (at < a.start || at >= a.end) return;
      if (!a.role) {
        unknowns.push(`assignment \`${a.id}\` names role \`${a.roleRef}\`, whose definition is not in the inputs`);
        return;
      }
      const ans = this.#roleAnswer(a.role, actionLower, mode);
      if (ans === NO) return;
      if (ans === 0) {
        unknowns.push(`assignment \`${a.id}\`: the provider-operations catalogue does not say whether \`${req.action}\` is a data action`);
        return;
      }
      if (maybe) {
        unknowns.push(`assignment \`${a.id}\` (\`${a.role.name ?? a.role.guid}\` for \`${this.principals.ids[a.principal]}\`) may apply: its scope or the placement of \`${req.scope}\` is unknown`);
        return;
      }
      candidates.push({ a, ans });
    };
    for (let k = 0; k < ids.length; k++) {
      for (const ai of this.#scopeAssignments[ids[k] as number] ?? []) take(this.assignments[ai] as CompiledAssignment, false);
    }
    if (anc.uncertain) {
      for (const ai of this.#mgAssignments) {
        const a = this.assignments[ai] as CompiledAssignment;
        if (!ids.includes(a.scopeId)) take(a, true);
      }
    }
    for (const list of this.#floating.values()) for (const ai of list) take(this.assignments[ai] as CompiledAssignment, true);

    // Deny assignments that could matter here; when there are none, nobody needs a per-principal check.
    const relevantDenies: CompiledDeny[] = [];
    for (let k = 0; k < ids.length; k++) {
      for (const di of this.#scopeDenies[ids[k] as number] ?? []) {
        const d = this.denies[di] as CompiledDeny;
        if (!d.childScopes && d.scopeKey !== anc.keys[0]) continue;
        if (this.#denyBlocks(d, actionLower, mode) !== false) relevantDenies.push(d);
      }
    }

    // Entries per member, found through an epoch-stamped slot table rather than a Map (thousands per scope).
    if (this.#wslot.length < this.principals.ids.length) {
      this.#wslot = new Int32Array(this.principals.ids.length * 2 + 64);
      this.#wmark = new Int32Array(this.principals.ids.length * 2 + 64);
    }
    const wepoch = ++this.#wepoch;
    const entries: { m: number; grants: GrantRef[]; allowed: boolean }[] = [];
    for (const { a, ans } of candidates) {
      if (this.principals.isGroup(a.principal) && !this.principals.membershipKnown(a.principal)) {
        unknowns.push(`group \`${this.principals.ids[a.principal]}\` holds \`${a.role?.name ?? a.roleRef}\` at \`${a.scope}\`, and its members are unknown`);
      }
      const { members, refs } = this.#expand(a);
      const plain = ans === YES && !a.condition;
      for (let i = 0; i < members.length; i++) {
        const m = members[i] as number;
        let value: Tri = true;
        if (!plain) value = this.#conditionValue(a, ans, actionLower, mode, () => this.#env(actionLower, at, ctx, m));
        if (value === false) continue;
        let entry: { m: number; grants: GrantRef[]; allowed: boolean };
        if (this.#wmark[m] === wepoch) entry = entries[this.#wslot[m] as number] as typeof entry;
        else {
          this.#wmark[m] = wepoch;
          this.#wslot[m] = entries.length;
          entry = { m, grants: [], allowed: false };
          entries.push(entry);
        }
        const ref = refs[i] as GrantRef;
        entry.grants.push(plain ? ref : { ...ref, condition: value === true ? 'true' : 'unknown' });
        if (value === true) entry.allowed = true;
      }
    }

    // Deterministic output: ordered by principal id, through a rank table computed once instead of string compares.
    const rank = this.#principalRank();
    entries.sort((x, y) => (rank[x.m] as number) - (rank[y.m] as number));
    const principals: WhoCanPrincipal[] = [];
    const denied: { id: string; deniedBy: string[] }[] = [];
    for (const entry of entries) {
      const m = entry.m;
      const deniedBy: string[] = [];
      let maybeDenied = false;
      if (relevantDenies.length > 0) {
        const closure = this.principals.up(m).nodes;
        const env = (): ConditionEnv => this.#env(actionLower, at, ctx, m);
        for (const d of relevantDenies) {
          const v = this.#denyValue(d, actionLower, mode, closure, env);
          if (v.value === true) deniedBy.push(d.id);
          else if (v.value === 'unknown') maybeDenied = true;
        }
      }
      if (deniedBy.length > 0) {
        denied.push({ id: this.principals.ids[m] as string, deniedBy });
        continue;
      }
      principals.push({
        id: this.principals.ids[m] as string,
        name: this.principals.names[m] ?? null,
        type: this.principals.types[m] ?? null,
        decision: entry.allowed && !maybeDenied ? 'allowed' : 'unknown',
        via: entry.grants,
      });
    }
    return { principals, denied, unknowns: [...new Set(unknowns)] };
  }

  /**
   * Every scope where the principal (directly or through its groups) holds a role. Each scope lists the grants
   * assigned there and the listed ancestor scopes it also inherits from; the role definitions are given once.
   */
  access(principalRef: string, atInput?: string | number): AccessResult | { readonly error: string } {
    const at = parseTime(atInput) ?? this.now;
    const who = this.resolvePrincipal(principalRef);
    if (!who.ok) return { error: who.message };
    const p = who.index;
    const closure = this.principals.up(p);
    const unknowns: string[] = [];
    const byKey = new Map<string, CompiledAssignment[]>();
    const roles: Record<string, AccessRole> = {};
    for (const q of closure.nodes) {
      for (const ai of this.#byPrincipal.get(q) ?? []) {
        const a = this.assignments[ai] as CompiledAssignment;
        if (a.scopeKey === null) {
          unknowns.push(`assignment \`${a.id}\` has a scope that does not parse: \`${a.scope}\``);
          continue;
        }
        push(byKey, a.scopeKey, a);
        if (!a.role) unknowns.push(`assignment \`${a.id}\` names role \`${a.roleRef}\`, whose definition is not in the inputs`);
        else if (!roles[a.role.guid]) roles[a.role.guid] = accessRole(a.role);
      }
    }
    const keys = [...byKey.keys()].sort();
    const listed = new Set(keys);
    const scopes: AccessScope[] = [];
    let uncertainMg = false;
    for (const key of keys) {
      const list = byKey.get(key) as CompiledAssignment[];
      const anc = this.hierarchy.ancestry(key);
      const inheritsFrom = 'error' in anc ? [] : anc.keys.slice(1).filter((k) => listed.has(k));
      if (!('error' in anc) && anc.uncertain) uncertainMg = true;
      scopes.push({
        scope: key,
        kind: 'error' in anc ? 'resource' : anc.parsed.kind,
        inheritsFrom,
        grants: list.map((a) => ({ ...this.#grantRef(a, p), active: at >= a.start && at < a.end, conditionText: a.condition?.text ?? null })),
      });
    }
    if (uncertainMg && keys.some((k) => k.startsWith('/providers/microsoft.management/'))) {
      unknowns.push('the management-group placement of some listed scopes is unknown, so management-group grants may reach them too');
    }
    const denies = this.denies
      .filter((d) => this.#denyApplies(d, closure.nodes) !== false)
      .map((d) => ({ id: d.id, name: d.name, scope: d.scope, doNotApplyToChildScopes: !d.childScopes }));
    const inClosure = new Set(closure.nodes);
    const eligible = this.eligibilities
      .filter((e) => inClosure.has(e.principal) && at < e.end)
      .map((e) => ({
        id: e.id, roleId: e.role?.guid ?? e.roleRef, roleName: e.role?.name ?? null, scope: e.scope,
        principalId: this.principals.ids[e.principal] as string,
        through: e.principal === p ? [] : this.principals.pathUp(p, e.principal),
        startDateTime: Number.isFinite(e.start) ? new Date(e.start).toISOString() : null,
        endDateTime: Number.isFinite(e.end) ? new Date(e.end).toISOString() : null,
      }));
    for (const e of this.eligibilities) if (inClosure.has(e.principal) && e.role && !roles[e.role.guid]) roles[e.role.guid] = accessRole(e.role);
    const possible = this.principals.possibleGroups();
    if ([...possible].some((g) => !inClosure.has(g) && (this.#byPrincipal.get(g)?.length ?? 0) > 0)) {
      unknowns.push('some groups with role assignments have unknown members; this principal may belong to them');
    }
    return {
      principal: { id: this.principals.ids[p] as string, name: this.principals.names[p] ?? null, type: this.principals.types[p] ?? null },
      groups: [...closure.nodes].slice(1).map((g) => this.principals.ids[g] as string),
      roles,
      scopes,
      denies,
      eligible,
      unknowns: [...new Set(unknowns)],
    };
  }

  #byId: Map<string, CompiledAssignment> | undefined;

  /** A compiled assignment by its id (case-insensitive). */
  assignmentById(id: string): CompiledAssignment | undefined {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const a of this.assignments) this.#byId.set(asciiLower(a.id), a);
    }
    return this.#byId.get(asciiLower(id));
  }

  /**
   * Whether one assignment lets its holder perform `action` under the given request attributes, counting the role's
   * block conditions and the assignment's own condition (scope, principal and deny assignments are not considered).
   * This is how constrained delegation is read: `Microsoft.Authorization/roleAssignments/write` with
   * `@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId]` set to the role one would assign.
   */
  assignmentAllows(a: CompiledAssignment, action: string, context: RbacRequestContext = NO_CONTEXT, plane?: 'control' | 'data', atInput?: string | number): Tri {
    if (!a.role) return 'unknown';
    const at = parseTime(atInput) ?? this.now;
    const lower = this.#lower(action);
    const mode = this.planeOf(lower, plane);
    const ans = this.#roleAnswer(a.role, lower, mode);
    if (ans === NO) return false;
    if (ans === 0) return 'unknown';
    if (ans === YES && !a.condition) return true;
    let envCache: ConditionEnv | undefined;
    return this.#conditionValue(a, ans, lower, mode, () => (envCache ??= this.#env(lower, at, context, a.principal)));
  }

  /** The same question for a role alone (its block conditions only), as if assigned without a condition. */
  roleAllows(role: CompiledRole, action: string, context: RbacRequestContext = NO_CONTEXT, plane?: 'control' | 'data'): Tri {
    const probe: CompiledAssignment = {
      index: -1, id: '', scope: '/', scopeKey: '/', scopeKind: 'root', scopeId: -1, roleRef: role.guid, role, principal: -1,
      condition: null, origin: 'standing', start: -Infinity, end: Infinity,
    };
    return this.assignmentAllows(probe, action, context, plane);
  }

  /** Every principal a principal stands for: itself and, for a group, all transitive members. */
  membersOf(principalId: string): readonly string[] {
    const i = this.principals.find(principalId);
    if (i === undefined) return [principalId];
    return [...this.principals.down(i).nodes].map((m) => this.principals.ids[m] as string);
  }

  /** The PIM policy governing `role` at exactly `scope`, if the inputs have one. */
  policyFor(roleRef: string, scope: string): PimPolicySummary | undefined {
    const role = this.roleTable.resolve(roleRef);
    const parsed = parseScope(scope);
    if (!role || isScopeError(parsed)) return undefined;
    return this.policies.find((p) => p.roleId === role.guid && p.scope === parsed.key);
  }

  /** Whether `role` grants `action` (without looking at scope or principal): yes, no, only under a condition, or
   * unknown when the catalogue cannot place the action on a plane. */
  roleGrants(role: CompiledRole, action: string, plane?: 'control' | 'data'): 'yes' | 'no' | 'conditional' | 'unknown' {
    const lower = this.#lower(action);
    const ans = this.#roleAnswer(role, lower, this.planeOf(lower, plane));
    return ans === YES ? 'yes' : ans === NO ? 'no' : ans === CONDITIONAL ? 'conditional' : 'unknown';
  }

  principalInfo(i: number): { id: string; name: string | null; type: string | null; isGroup: boolean } {
    return {
      id: this.principals.ids[i] as string,
      name: this.principals.names[i] ?? null,
      type: this.principals.types[i] ?? null,
      isGroup: this.principals.isGroup(i),
    };
  }
}

export function compileRbac(input: RbacInput, options?: CompileOptions): RbacEngine {
  return new RbacEngine(input, options);
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function parseTime(t: string | number | undefined): number | undefined {
  if (t === undefined) return undefined;
  if (typeof t === 'number') return Number.isFinite(t) ? t : undefined;
  return parseInstant(t);
}

function unknownResult(reason: string): CanResult {
  return { decision: 'unknown', reason, grantedBy: [], deniedBy: [], unknowns: [reason] };
}

function accessRole(role: CompiledRole): AccessRole {
  return {
    name: role.name,
    custom: role.custom,
    permissions: role.blocks.map((b) => ({
      actions: b.source.actions ?? [],
      notActions: b.source.notActions ?? [],
      dataActions: b.source.dataActions ?? [],
      notDataActions: b.source.notDataActions ?? [],
      condition: b.condition?.text ?? null,
    })),
  };
}

function describeGrants(list: readonly CompiledAssignment[], action: string): string {
  const first = list[0] as CompiledAssignment;
  const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
  return `\`${first.role?.name ?? first.roleRef}\` at \`${first.scope}\` (assignment \`${first.id}\`) grants \`${action}\`${more}`;
}

function findIgnoreCase<V>(rec: Readonly<Record<string, V>>, key: string): V | undefined {
  const lower = asciiLower(key);
  for (const [k, v] of Object.entries(rec)) if (asciiLower(k) === lower) return v;
  return undefined;
}

const ATTR_KEY = /^@?(request|resource|principal|environment)\[(.*)\]$/i;

/** `@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId]` → `request|…`, values as arrays. */
function normaliseAttributes(attrs: Readonly<Record<string, AttributeValue>>): Map<string, readonly Scalar[]> {
  const out = new Map<string, readonly Scalar[]>();
  for (const [k, v] of Object.entries(attrs)) {
    const m = ATTR_KEY.exec(k.trim());
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    const values: readonly Scalar[] = Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
    const source = asciiLower(m[1]);
    out.set(`${source}|${m[2].trim()}`, values);
    out.set(`${source}|${asciiLower(m[2].trim())}`, values);
  }
  return out;
}
