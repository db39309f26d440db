import type { Provenance } from '../../../model/core/index.js';
import type { ObjectValue, UnknownValue, Value } from '../../common/value.js';
import { bool, list, nul, num, obj, str, unknownValue, withParts } from '../../common/value.js';

/**
 * A stand-in text for an unknown value, used only to build names and resource ids: a parameter without a value is
 * `{name}`, so `resourceId('Microsoft.Network/publicIPAddresses', parameters('pipName'))` and the public IP declared
 * with `"name": "[parameters('pipName')]"` get the same id and still link to each other. The value itself stays
 * unknown for every check. Kept beside the value (values are immutable and shared with the common readers).
 */
const SYMBOLS = new WeakMap<object, string>();

export function symbolic(why: string, at: Provenance, symbol: string | undefined, refs: readonly string[] = []): Value {
  const v = unknownValue(why, at, refs);
  if (symbol !== undefined) SYMBOLS.set(v, symbol);
  return v;
}

/** The text a value stands for in a name or id: a scalar's text, or an unknown value's symbol. */
export function symbolOf(v: Value): string | undefined {
  switch (v.t) {
    case 'string': return v.v;
    case 'number': return String(v.v);
    case 'bool': return v.v ? 'True' : 'False';
    case 'unknown': return SYMBOLS.get(v);
    default: return undefined;
  }
}

export function withAt(v: Value, at: Provenance): Value {
  if (v.at === at) return v;
  const out = { ...v, at } as Value;
  const s = v.t === 'unknown' ? SYMBOLS.get(v) : undefined;
  if (s !== undefined) SYMBOLS.set(out, s);
  return out;
}

/** An unknown string with the shape of the pieces it was built from (`concat('arn:', x)`), keeping its symbol. */
export function withPieces(v: Value, pieces: readonly (string | UnknownValue)[] | undefined): Value {
  if (v.t !== 'unknown' || pieces === undefined) return v;
  const out = withParts(v, pieces);
  const s = SYMBOLS.get(v);
  if (out !== v && s !== undefined) SYMBOLS.set(out, s);
  return out;
}

/** The first unknown among `vs` (shallow), combining the resources all of them derive from. */
export function firstUnknown(vs: readonly Value[], at: Provenance): Value | undefined {
  let first: Extract<Value, { t: 'unknown' }> | undefined;
  const refs = new Set<string>();
  for (const v of vs) {
    if (v.t !== 'unknown') continue;
    first ??= v;
    for (const r of v.refs) refs.add(r);
  }
  if (!first) return undefined;
  return unknownValue(first.why, at, [...refs].slice(0, 16));
}

/** Lowercased field maps, built on the first case-insensitive miss of an object. */
const LOWER_FIELDS = new WeakMap<ObjectValue, Map<string, Value>>();

/** Case-insensitive field lookup: ARM property names are case-insensitive. */
export function getField(o: ObjectValue | undefined, name: string): Value | undefined {
  if (!o) return undefined;
  const exact = o.fields.get(name);
  if (exact !== undefined) return exact;
  let lower = LOWER_FIELDS.get(o);
  if (!lower) {
    lower = new Map();
    for (const [k, v] of o.fields) {
      const lk = k.toLowerCase();
      if (!lower.has(lk)) lower.set(lk, v);
    }
    LOWER_FIELDS.set(o, lower);
  }
  return lower.get(name.toLowerCase());
}

export function getObject(o: ObjectValue | undefined, ...path: string[]): ObjectValue | undefined {
  let cur: ObjectValue | undefined = o;
  for (const p of path) {
    const v = getField(cur, p);
    cur = v?.t === 'object' ? v : undefined;
  }
  return cur;
}

/** A field by path; `undefined` when a step is missing, the unknown itself when a step is unknown. */
export function getPath(o: ObjectValue | undefined, ...path: string[]): Value | undefined {
  let cur: Value | undefined = o;
  for (const p of path) {
    if (cur === undefined) return undefined;
    if (cur.t === 'unknown') return cur;
    if (cur.t !== 'object') return undefined;
    cur = getField(cur, p);
  }
  return cur;
}

export const MAX_CONVERT_DEPTH = 100;

/** Plain JSON (caller-supplied parameters, `json()`) to a value positioned at `at`. */
export function fromJs(x: unknown, at: Provenance, depth = 0): Value {
  if (depth > MAX_CONVERT_DEPTH) return unknownValue('value nested too deeply', at);
  if (x === null || x === undefined) return nul(at);
  if (typeof x === 'string') return str(x, at);
  if (typeof x === 'number') return Number.isFinite(x) ? num(x, at) : unknownValue('not a finite number', at);
  if (typeof x === 'boolean') return bool(x, at);
  if (Array.isArray(x)) return list(x.map((i) => fromJs(i, at, depth + 1)), at);
  if (typeof x === 'object') {
    const m = new Map<string, Value>();
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) m.set(k, fromJs(v, at, depth + 1));
    return obj(m, at);
  }
  return unknownValue(`unsupported value of type ${typeof x}`, at);
}

/** A known value as plain JSON, or undefined when something inside is unknown. */
export function toJs(v: Value, depth = 0): unknown {
  if (depth > MAX_CONVERT_DEPTH) return undefined;
  switch (v.t) {
    case 'string': case 'number': case 'bool': return v.v;
    case 'null': return null;
    case 'unknown': return undefined;
    case 'list': {
      const out: unknown[] = [];
      for (const it of v.items) {
        const j = toJs(it, depth + 1);
        if (j === undefined) return undefined;
        out.push(j);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of v.fields) {
        const j = toJs(f, depth + 1);
        if (j === undefined) return undefined;
        out[k] = j;
      }
      return out;
    }
  }
}

/**
 * Deep equality as the `equals` function compares: strings case-sensitively, object keys case-insensitively.
 * 'unknown' when either side holds an unknown that decides it.
 */
export function deepEquals(a: Value, b: Value, depth = 0): boolean | 'unknown' {
  if (a.t === 'unknown' || b.t === 'unknown') return 'unknown';
  if (depth > MAX_CONVERT_DEPTH) return 'unknown';
  if (a.t !== b.t) {
    // An int compares equal to the same number however it was written.
    return false;
  }
  switch (a.t) {
    case 'string': case 'number': case 'bool': return a.v === (b as typeof a).v;
    case 'null': return true;
    case 'list': {
      const bi = (b as typeof a).items;
      if (a.items.length !== bi.length) return false;
      let unknown = false;
      for (let i = 0; i < a.items.length; i++) {
        const r = deepEquals(a.items[i] as Value, bi[i] as Value, depth + 1);
        if (r === false) return false;
        if (r === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : true;
    }
    case 'object': {
      const bo = b as typeof a;
      if (a.fields.size !== bo.fields.size) return false;
      let unknown = false;
      for (const [k, v] of a.fields) {
        const other = getField(bo, k);
        if (other === undefined) return false;
        const r = deepEquals(v, other, depth + 1);
        if (r === false) return false;
        if (r === 'unknown') unknown = true;
      }
      return unknown ? 'unknown' : true;
    }
  }
}

/** JSON text of a known value, as `string()` renders objects and arrays. */
export function jsonText(v: Value): string | undefined {
  const j = toJs(v);
  return j === undefined ? undefined : JSON.stringify(j);
}

export function isTruthyBool(v: Value): boolean | 'unknown' | undefined {
  if (v.t === 'bool') return v.v;
  if (v.t === 'unknown') return 'unknown';
  if (v.t === 'string') {
    const s = v.v.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

