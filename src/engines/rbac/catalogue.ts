import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiLower } from './text.js';
import type { RbacPermissionInput, RbacRoleDefinitionInput } from './types.js';

/**
 * Facts shipped with the project in `data/azure/` (see its README for sources): the built-in role definitions and
 * which provider operations are data actions. Read once, lazily, from the package root, which is found by walking
 * up from this module until a directory holds `package.json` — the same code works from `src/` under vitest and
 * from the bundled `dist/parapet.js`.
 */

export type Plane = 'control' | 'data' | 'both';

export interface OperationCatalogue {
  /** Whether an operation is a control-plane action, a data action, both (23 names are registered both ways), or
   * undefined when the catalogue does not list it. `actionLower` must be lowercased. */
  classify(actionLower: string): Plane | undefined;
  /** Every operation name (as the provider spells it) with its plane. */
  entries(): IterableIterator<[string, Plane]>;
  readonly size: number;
}

export interface RbacCatalogue {
  readonly builtinRoles: readonly RbacRoleDefinitionInput[];
  readonly operations: OperationCatalogue;
}

export type CatalogueError = { readonly code: 'catalogue-not-found' | 'catalogue-unreadable'; readonly message: string };

export function packageRoot(from: string = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'azure'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

let cached: RbacCatalogue | CatalogueError | undefined;

/** The shipped catalogue, memoised; an error value (never a throw) when the data files are missing or broken. */
export function loadCatalogue(): RbacCatalogue | CatalogueError {
  if (cached) return cached;
  const root = packageRoot();
  if (!root) {
    cached = { code: 'catalogue-not-found', message: 'data/azure/ was not found above the Parapet package' };
    return cached;
  }
  try {
    const roles = JSON.parse(readFileSync(join(root, 'data', 'azure', 'builtin-role-definitions.json'), 'utf8')) as unknown;
    const ops = JSON.parse(readFileSync(join(root, 'data', 'azure', 'provider-operations.json'), 'utf8')) as unknown;
    cached = buildCatalogue(roles, ops);
  } catch (e) {
    cached = { code: 'catalogue-unreadable', message: `data/azure/ could not be read: ${(e as Error).message}` };
  }
  return cached;
}

export function isCatalogueError(x: RbacCatalogue | CatalogueError): x is CatalogueError {
  return (x as CatalogueError).code !== undefined;
}

/** Builds a catalogue from the two JSON documents (the same shapes as the shipped files). */
export function buildCatalogue(roles: unknown, operations: unknown): RbacCatalogue {
  const builtinRoles: RbacRoleDefinitionInput[] = [];
  if (Array.isArray(roles)) {
    for (const r of roles) {
      if (!r || typeof r !== 'object') continue;
      const rec = r as Record<string, unknown>;
      const id = typeof rec['name'] === 'string' ? rec['name'] : typeof rec['id'] === 'string' ? rec['id'] : undefined;
      if (id === undefined) continue;
      builtinRoles.push({
        id,
        ...(typeof rec['roleName'] === 'string' ? { roleName: rec['roleName'] } : {}),
        custom: false,
        permissions: Array.isArray(rec['permissions']) ? rec['permissions'].map(toPermission) : [],
        assignableScopes: stringArray(rec['assignableScopes']),
      });
    }
  }
  const planes = new Map<string, Plane>();
  const names = new Map<string, string>();
  if (Array.isArray(operations)) {
    for (const o of operations) {
      if (!o || typeof o !== 'object') continue;
      const rec = o as Record<string, unknown>;
      if (typeof rec['name'] !== 'string') continue;
      const key = asciiLower(rec['name']);
      const plane: Plane = rec['isDataAction'] === true ? 'data' : 'control';
      const prev = planes.get(key);
      planes.set(key, prev === undefined || prev === plane ? plane : 'both');
      if (!names.has(key)) names.set(key, rec['name']);
    }
  }
  return {
    builtinRoles,
    operations: {
      classify: (actionLower) => planes.get(actionLower),
      *entries() {
        for (const [k, p] of planes) yield [names.get(k) ?? k, p];
      },
      size: planes.size,
    },
  };
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function toPermission(v: unknown): RbacPermissionInput {
  const rec = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  return {
    actions: stringArray(rec['actions']),
    notActions: stringArray(rec['notActions']),
    dataActions: stringArray(rec['dataActions']),
    notDataActions: stringArray(rec['notDataActions']),
    condition: typeof rec['condition'] === 'string' ? rec['condition'] : null,
    conditionVersion: typeof rec['conditionVersion'] === 'string' ? rec['conditionVersion'] : null,
  };
}
