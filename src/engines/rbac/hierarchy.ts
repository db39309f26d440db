import type { RbacDiagnostic, RbacHierarchyInput } from './types.js';
import { ROOT_SCOPE, isScopeError, managementGroupKey, parseScope, subscriptionKey } from './scope.js';
import type { ParsedScope } from './scope.js';

export interface Ancestry {
  /** The scope and every scope above it whose assignments it inherits, nearest first, `/` last. */
  readonly keys: readonly string[];
  /** True when a subscription or management group on the way up has no known parent: any management-group
   * assignment might then apply. */
  readonly uncertain: boolean;
  readonly parsed: ParsedScope;
}

/**
 * The management-group tree: tenant root `/` → root management group → management groups → subscriptions.
 * Inheritance only flows downwards, so a scope's ancestry is everything it inherits from.
 * https://learn.microsoft.com/en-us/azure/governance/management-groups/overview
 */
export class Hierarchy {
  readonly #mgParent = new Map<string, string | null>();
  readonly #subParent = new Map<string, string>();
  readonly #names = new Map<string, string>();
  readonly #cache = new Map<string, Ancestry | { error: string }>();
  /** The management group with no parent, when the hierarchy names exactly one. */
  readonly rootGroup: string | undefined;
  readonly known: boolean;

  constructor(input: RbacHierarchyInput | undefined, diagnostics: RbacDiagnostic[]) {
    this.known = input !== undefined;
    if (!input) { this.rootGroup = undefined; return; }
    for (const mg of input.managementGroups) {
      const key = managementGroupKey(mg.id);
      if (mg.displayName) this.#names.set(key, mg.displayName);
      // Left out of the tree: walks that reach it stop there and call the placement uncertain.
      if (mg.parentUnknown) continue;
      const parent = mg.parent ? managementGroupKey(mg.parent) : null;
      const prev = this.#mgParent.get(key);
      if (prev === undefined || prev === null) this.#mgParent.set(key, parent);
      if (mg.displayName) this.#names.set(key, mg.displayName);
    }
    for (const sub of input.subscriptions) {
      const key = subscriptionKey(sub.id);
      this.#subParent.set(key, managementGroupKey(sub.parent));
      if (sub.displayName) this.#names.set(key, sub.displayName);
    }
    const roots = [...this.#mgParent].filter(([, p]) => p === null).map(([k]) => k);
    this.rootGroup = roots.length === 1 ? roots[0] : undefined;
    for (const [key, parent] of this.#mgParent) {
      if (parent !== null && !this.#mgParent.has(parent)) {
        diagnostics.push({
          code: 'unknown-management-group', severity: 'warning', subject: key,
          message: `management group \`${key}\` names parent \`${parent}\`, which the hierarchy does not list`,
        });
      }
    }
    // A cycle in parentage would make every walk below loop; report it and let the walk's visited set stop.
    for (const start of this.#mgParent.keys()) {
      const seen = new Set<string>();
      let cur: string | null | undefined = start;
      while (cur) {
        if (seen.has(cur)) {
          if (cur === start) {
            diagnostics.push({
              code: 'hierarchy-cycle', severity: 'error', subject: start,
              message: `management group \`${start}\` is its own ancestor`,
            });
          }
          break;
        }
        seen.add(cur);
        cur = this.#mgParent.get(cur);
      }
    }
  }

  displayName(key: string): string | undefined {
    return this.#names.get(key);
  }

  /** Every scope the hierarchy names (management groups and subscriptions). */
  scopes(): string[] {
    return [...this.#mgParent.keys(), ...this.#subParent.keys()];
  }

  parentOf(key: string): string | null | undefined {
    if (this.#mgParent.has(key)) return this.#mgParent.get(key);
    return this.#subParent.get(key);
  }

  ancestry(raw: string): Ancestry | { error: string } {
    const hit = this.#cache.get(raw);
    if (hit) return hit;
    const parsed = parseScope(raw);
    const result = isScopeError(parsed) ? parsed : this.#ancestryOf(parsed);
    // Resource ids are numerous and rarely asked twice in a row; caching them costs more than parsing again.
    if (isScopeError(parsed) || parsed.kind !== 'resource') this.#remember(raw, result);
    return result;
  }

  #remember(key: string, value: Ancestry | { error: string }): void {
    // Bounded: queries over many distinct resource ids must not grow memory without limit.
    if (this.#cache.size >= 50_000) this.#cache.clear();
    this.#cache.set(key, value);
  }

  #ancestryOf(parsed: ParsedScope): Ancestry {
    const cached = this.#cache.get(parsed.key);
    if (cached && !('error' in cached)) return cached;
    let result: Ancestry;
    if (parsed.structuralParent !== null) {
      // Resource → parent resource → resource group → subscription: reuse the parent's (cached) chain.
      const cachedParent = this.#cache.get(parsed.structuralParent);
      let up: { keys: readonly string[]; uncertain: boolean };
      if (cachedParent && !('error' in cachedParent)) up = cachedParent;
      else {
        const parent = parseScope(parsed.structuralParent);
        up = isScopeError(parent) ? { keys: [ROOT_SCOPE], uncertain: false } : this.#ancestryOf(parent);
      }
      const keys = new Array<string>(up.keys.length + 1);
      keys[0] = parsed.key;
      for (let i = 0; i < up.keys.length; i++) keys[i + 1] = up.keys[i] as string;
      result = { keys, uncertain: up.uncertain, parsed };
    } else {
      result = this.#treeAncestry(parsed);
    }
    if (parsed.kind !== 'resource') this.#remember(parsed.key, result);
    return result;
  }

  /** Subscriptions, management groups and the root: up the management-group tree. */
  #treeAncestry(top: ParsedScope): Ancestry {
    const keys: string[] = [top.key];
    const seen = new Set<string>(keys);
    let uncertain = false;
    let mg: string | null | undefined;
    if (top.kind === 'subscription') {
      mg = this.#subParent.get(top.key);
      if (mg === undefined) uncertain = true;
    } else if (top.kind === 'managementGroup') {
      if (this.#mgParent.has(top.key)) mg = this.#mgParent.get(top.key);
      else uncertain = true;
    }
    while (mg) {
      if (seen.has(mg)) break;
      keys.push(mg);
      seen.add(mg);
      if (!this.#mgParent.has(mg)) { uncertain = true; break; }
      mg = this.#mgParent.get(mg);
    }
    // Every subscription and management group sits below the root management group, known or not.
    if ((top.kind === 'subscription' || top.kind === 'managementGroup') && this.rootGroup && !seen.has(this.rootGroup)) {
      keys.push(this.rootGroup);
      seen.add(this.rootGroup);
    }
    if (!seen.has(ROOT_SCOPE)) keys.push(ROOT_SCOPE);
    return { keys, uncertain, parsed: top };
  }
}
