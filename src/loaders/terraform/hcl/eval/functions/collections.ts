import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import { asBool, asNumber } from '../coerce.js';
import { asSet } from '../types.js';
import {
  bool, canonical, compareStrings, containsUnknown, deepEqual, derivedUnknown, errorValue, list, num, nul, obj, primitiveString,
  sortedKeys, str,
} from '../values.js';
import { listArg, numberArg, objectArg } from './args.js';
import type { FunctionDef, FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions (collection and type conversion functions)

function flattenInto(items: readonly Value[], out: Value[], depth: number): Value | undefined {
  if (depth > 100) return errorValue('flatten(): nested too deeply', items[0]?.at ?? { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 });
  for (const it of items) {
    if (it.t === 'unknown') return it;
    if (it.t === 'list') {
      const r = flattenInto(it.items, out, depth + 1);
      if (r) return r;
    } else out.push(it);
  }
  return undefined;
}

function numbers(args: readonly Value[], fn: string, at: Provenance): number[] | Value {
  const src = args.length === 1 && args[0]?.t === 'list' ? args[0].items : args;
  const out: number[] = [];
  for (const a of src) {
    const n = asNumber(a);
    if (n === undefined) return errorValue(`${fn}(): arguments must be numbers, got ${a.t}`, a.at);
    out.push(n);
  }
  if (out.length === 0) return errorValue(`${fn}(): needs at least one number`, at);
  return out;
}

function setArgs(args: readonly Value[], fn: string, at: Provenance): (readonly Value[])[] | Value {
  const out: (readonly Value[])[] = [];
  for (let i = 0; i < args.length; i++) {
    const l = listArg(args, i, fn, at);
    if (!l.ok) return l.err;
    out.push(l.v);
  }
  return out;
}

/**
 * `alltrue` / `anytrue`: the first element equal to `decisive` decides; an unknown element leaves the answer unknown
 * unless a later known element decides it.
 */
function boolFold(name: string, decisive: boolean): FunctionDef {
  return {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const l = args[0] as Value;
      if (l.t === 'unknown') return derivedUnknown([l], at);
      const items = listArg(args, 0, name, at);
      if (!items.ok) return items.err;
      let unknown = false;
      for (const x of items.v) {
        if (x.t === 'unknown') unknown = true;
        else if (asBool(x) === decisive) return bool(decisive, at);
      }
      return unknown ? derivedUnknown(items.v, at) : bool(!decisive, at);
    },
  };
}


export const COLLECTION_FUNCTIONS: FunctionTable = {
  length: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return derivedUnknown([a], at);
      if (a.t === 'list') return num(a.items.length, at);
      if (a.t === 'object') return num(a.fields.size, at);
      if (a.t === 'string') return num([...a.v].length, at);
      return errorValue(`length(): needs a collection or string, got ${a.t}`, at);
    },
  },
  merge: {
    min: 0,
    partial: true,
    fn: (args, at) => {
      const whole = args.filter((a) => a.t === 'unknown');
      if (whole.length > 0) return derivedUnknown(whole, at);
      const fields = new Map<string, Value>();
      for (const a of args) {
        if (a.t === 'null') continue;
        if (a.t !== 'object') return errorValue(`merge(): arguments must be maps or objects, got ${a.t}`, a.at);
        for (const [k, v] of a.fields) fields.set(k, v);
      }
      return obj(fields, at);
    },
  },
  concat: {
    min: 1,
    partial: true,
    fn: (args, at) => {
      const whole = args.filter((a) => a.t === 'unknown');
      if (whole.length > 0) return derivedUnknown(whole, at);
      const items: Value[] = [];
      for (let i = 0; i < args.length; i++) {
        const l = listArg(args, i, 'concat', at);
        if (!l.ok) return l.err;
        items.push(...l.v);
      }
      return list(items, at);
    },
  },
  lookup: {
    min: 2,
    max: 3,
    partial: true,
    fn: (args, at) => {
      const m = args[0] as Value;
      const k = args[1] as Value;
      if (m.t === 'unknown' || k.t === 'unknown') return derivedUnknown([m, k], at);
      const map = objectArg(args, 0, 'lookup', at);
      if (!map.ok) return map.err;
      const key = primitiveString(k);
      if (key === undefined) return errorValue('lookup(): the key must be a string', k.at);
      const v = map.v.get(key);
      if (v) return v;
      const d = args[2];
      return d ?? errorValue(`lookup(): no key \`${key}\` and no default`, at);
    },
  },
  element: {
    min: 2,
    max: 2,
    partial: true,
    fn: (args, at) => {
      const l = args[0] as Value;
      const i = args[1] as Value;
      if (l.t === 'unknown' || i.t === 'unknown') return derivedUnknown([l, i], at);
      const items = listArg(args, 0, 'element', at);
      if (!items.ok) return items.err;
      const n = numberArg(args, 1, 'element', at);
      if (!n.ok) return n.err;
      if (items.v.length === 0) return errorValue('element(): the list is empty', at);
      if (n.v < 0) return errorValue('element(): the index must not be negative', at);
      return items.v[Math.floor(n.v) % items.v.length] as Value;
    },
  },
  keys: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return derivedUnknown([a], at);
      if (a.t !== 'object') return errorValue(`keys(): needs a map or object, got ${a.t}`, at);
      return list(sortedKeys(a).map((k) => str(k, at)), at);
    },
  },
  values: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return derivedUnknown([a], at);
      if (a.t !== 'object') return errorValue(`values(): needs a map or object, got ${a.t}`, at);
      return list(sortedKeys(a).map((k) => a.fields.get(k) as Value), at);
    },
  },
  tolist: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown' || a.t === 'null' || a.t === 'list') return a;
      return errorValue(`tolist(): cannot convert a ${a.t} to a list`, at);
    },
  },
  toset: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown' || a.t === 'null') return a;
      if (a.t !== 'list') return errorValue(`toset(): cannot convert a ${a.t} to a set`, at);
      return list(asSet(a.items), a.at);
    },
  },
  tomap: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown' || a.t === 'null' || a.t === 'object') return a;
      return errorValue(`tomap(): cannot convert a ${a.t} to a map`, at);
    },
  },
  tonumber: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'null') return a;
      const n = asNumber(a);
      return n === undefined ? errorValue(`tonumber(): cannot convert ${a.t === 'string' ? JSON.stringify(a.v) : a.t} to a number`, at) : num(n, a.at);
    },
  },
  tobool: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'null') return a;
      const b = asBool(a);
      return b === undefined ? errorValue(`tobool(): cannot convert ${a.t} to a bool`, at) : bool(b, a.at);
    },
  },
  flatten: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const l = args[0] as Value;
      if (l.t === 'unknown') return derivedUnknown([l], at);
      const items = listArg(args, 0, 'flatten', at);
      if (!items.ok) return items.err;
      const out: Value[] = [];
      const u = flattenInto(items.v, out, 0);
      if (u) return derivedUnknown([u], at);
      return list(out, at);
    },
  },
  distinct: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const l = listArg(args, 0, 'distinct', at);
      if (!l.ok) return l.err;
      const seen = new Set<string>();
      return list(l.v.filter((x) => {
        const c = canonical(x);
        if (seen.has(c)) return false;
        seen.add(c);
        return true;
      }), at);
    },
  },
  contains: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const l = listArg(args, 0, 'contains', at);
      if (!l.ok) return l.err;
      const x = args[1] as Value;
      return bool(l.v.some((i) => deepEqual(i, x)), at);
    },
  },
  coalesce: {
    min: 1,
    partial: true,
    fn: (args, at) => {
      for (const a of args) {
        if (a.t === 'unknown') return derivedUnknown([a], at);
        if (a.t === 'null' || (a.t === 'string' && a.v === '')) continue;
        return a;
      }
      return errorValue('coalesce(): no non-null, non-empty argument', at);
    },
  },
  coalescelist: {
    min: 1,
    partial: true,
    fn: (args, at) => {
      for (const a of args) {
        if (a.t === 'unknown') return derivedUnknown([a], at);
        if (a.t === 'list' && a.items.length > 0) return a;
      }
      return list([], at);
    },
  },
  compact: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const l = listArg(args, 0, 'compact', at);
      if (!l.ok) return l.err;
      return list(l.v.filter((x) => !(x.t === 'null' || (x.t === 'string' && x.v === ''))), at);
    },
  },
  slice: {
    min: 3,
    max: 3,
    partial: true,
    fn: (args, at) => {
      if (args.some((a) => a.t === 'unknown')) return derivedUnknown(args, at);
      const l = listArg(args, 0, 'slice', at);
      const s = numberArg(args, 1, 'slice', at);
      const e = numberArg(args, 2, 'slice', at);
      if (!l.ok) return l.err;
      if (!s.ok) return s.err;
      if (!e.ok) return e.err;
      if (s.v < 0 || e.v > l.v.length || s.v > e.v) return errorValue('slice(): indices out of range', at);
      return list(l.v.slice(s.v, e.v), at);
    },
  },
  index: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const l = listArg(args, 0, 'index', at);
      if (!l.ok) return l.err;
      const i = l.v.findIndex((x) => deepEqual(x, args[1] as Value));
      return i < 0 ? errorValue('index(): the value is not in the list', at) : num(i, at);
    },
  },
  reverse: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return derivedUnknown([a], at);
      const l = listArg(args, 0, 'reverse', at);
      return l.ok ? list([...l.v].reverse(), at) : l.err;
    },
  },
  sort: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const l = listArg(args, 0, 'sort', at);
      if (!l.ok) return l.err;
      const ss: string[] = [];
      for (const x of l.v) {
        const s = primitiveString(x);
        if (s === undefined) return errorValue('sort(): elements must be strings', x.at);
        ss.push(s);
      }
      return list(ss.sort(compareStrings).map((s) => str(s, at)), at);
    },
  },
  range: {
    min: 1,
    max: 3,
    fn: (args, at) => {
      const ns: number[] = [];
      for (let i = 0; i < args.length; i++) {
        const n = numberArg(args, i, 'range', at);
        if (!n.ok) return n.err;
        ns.push(n.v);
      }
      const [start, end, step] = ns.length === 1 ? [0, ns[0] as number, 1] : [ns[0] as number, ns[1] as number, ns[2] ?? ((ns[0] as number) <= (ns[1] as number) ? 1 : -1)];
      if (step === 0) return errorValue('range(): the step must not be zero', at);
      const out: Value[] = [];
      for (let x = start; step > 0 ? x < end : x > end; x += step) {
        out.push(num(x, at));
        if (out.length > 1024) return errorValue('range(): more than 1024 elements', at);
      }
      return list(out, at);
    },
  },
  zipmap: {
    min: 2,
    max: 2,
    partial: true,
    fn: (args, at) => {
      const k = args[0] as Value;
      const v = args[1] as Value;
      if (k.t === 'unknown' || containsUnknown(k) || v.t === 'unknown') return derivedUnknown([k, v], at);
      const ks = listArg(args, 0, 'zipmap', at);
      const vs = listArg(args, 1, 'zipmap', at);
      if (!ks.ok) return ks.err;
      if (!vs.ok) return vs.err;
      if (ks.v.length !== vs.v.length) return errorValue('zipmap(): the lists must have the same length', at);
      const fields = new Map<string, Value>();
      for (let i = 0; i < ks.v.length; i++) {
        const key = primitiveString(ks.v[i] as Value);
        if (key === undefined) return errorValue('zipmap(): keys must be strings', at);
        fields.set(key, vs.v[i] as Value);
      }
      return obj(fields, at);
    },
  },
  setunion: {
    min: 1,
    fn: (args, at) => {
      const sets = setArgs(args, 'setunion', at);
      return Array.isArray(sets) ? list(asSet(sets.flat()), at) : sets;
    },
  },
  setintersection: {
    min: 1,
    fn: (args, at) => {
      const sets = setArgs(args, 'setintersection', at);
      if (!Array.isArray(sets)) return sets;
      const [first, ...rest] = sets;
      const keep = (first ?? []).filter((x) => rest.every((s) => s.some((y) => deepEqual(x, y))));
      return list(asSet(keep), at);
    },
  },
  setsubtract: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const sets = setArgs(args, 'setsubtract', at);
      if (!Array.isArray(sets)) return sets;
      const [a, b] = sets as [readonly Value[], readonly Value[]];
      return list(asSet(a.filter((x) => !b.some((y) => deepEqual(x, y)))), at);
    },
  },
  setproduct: {
    min: 1,
    fn: (args, at) => {
      const sets = setArgs(args, 'setproduct', at);
      if (!Array.isArray(sets)) return sets;
      let acc: Value[][] = [[]];
      for (const s of sets) {
        acc = acc.flatMap((prefix) => s.map((x) => [...prefix, x]));
        if (acc.length > 100_000) return errorValue('setproduct(): result too large', at);
      }
      return list(acc.map((row) => list(row, at)), at);
    },
  },
  one: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return derivedUnknown([a], at);
      const l = listArg(args, 0, 'one', at);
      if (!l.ok) return l.err;
      if (l.v.length === 0) return nul(at);
      if (l.v.length === 1) return l.v[0] as Value;
      return errorValue(`one(): the list has ${l.v.length} elements`, at);
    },
  },
  sum: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const ns = numbers(args, 'sum', at);
      return Array.isArray(ns) ? num(ns.reduce((a, b) => a + b, 0), at) : ns;
    },
  },
  min: {
    min: 1,
    fn: (args, at) => {
      const ns = numbers(args, 'min', at);
      return Array.isArray(ns) ? num(Math.min(...ns), at) : ns;
    },
  },
  max: {
    min: 1,
    fn: (args, at) => {
      const ns = numbers(args, 'max', at);
      return Array.isArray(ns) ? num(Math.max(...ns), at) : ns;
    },
  },
  alltrue: boolFold('alltrue', false),
  anytrue: boolFold('anytrue', true),
  chunklist: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const l = listArg(args, 0, 'chunklist', at);
      const n = numberArg(args, 1, 'chunklist', at);
      if (!l.ok) return l.err;
      if (!n.ok) return n.err;
      if (n.v < 0) return errorValue('chunklist(): the size must not be negative', at);
      if (n.v === 0) return list([list(l.v, at)], at);
      const out: Value[] = [];
      for (let i = 0; i < l.v.length; i += n.v) out.push(list(l.v.slice(i, i + n.v), at));
      return list(out, at);
    },
  },
  matchkeys: {
    min: 3,
    max: 3,
    fn: (args, at) => {
      const vs = listArg(args, 0, 'matchkeys', at);
      const ks = listArg(args, 1, 'matchkeys', at);
      const search = listArg(args, 2, 'matchkeys', at);
      if (!vs.ok) return vs.err;
      if (!ks.ok) return ks.err;
      if (!search.ok) return search.err;
      if (vs.v.length !== ks.v.length) return errorValue('matchkeys(): the lists must have the same length', at);
      return list(vs.v.filter((_, i) => search.v.some((s) => deepEqual(s, ks.v[i] as Value))), at);
    },
  },
  transpose: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const m = objectArg(args, 0, 'transpose', at);
      if (!m.ok) return m.err;
      const out = new Map<string, string[]>();
      for (const [k, v] of m.v) {
        if (v.t !== 'list') return errorValue('transpose(): values must be lists of strings', v.at);
        for (const x of v.items) {
          const s = primitiveString(x);
          if (s === undefined) return errorValue('transpose(): values must be lists of strings', x.at);
          const g = out.get(s);
          if (g) g.push(k);
          else out.set(s, [k]);
        }
      }
      return obj(new Map([...out].map(([k, ks]) => [k, list(ks.sort(compareStrings).map((x) => str(x, at)), at)])), at);
    },
  },
  sensitive: { min: 1, max: 1, partial: true, fn: (args) => args[0] as Value },
  nonsensitive: { min: 1, max: 1, partial: true, fn: (args) => args[0] as Value },
  type: { min: 1, max: 1, partial: true, fn: (args, at) => str(args[0]?.t ?? 'dynamic', at) },
};
