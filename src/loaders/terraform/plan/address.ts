/**
 * Terraform addresses and references as the plan writes them: `module.net["a"].aws_security_group.web[0]`,
 * `data.aws_iam_policy_document.p.json`, `var.sg_id`, `module.net.sg_id`. Parsed by hand (no regular expression
 * over input), keys kept as written so instance addresses compare exactly.
 * https://developer.hashicorp.com/terraform/cli/state/resource-addressing
 */

export type Key = string | number;

export type Step =
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'key'; readonly key: Key }
  | { readonly t: 'splat' };

/** Splits a traversal into names, index keys and splats; null when it is not one. */
export function parseTraversal(s: string): Step[] | null {
  const steps: Step[] = [];
  let i = 0;
  const n = s.length;
  const name = (): string | null => {
    const start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
      if (!ok) break;
      i++;
    }
    return i > start ? s.slice(start, i) : null;
  };
  const first = name();
  if (first === null) return null;
  steps.push({ t: 'name', name: first });
  while (i < n) {
    const c = s[i];
    if (c === '.') {
      i++;
      if (s[i] === '*') { i++; steps.push({ t: 'splat' }); continue; }
      const nm = name();
      if (nm === null) {
        // A numeric legacy index (`aws_instance.x.0.id`) reads as a name made of digits, handled above.
        return null;
      }
      steps.push({ t: 'name', name: nm });
    } else if (c === '[') {
      i++;
      if (s[i] === '*') {
        if (s[i + 1] !== ']') return null;
        i += 2;
        steps.push({ t: 'splat' });
        continue;
      }
      if (s[i] === '"') {
        const start = i;
        i++;
        while (i < n && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
        if (i >= n) return null;
        i++;
        let key: string;
        try {
          key = JSON.parse(s.slice(start, i)) as string;
        } catch {
          return null;
        }
        if (s[i] !== ']') return null;
        i++;
        steps.push({ t: 'key', key });
      } else {
        const start = i;
        while (i < n && s[i] !== ']') i++;
        if (i >= n) return null;
        const num = Number(s.slice(start, i));
        if (!Number.isInteger(num)) return null;
        i++;
        steps.push({ t: 'key', key: num });
      }
    } else {
      return null;
    }
  }
  return steps;
}

export interface ModuleStep {
  readonly name: string;
  readonly key?: Key;
}

export interface ResourceAddress {
  readonly modules: readonly ModuleStep[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly key?: Key;
}

export function keyText(k: Key): string {
  return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
}

/** Canonical text of a module instance path: `module.a["x"].module.b`. */
export function modulePathText(mods: readonly ModuleStep[]): string {
  let out = '';
  for (const m of mods) {
    out += `${out ? '.' : ''}module.${m.name}${m.key === undefined ? '' : keyText(m.key)}`;
  }
  return out;
}

/** The module-call path without instance keys (`net.sub`), which names the module in the configuration. */
export function configPathText(mods: readonly ModuleStep[]): string {
  return mods.map((m) => m.name).join('.');
}

export function resourceId(mode: 'managed' | 'data', type: string, name: string): string {
  return mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
}

/** Reads the leading module steps, returning them and the index of the first step after them. */
function readModules(steps: readonly Step[]): { modules: ModuleStep[]; next: number } | null {
  const modules: ModuleStep[] = [];
  let i = 0;
  for (;;) {
    const s = steps[i];
    if (s?.t !== 'name' || s.name !== 'module') break;
    const nm = steps[i + 1];
    if (nm?.t !== 'name') return null;
    const k = steps[i + 2];
    if (k?.t === 'key') {
      modules.push({ name: nm.name, key: k.key });
      i += 3;
    } else {
      modules.push({ name: nm.name });
      i += 2;
    }
  }
  return { modules, next: i };
}

/** A resource instance address (`module.x.aws_s3_bucket.b["k"]`); null when the text is not one. */
export function parseResourceAddress(address: string): ResourceAddress | null {
  const steps = parseTraversal(address);
  if (!steps) return null;
  const m = readModules(steps);
  if (!m) return null;
  let i = m.next;
  let mode: 'managed' | 'data' = 'managed';
  const first = steps[i];
  if (first?.t === 'name' && first.name === 'data') { mode = 'data'; i++; }
  const type = steps[i];
  const name = steps[i + 1];
  if (type?.t !== 'name' || name?.t !== 'name') return null;
  const key = steps[i + 2];
  const rest = key?.t === 'key' ? i + 3 : i + 2;
  if (rest !== steps.length) return null;
  return { modules: m.modules, mode, type: type.name, name: name.name, ...(key?.t === 'key' ? { key: key.key } : {}) };
}

/** What a configuration reference (from an expression's `references`) points at, relative to its module. */
export type RefTarget =
  | { readonly t: 'resource'; readonly mode: 'managed' | 'data'; readonly type: string; readonly name: string; readonly key?: Key }
  | { readonly t: 'var'; readonly name: string }
  | { readonly t: 'module'; readonly call: string; readonly key?: Key; readonly output?: string }
  | { readonly t: 'other' };

const NOT_OBJECTS = new Set(['local', 'count', 'each', 'path', 'terraform', 'self']);

export function parseReference(ref: string): RefTarget {
  const steps = parseTraversal(ref);
  const root = steps?.[0];
  if (!steps || root?.t !== 'name' || NOT_OBJECTS.has(root.name)) return { t: 'other' };
  const at = (i: number): Step | undefined => steps[i];
  if (root.name === 'var') {
    const nm = at(1);
    return nm?.t === 'name' ? { t: 'var', name: nm.name } : { t: 'other' };
  }
  if (root.name === 'module') {
    const call = at(1);
    if (call?.t !== 'name') return { t: 'other' };
    let i = 2;
    let key: Key | undefined;
    const k = at(2);
    if (k?.t === 'key') { key = k.key; i = 3; }
    const out = at(i);
    return { t: 'module', call: call.name, ...(key !== undefined ? { key } : {}), ...(out?.t === 'name' ? { output: out.name } : {}) };
  }
  let i = 0;
  let mode: 'managed' | 'data' = 'managed';
  if (root.name === 'data') { mode = 'data'; i = 1; }
  const type = at(i);
  const name = at(i + 1);
  if (type?.t !== 'name' || name?.t !== 'name') return { t: 'other' };
  const k = at(i + 2);
  return { t: 'resource', mode, type: type.name, name: name.name, ...(k?.t === 'key' ? { key: k.key } : {}) };
}

/**
 * Terraform lists each reference of an expression several times: the full traversal, then each shorter prefix down
 * to the referenced object, then the object without its instance key (`aws_instance.a[0].id`, `aws_instance.a[0]`,
 * `aws_instance.a`). This groups the list back into one entry per reference written, keeping the most specific.
 * https://developer.hashicorp.com/terraform/internals/json-format#expression-representation
 */
export function groupReferences(refs: readonly string[]): string[] {
  const out: string[] = [];
  let prev: string | undefined;
  for (const r of refs) {
    if (prev !== undefined && isTraversalPrefix(r, prev)) {
      prev = r;
      continue;
    }
    out.push(r);
    prev = r;
  }
  return out;
}

function isTraversalPrefix(short: string, long: string): boolean {
  if (short.length >= long.length || !long.startsWith(short)) return false;
  const next = long[short.length];
  return next === '.' || next === '[';
}
