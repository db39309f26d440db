import type { ObjectValue, Value } from '../common/value.js';

/**
 * A field of an export entry, whichever shape wrote it: the CLI's flattened form (`scope`), the REST form
 * (`properties.scope`) or PowerShell's PascalCase (`Scope`). Names are tried in order, first on the entry, then on
 * its `properties`.
 */
export function pick(o: ObjectValue | undefined, ...names: string[]): Value | undefined {
  if (!o) return undefined;
  const props = o.fields.get('properties');
  for (const holder of [o, props?.t === 'object' ? props : undefined]) {
    if (!holder) continue;
    for (const n of names) {
      const v = holder.fields.get(n) ?? holder.fields.get(n.charAt(0).toUpperCase() + n.slice(1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** The entries of a list output: a bare array, or the REST envelope `{ value: [...] }`. */
export function entries(root: Value | undefined): readonly Value[] | undefined {
  if (root?.t === 'list') return root.items;
  if (root?.t === 'object') {
    const v = root.fields.get('value');
    if (v?.t === 'list') return v.items;
  }
  return undefined;
}
