import type { Provenance } from '../../../../model/core/index.js';
import type { ObjectValue, Value } from '../../../common/value.js';

/**
 * Helpers over the shared `Value` tree, which the evaluator uses directly as its runtime value (sets are lists,
 * maps and objects are objects). Evaluation errors (a missing attribute, a wrong type) are unknown values registered
 * here, so `try()`/`can()` can tell them from values that are merely not known before apply.
 */
const errors = new WeakSet<Value>();
const containsUnknownMemo = new WeakMap<Value, boolean>();

export function errorValue(message: string, at: Provenance): Value {
  const v: Value = { t: 'unknown', why: message, refs: [], at };
  errors.add(v);
  return v;
}

export function isError(v: Value): boolean {
  return v.t === 'unknown' && errors.has(v);
}

export function unknownOf(why: string, at: Provenance, refs: readonly string[] = []): Value {
  return { t: 'unknown', why, refs, at };
}

export function str(v: string, at: Provenance): Value {
  return { t: 'string', v, at };
}

export function num(v: number, at: Provenance): Value {
  return { t: 'number', v, at };
}

export function bool(v: boolean, at: Provenance): Value {
  return { t: 'bool', v, at };
}

export function nul(at: Provenance): Value {
  return { t: 'null', at };
}

export function list(items: readonly Value[], at: Provenance): Value {
  return { t: 'list', items, at };
}

export function obj(fields: ReadonlyMap<string, Value>, at: Provenance): ObjectValue {
  return { t: 'object', fields, at };
}

/** True when the value or anything inside it is unknown (memoised: large locals are passed to many calls). */
export function containsUnknown(v: Value): boolean {
  if (v.t === 'unknown') return true;
  if (v.t !== 'list' && v.t !== 'object') return false;
  const memo = containsUnknownMemo.get(v);
  if (memo !== undefined) return memo;
  let found = false;
  if (v.t === 'list') {
    for (const i of v.items) if (containsUnknown(i)) { found = true; break; }
  } else {
    for (const i of v.fields.values()) if (containsUnknown(i)) { found = true; break; }
  }
  containsUnknownMemo.set(v, found);
  return found;
}

/** The first error anywhere inside the values, if any. */
export function firstError(vs: readonly Value[]): Value | undefined {
  for (const v of vs) {
    if (v.t === 'unknown') {
      if (errors.has(v)) return v;
      continue;
    }
    if (!containsUnknown(v)) continue;
    if (v.t === 'list') {
      const e = firstError(v.items);
      if (e) return e;
    } else if (v.t === 'object') {
      const e = firstError([...v.fields.values()]);
      if (e) return e;
    }
  }
  return undefined;
}

/** Every resource key named by the unknown parts of the values. */
export function refsOf(vs: readonly Value[], out = new Set<string>()): Set<string> {
  for (const v of vs) {
    if (v.t === 'unknown') for (const r of v.refs) out.add(r);
    else if (v.t === 'list' && containsUnknown(v)) refsOf(v.items, out);
    else if (v.t === 'object' && containsUnknown(v)) refsOf([...v.fields.values()], out);
  }
  return out;
}

/** The first unknown part of the values, whose `why` explains a derived unknown. */
export function firstUnknown(vs: readonly Value[]): Extract<Value, { t: 'unknown' }> | undefined {
  for (const v of vs) {
    if (v.t === 'unknown') return v;
    if (v.t === 'list' && containsUnknown(v)) {
      const u = firstUnknown(v.items);
      if (u) return u;
    } else if (v.t === 'object' && containsUnknown(v)) {
      const u = firstUnknown([...v.fields.values()]);
      if (u) return u;
    }
  }
  return undefined;
}

/** An unknown derived from unknown inputs: keeps the first one's reason and every ref. An input error stays an error. */
export function derivedUnknown(inputs: readonly Value[], at: Provenance): Value {
  const err = firstError(inputs);
  if (err) return err;
  const first = firstUnknown(inputs);
  return unknownOf(first?.why ?? 'not known before apply', at, [...refsOf(inputs)]);
}

export function typeName(v: Value): string {
  switch (v.t) {
    case 'list': return 'list';
    case 'object': return 'object';
    default: return v.t;
  }
}

/** Terraform's string form of a primitive (numbers print without a trailing `.0`). */
export function primitiveString(v: Value): string | undefined {
  switch (v.t) {
    case 'string': return v.v;
    case 'number': return formatNumber(v.v);
    case 'bool': return v.v ? 'true' : 'false';
    default: return undefined;
  }
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'string':
    case 'number':
    case 'bool':
      return a.v === (b as typeof a).v;
    case 'null':
      return true;
    case 'unknown':
      return false;
    case 'list': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x, i) => deepEqual(x, bi[i] as Value));
    }
    case 'object': {
      const bf = (b as typeof a).fields;
      if (a.fields.size !== bf.size) return false;
      for (const [k, v] of a.fields) {
        const o = bf.get(k);
        if (!o || !deepEqual(v, o)) return false;
      }
      return true;
    }
  }
}

/** A canonical string for set membership and `distinct`. */
export function canonical(v: Value): string {
  switch (v.t) {
    case 'string': return 's' + JSON.stringify(v.v);
    case 'number': return 'n' + String(v.v);
    case 'bool': return v.v ? 'T' : 'F';
    case 'null': return 'N';
    case 'unknown': return 'U';
    case 'list': return '[' + v.items.map(canonical).join(',') + ']';
    case 'object': return '{' + [...v.fields.keys()].sort().map((k) => JSON.stringify(k) + ':' + canonical(v.fields.get(k) as Value)).join(',') + '}';
  }
}

/** Plain JSON of a fully known value (callers check `containsUnknown` first). */
export function toJson(v: Value): unknown {
  switch (v.t) {
    case 'string':
    case 'number':
    case 'bool':
      return v.v;
    case 'null':
    case 'unknown':
      return null;
    case 'list':
      return v.items.map(toJson);
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, x] of v.fields) o[k] = toJson(x);
      return o;
    }
  }
}

/** A value from parsed JSON (`jsondecode`, `.tfvars.json`), every part at one position. */
export function fromJson(j: unknown, at: Provenance, depth = 0): Value {
  if (depth > 500) return errorValue('JSON nested too deeply', at);
  if (j === null || j === undefined) return nul(at);
  if (typeof j === 'string') return str(j, at);
  if (typeof j === 'number') return num(j, at);
  if (typeof j === 'boolean') return bool(j, at);
  if (Array.isArray(j)) return list(j.map((x) => fromJson(x, at, depth + 1)), at);
  if (typeof j === 'object') {
    const m = new Map<string, Value>();
    for (const [k, x] of Object.entries(j as Record<string, unknown>)) m.set(k, fromJson(x, at, depth + 1));
    return obj(m, at);
  }
  return nul(at);
}

/** Map keys in Terraform iterate in lexical order. */
export function sortedKeys(o: ObjectValue): string[] {
  return [...o.fields.keys()].sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
