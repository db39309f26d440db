/**
 * What checks may ask the Azure RBAC engine about the estate (`ctx.services.rbac`). Built once per scan by
 * src/scan/services/rbac.ts and memoised. Answers are three-valued: `unknown` where the inputs cannot tell
 * (a role not in the inputs, a condition on attributes nobody supplies, a group whose members are not exported).
 */
import type { Tri } from '../../../model/core/index.js';
import type { RoleAssignment, RoleDefinition } from '../../../model/index.js';
import type {
  AccessResult, CanRequest, CanResult, PimPolicySummary, RbacDiagnostic, ScopeKind, WhoCanRequest, WhoCanResult,
} from '../../../engines/rbac/index.js';

export type { AccessResult, CanRequest, CanResult, PimPolicySummary, RbacDiagnostic, WhoCanRequest, WhoCanResult };
/** ISO 8601 duration (`PT8H`, `P1D`) in hours, as PIM role settings write them; undefined when unreadable. */
export { durationHours } from '../../../engines/rbac/index.js';

/** How an assignment holds its role over time. */
export type Tenure =
  /** An ordinary role assignment, or a PIM active assignment with no end: always on. */
  | 'standing'
  /** A PIM active assignment made by an administrator with an end date. */
  | 'timeBound'
  /** A PIM activation of an eligibility: just in time, for hours. */
  | 'activated'
  /** A PIM eligibility: nothing until activated. */
  | 'eligible';

export interface RbacAssignmentView {
  /** The id the engine answers with (the ARM id for exports, the address for templates). */
  readonly id: string;
  readonly roleId: string | null;
  readonly roleName: string | null;
  /** Null when the role is not in the inputs nor built in. */
  readonly custom: boolean | null;
  readonly scope: string;
  readonly scopeKind: ScopeKind | null;
  readonly principalId: string;
  readonly principalName: string | null;
  readonly principalType: string | null;
  readonly isGroup: boolean;
  readonly tenure: Tenure;
  /** A standing entry of `az role assignment list` that a PIM schedule instance in the inputs stands for. */
  readonly supersededBy: string | null;
  /** The holder and, for a group, every transitive member (ids); empty members when the group's are unknown. */
  readonly reaches: readonly string[];
  readonly membersKnown: boolean;
}

export interface RbacPrivilege {
  /** True: the role lets its holder take over what it is assigned at; unknown: only under a condition the inputs
   * cannot settle. */
  readonly privileged: Tri;
  /** What makes it so, in words: `writes role assignments`, `may assign Owner (its condition allows it)`… */
  readonly reasons: readonly string[];
}

export interface EscalationPath {
  /** `role-assignment-write`, `role-definition-write`, `managed-identity-takeover`, `key-vault-access-policy`. */
  readonly method: string;
  readonly decision: 'allowed' | 'unknown';
  /** The steps, each with the assignment that allows it. */
  readonly steps: readonly string[];
}

export interface RbacService {
  can(req: CanRequest): CanResult;
  whoCan(req: WhoCanRequest): WhoCanResult;
  access(principal: string): AccessResult | { readonly error: string };
  /** The engine's view of a role assignment of the estate (standing, eligible or active). */
  assignment(a: RoleAssignment): RbacAssignmentView | undefined;
  /** Whether the assignment's role — with the assignment's own condition — can take over its scope. */
  privilege(a: RoleAssignment): RbacPrivilege;
  /** Whether a role (by any id form or name) can take over what it is assigned at, without an assignment condition. */
  rolePrivilege(role: string): RbacPrivilege;
  /** Ways the assignment's holder can raise its own privilege at the assignment's scope, using this assignment. */
  escalations(a: RoleAssignment): readonly EscalationPath[];
  /** Sensitive data actions (blob, file, queue, table data; Key Vault secrets and keys) the assignment grants
   * without a condition narrowing them, plus those granted only under a condition. */
  dataAccess(a: RoleAssignment): { readonly granted: readonly string[]; readonly conditional: readonly string[] };
  /** Sensitive data actions a role definition grants. */
  roleDataAccess(role: RoleDefinition): readonly string[];
  policyFor(role: string, scope: string): PimPolicySummary | undefined;
  roleName(role: string): string | null;
  readonly diagnostics: readonly RbacDiagnostic[];
}
