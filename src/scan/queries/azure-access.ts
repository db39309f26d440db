/**
 * `parapet can`, `parapet who-can` and `parapet access` for Azure estates (RBAC exports, ARM, Terraform alike: they
 * land in the same model). Pure functions of the estate; the JSON shapes here are the documented contract
 * (docs/rbac.md).
 */
import type { AccessResult, GrantRef, RbacDiagnostic } from '../../engines/rbac/index.js';
import type { AttributeValue } from '../../engines/rbac/index.js';
import type { Provenance } from '../../model/core/index.js';
import type { Estate } from '../../model/index.js';
import { buildRbacService } from '../services/rbac.js';

export type ContextArgs = Readonly<Record<string, readonly string[]>>;

export interface GrantJson {
  readonly assignmentId: string;
  readonly roleId: string;
  readonly roleName: string | null;
  readonly scope: string;
  /** The principal the assignment names: the asker, or a group it belongs to. */
  readonly principalId: string;
  /** Groups between the asker and the assignee, nearest first. */
  readonly through: readonly string[];
  /** `standing`, `pimAssigned` (PIM active assignment) or `pimActivated` (an activated eligibility). */
  readonly origin: string;
  /** Present when a condition decides the grant: its outcome for this request. */
  readonly condition?: 'true' | 'false' | 'unknown';
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface AzureCanJson {
  readonly decision: 'allowed' | 'denied' | 'unknown';
  readonly reason: string;
  readonly grantedBy: readonly GrantJson[];
  readonly deniedBy: readonly string[];
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Why the answer is unknown, one line per cause. */
  readonly unknowns: readonly string[];
}

export interface AzureWhoCanJson {
  readonly principals: readonly {
    readonly id: string;
    readonly name: string | null;
    readonly type: string | null;
    readonly decision: 'allowed' | 'unknown';
    readonly via: readonly GrantJson[];
  }[];
  /** Principals a role grants the action to but a deny assignment blocks. */
  readonly denied: readonly { readonly id: string; readonly deniedBy: readonly string[] }[];
  readonly unknowns: readonly string[];
}

export type AzureQueryError = { readonly code: 'bad-action' | 'no-principal'; readonly message: string };

/** `Microsoft.Compute/virtualMachines/write`: a namespace with a dot, then a slash. */
export function isAzureAction(action: string): boolean {
  const slash = action.indexOf('/');
  if (slash <= 0) return false;
  const ns = action.slice(0, slash);
  return ns.includes('.') && !ns.includes(':') && /^[A-Za-z0-9.]+$/.test(ns);
}

/** `--context '@Resource[…:name]=logs'` (repeatable) and `--context subOperation=Blob.List`. */
function requestContext(args: ContextArgs): { subOperation?: string; attributes: Record<string, AttributeValue> } {
  const attributes: Record<string, AttributeValue> = {};
  let subOperation: string | undefined;
  for (const [k, vs] of Object.entries(args)) {
    if (k.toLowerCase() === 'suboperation') { subOperation = vs[0]; continue; }
    const values = vs.map((v) => (v === 'true' ? true : v === 'false' ? false : /^-?\d+$/.test(v) ? Number(v) : v));
    attributes[k] = values.length === 1 ? (values[0] as AttributeValue) : values;
  }
  return { ...(subOperation !== undefined ? { subOperation } : {}), attributes };
}

function locations(estate: Estate): Map<string, Provenance> {
  const out = new Map<string, Provenance>();
  for (const a of estate.ofKind('azure.authorization.roleAssignment')) out.set((a.native.address || a.key).toLowerCase(), a.at);
  return out;
}

function grantJson(g: GrantRef, where: Map<string, Provenance>): GrantJson {
  const at = where.get(g.assignmentId.toLowerCase());
  return {
    assignmentId: g.assignmentId, roleId: g.roleId, roleName: g.roleName, scope: g.scope, principalId: g.principalId,
    through: g.through, origin: g.origin, ...(g.condition ? { condition: g.condition } : {}),
    ...(at ? { file: at.file, line: at.line, column: at.column } : {}),
  };
}

/** What the engine had to say about the inputs (unknown roles, unparsable scopes, group cycles…), for stderr. */
export type WithDiagnostics<T> = T & { readonly diagnostics: readonly RbacDiagnostic[] };

export function azureCan(estate: Estate, principal: string, action: string, resource: string, ctx: ContextArgs = {}, at?: string): WithDiagnostics<{ ok: true; result: AzureCanJson }> | { ok: false; error: AzureQueryError } {
  if (!isAzureAction(action)) return { ok: false, error: { code: 'bad-action', message: `\`${action}\` is not an Azure operation (Microsoft.Provider/type/action)` } };
  const rbac = buildRbacService(estate);
  const r = rbac.can({ principal, action, scope: resource, context: requestContext(ctx), ...(at ? { at } : {}) });
  const where = locations(estate);
  return {
    ok: true,
    diagnostics: rbac.diagnostics,
    result: {
      decision: r.decision, reason: r.reason, grantedBy: r.grantedBy.map((g) => grantJson(g, where)), deniedBy: r.deniedBy,
      principal, action, resource, unknowns: r.unknowns,
    },
  };
}

export function azureWhoCan(estate: Estate, action: string, resource: string, ctx: ContextArgs = {}, at?: string): WithDiagnostics<{ ok: true; result: AzureWhoCanJson }> | { ok: false; error: AzureQueryError } {
  if (!isAzureAction(action)) return { ok: false, error: { code: 'bad-action', message: `\`${action}\` is not an Azure operation (Microsoft.Provider/type/action)` } };
  const rbac = buildRbacService(estate);
  const r = rbac.whoCan({ action, scope: resource, context: requestContext(ctx), ...(at ? { at } : {}) });
  const where = locations(estate);
  return {
    ok: true,
    diagnostics: rbac.diagnostics,
    result: {
      principals: r.principals.map((p) => ({ id: p.id, name: p.name, type: p.type, decision: p.decision, via: p.via.map((g) => grantJson(g, where)) })),
      denied: r.denied,
      unknowns: r.unknowns,
    },
  };
}

export function azureAccess(estate: Estate, principal: string, at?: string): WithDiagnostics<{ ok: true; result: AccessResult }> | { ok: false; error: AzureQueryError } {
  const rbac = buildRbacService(estate, at ? { now: at } : {});
  const r = rbac.access(principal);
  if ('error' in r) return { ok: false, error: { code: 'no-principal', message: r.error } };
  return { ok: true, result: r, diagnostics: rbac.diagnostics };
}
