import type { Provenance } from '../../model/core/index.js';
import type { ConditionNode } from './condition/ast.js';
import { parseCondition } from './condition/parse.js';
import { asciiLower, trailingGuid } from './text.js';
import type { RbacDiagnostic, RbacPermissionInput, RbacRoleDefinitionInput } from './types.js';
import { compilePattern, matchesAny } from './wildcard.js';
import type { ActionPattern } from './wildcard.js';

export interface CompiledCondition {
  readonly text: string;
  readonly node: ConditionNode | null;
  readonly error: string | null;
}

/** One permission block with its patterns compiled. */
export interface CompiledBlock {
  readonly actions: readonly ActionPattern[];
  readonly notActions: readonly ActionPattern[];
  readonly dataActions: readonly ActionPattern[];
  readonly notDataActions: readonly ActionPattern[];
  readonly condition: CompiledCondition | null;
  readonly source: RbacPermissionInput;
}

export interface CompiledRole {
  readonly index: number;
  /** Lowercased GUID: how Azure identifies a role whatever the id prefix. */
  readonly guid: string;
  readonly id: string;
  readonly name: string | null;
  readonly custom: boolean;
  /** True when the definition came from the shipped built-in catalogue rather than the inputs. */
  readonly fromCatalogue: boolean;
  readonly blocks: readonly CompiledBlock[];
  readonly assignableScopes: readonly string[];
  readonly at?: Provenance;
}

/** How a role answers one action: not at all, unconditionally, or only through blocks that carry a condition. */
export const NO = 1;
export const YES = 2;
export const CONDITIONAL = 3;
export type RoleAnswer = typeof NO | typeof YES | typeof CONDITIONAL;

const conditionCache = new Map<string, CompiledCondition>();

export function compileCondition(text: string): CompiledCondition {
  const hit = conditionCache.get(text);
  if (hit) return hit;
  const r = parseCondition(text);
  const c: CompiledCondition = r.ok
    ? { text, node: r.node, error: null }
    : { text, node: null, error: `${r.error} at offset ${r.offset}` };
  if (conditionCache.size < 10_000) conditionCache.set(text, c);
  return c;
}

export function compileBlock(p: RbacPermissionInput, subject: string, diagnostics: RbacDiagnostic[], at?: Provenance): CompiledBlock {
  let condition: CompiledCondition | null = null;
  if (typeof p.condition === 'string' && p.condition.trim() !== '') {
    condition = compileCondition(p.condition);
    if (condition.error) {
      diagnostics.push({
        code: 'condition-parse-error', severity: 'error', subject,
        message: `condition of \`${subject}\` does not parse (${condition.error}); its permissions count as unknown`,
        ...(at ? { at } : {}),
      });
    }
  }
  return {
    actions: (p.actions ?? []).map(compilePattern),
    notActions: (p.notActions ?? []).map(compilePattern),
    dataActions: (p.dataActions ?? []).map(compilePattern),
    notDataActions: (p.notDataActions ?? []).map(compilePattern),
    condition,
    source: p,
  };
}

/**
 * `Actions − NotActions` (or `DataActions − NotDataActions`) inside each permission block. `*` in `Actions` never
 * reaches a data action because data actions are only looked up in `DataActions`; NotActions only subtract from the
 * block they are written in and deny nothing granted elsewhere.
 * https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#notactions
 */
export function blockGrants(b: CompiledBlock, actionLower: string, plane: 'control' | 'data'): boolean {
  if (plane === 'data') return matchesAny(b.dataActions, actionLower) && !matchesAny(b.notDataActions, actionLower);
  return matchesAny(b.actions, actionLower) && !matchesAny(b.notActions, actionLower);
}

export function roleAnswer(role: CompiledRole, actionLower: string, plane: 'control' | 'data'): RoleAnswer {
  let conditional = false;
  for (const b of role.blocks) {
    if (!blockGrants(b, actionLower, plane)) continue;
    if (b.condition === null) return YES;
    conditional = true;
  }
  return conditional ? CONDITIONAL : NO;
}

/** Role definitions by GUID and by name; inputs override the catalogue for the same GUID. */
export class RoleTable {
  readonly roles: CompiledRole[] = [];
  readonly #byGuid = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();

  add(def: RbacRoleDefinitionInput, fromCatalogue: boolean, diagnostics: RbacDiagnostic[]): void {
    const guid = trailingGuid(def.id);
    if (guid === undefined) {
      diagnostics.push({
        code: 'unknown-role', severity: 'error', subject: def.id,
        message: `role definition id \`${def.id}\` does not end with a GUID; the role is ignored`,
        ...(def.at ? { at: def.at } : {}),
      });
      return;
    }
    const existing = this.#byGuid.get(guid);
    if (existing !== undefined && !fromCatalogue && !this.roles[existing]?.fromCatalogue) {
      diagnostics.push({
        code: 'duplicate-id', severity: 'warning', subject: guid,
        message: `role definition \`${guid}\` is defined twice; the last definition is used`,
        ...(def.at ? { at: def.at } : {}),
      });
    }
    if (existing !== undefined && fromCatalogue) return; // an exported definition wins over the shipped one
    const index = existing ?? this.roles.length;
    const role: CompiledRole = {
      index,
      guid,
      id: def.id,
      name: def.roleName ?? null,
      custom: def.custom ?? false,
      fromCatalogue,
      blocks: def.permissions.map((p) => compileBlock(p, def.roleName ?? guid, diagnostics, def.at)),
      assignableScopes: (def.assignableScopes ?? []).map((s) => asciiLower(s.trim()).replace(/(.)\/+$/, '$1')),
      ...(def.at ? { at: def.at } : {}),
    };
    this.roles[index] = role;
    this.#byGuid.set(guid, index);
    if (role.name) {
      const key = asciiLower(role.name);
      const list = this.#byName.get(key) ?? [];
      if (!list.includes(index)) list.push(index);
      this.#byName.set(key, list);
    }
  }

  /** A role id in any form, a bare GUID, or a role name. Undefined when nothing (or more than one role) matches. */
  resolve(ref: string): CompiledRole | undefined {
    const guid = trailingGuid(ref);
    if (guid !== undefined) {
      const i = this.#byGuid.get(guid);
      return i === undefined ? undefined : this.roles[i];
    }
    const list = this.#byName.get(asciiLower(ref.trim()));
    return list && list.length === 1 ? this.roles[list[0] as number] : undefined;
  }
}
