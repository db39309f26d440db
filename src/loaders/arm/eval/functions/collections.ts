import type { ObjectValue, Value } from '../../../common/value.js';
import { bool, list, nul, num, obj, str, unknownValue } from '../../../common/value.js';
import type { CallCtx, FnTable } from '../scope.js';
import { deepEquals, getField, isTruthyBool } from '../values.js';
import { int, text } from './util.js';

/**
 * Array, object, comparison, logical and numeric functions.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
 */

/** Documented limit on `range()` counts. */
const MAX_RANGE = 10_000;

/** `union` of objects merges nested objects recursively; the last value wins for other duplicate keys. */
function mergeObjects(c: CallCtx, a: ObjectValue, b: ObjectValue, depth = 0): ObjectValue {
  const out = new Map(a.fields);
  for (const [k, v] of b.fields) {
    const existingKey = [...out.keys()].find((x) => x.toLowerCase() === k.toLowerCase());
    const existing = existingKey !== undefined ? out.get(existingKey) : undefined;
    if (existingKey !== undefined) out.delete(existingKey);
    out.set(existingKey ?? k, existing?.t === 'object' && v.t === 'object' && depth < 32 ? mergeObjects(c, existing, v, depth + 1) : v);
  }
  return obj(out, c.at);
}

function union(c: CallCtx, args: readonly Value[]): Value {
  if (args.every((a) => a.t === 'list')) {
    const items: Value[] = [];
    for (const a of args) {
      for (const it of (a as Extract<Value, { t: 'list' }>).items) {
        if (!items.some((x) => deepEquals(x, it) === true)) items.push(it);
      }
    }
    return list(items, c.at);
  }
  if (args.every((a) => a.t === 'object' || a.t === 'null')) {
    let acc: ObjectValue = obj(new Map(), c.at);
    for (const a of args) if (a.t === 'object') acc = mergeObjects(c, acc, a);
    return acc;
  }
  return c.error('`union` expects all arrays or all objects');
}

function intersection(c: CallCtx, args: readonly Value[]): Value {
  const [first, ...rest] = args;
  if (first?.t === 'list' && rest.every((a) => a.t === 'list')) {
    const items = first.items.filter((it) => rest.every((r) => (r as Extract<Value, { t: 'list' }>).items.some((x) => deepEquals(x, it) === true)));
    return list(items, c.at);
  }
  if (first?.t === 'object' && rest.every((a) => a.t === 'object')) {
    const out = new Map<string, Value>();
    for (const [k, v] of first.fields) {
      if (rest.every((r) => {
        const o = getField(r as ObjectValue, k);
        return o !== undefined && deepEquals(o, v) === true;
      })) out.set(k, v);
    }
    return obj(out, c.at);
  }
  return c.error('`intersection` expects all arrays or all objects');
}

/** Ordinal comparison of two ints or two strings; undefined when they cannot be compared. */
function compare(a: Value, b: Value): number | undefined {
  if (a.t === 'number' && b.t === 'number') return a.v - b.v;
  if (a.t === 'string' && b.t === 'string') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  return undefined;
}

function comparison(test: (d: number) => boolean): FnTable[string] {
  return {
    min: 2, max: 2,
    run(c, [a, b]) {
      const d = compare(a as Value, b as Value);
      return d === undefined ? c.error(`\`${c.name}\` compares two ints or two strings`) : bool(test(d), c.at);
    },
  };
}

function numbers(c: CallCtx, args: readonly Value[]): number[] | Value {
  const flat = args.length === 1 && args[0]?.t === 'list' ? args[0].items : args;
  const out: number[] = [];
  for (const a of flat) {
    if (a.t === 'unknown') return unknownValue(a.why, c.at, a.refs);
    const n = int(a);
    if (n === undefined || a.t !== 'number') return c.error(`\`${c.name}\` expects integers`);
    out.push(a.v);
  }
  return out;
}

function arith(f: (a: number, b: number) => number | undefined): FnTable[string] {
  return {
    min: 2, max: 2,
    run(c, [a, b]) {
      if (a?.t !== 'number' || b?.t !== 'number') return c.error(`\`${c.name}\` expects two integers`);
      const r = f(a.v, b.v);
      return r === undefined || !Number.isFinite(r) ? c.error(`\`${c.name}\` is undefined for these operands`, 'invalid-value') : num(r, c.at);
    },
  };
}

/** `and`/`or` with three-valued logic: one decisive known operand decides even when others are unknown. */
function logical(decisive: boolean): FnTable[string] {
  return {
    min: 2, handlesUnknown: true,
    run(c, args) {
      let unknown: Value | undefined;
      for (const a of args) {
        const b = isTruthyBool(a);
        if (b === decisive) return bool(decisive, c.at);
        if (b === 'unknown') unknown ??= a.t === 'unknown' ? unknownValue(a.why, c.at, a.refs) : a;
        else if (b === undefined) return c.error(`\`${c.name}\` expects booleans`);
      }
      return unknown ?? bool(!decisive, c.at);
    },
  };
}

export const COLLECTION_FUNCTIONS: FnTable = {
  array: { min: 1, max: 1, run: (c, [v]) => (v?.t === 'list' ? v : list([v as Value], c.at)) },
  createarray: { min: 0, handlesUnknown: true, run: (c, a) => list(a, c.at) },
  createobject: {
    min: 0, handlesUnknown: true,
    run(c, a) {
      if (a.length % 2 !== 0) return c.error('`createObject` takes key/value pairs');
      const m = new Map<string, Value>();
      for (let i = 0; i < a.length; i += 2) {
        const k = a[i] as Value;
        if (k.t === 'unknown') return unknownValue(k.why, c.at, k.refs);
        if (k.t !== 'string') return c.error('`createObject` keys must be strings');
        m.set(k.v, a[i + 1] as Value);
      }
      return obj(m, c.at);
    },
  },
  null: { min: 0, max: 0, run: (c) => nul(c.at) },
  union: { min: 1, run: union },
  intersection: { min: 2, run: intersection },
  flatten: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t !== 'list') return c.error('`flatten` expects an array of arrays');
      const items: Value[] = [];
      for (const it of v.items) {
        if (it.t === 'unknown') return unknownValue(it.why, c.at, it.refs);
        if (it.t !== 'list') return c.error('`flatten` expects an array of arrays');
        items.push(...it.items);
      }
      return list(items, c.at);
    },
  },
  items: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t !== 'object') return c.error('`items` expects an object');
      // Entries come back sorted by key (ordinal, case-insensitive as ARM compares keys).
      const keys = [...v.fields.keys()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
      return list(keys.map((k) => obj(new Map<string, Value>([['key', str(k, c.at)], ['value', v.fields.get(k) as Value]]), c.at)), c.at);
    },
  },
  objectkeys: { min: 1, max: 1, run: (c, [v]) => (v?.t === 'object' ? list([...v.fields.keys()].map((k) => str(k, c.at)), c.at) : c.error('`objectKeys` expects an object')) },
  shallowmerge: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t !== 'list') return c.error('`shallowMerge` expects an array of objects');
      const m = new Map<string, Value>();
      for (const it of v.items) {
        if (it.t === 'unknown') return unknownValue(it.why, c.at, it.refs);
        if (it.t !== 'object') return c.error('`shallowMerge` expects an array of objects');
        for (const [k, f] of it.fields) m.set(k, f);
      }
      return obj(m, c.at);
    },
  },
  tryget: {
    min: 2, handlesUnknown: true,
    run(c, [target, ...keys]) {
      let cur = target as Value;
      for (const k of keys) {
        if (cur.t === 'unknown') return unknownValue(cur.why, c.at, cur.refs);
        if (k.t === 'unknown') return unknownValue(k.why, c.at, k.refs);
        if (cur.t === 'object' && k.t === 'string') cur = getField(cur, k.v) ?? nul(c.at);
        else if (cur.t === 'list' && k.t === 'number') cur = cur.items[k.v] ?? nul(c.at);
        else return nul(c.at);
      }
      return cur;
    },
  },
  range: {
    min: 2, max: 2,
    run(c, [s, n]) {
      const start = int(s as Value);
      const count = int(n as Value);
      if (start === undefined || count === undefined || count < 0) return c.error('`range` expects a start and a non-negative count');
      if (count > MAX_RANGE) return c.error(`\`range\` count ${count} exceeds the limit of ${MAX_RANGE}`, 'invalid-value');
      return list(Array.from({ length: count }, (_, i) => num(start + i, c.at)), c.at);
    },
  },
  min: {
    min: 1,
    run(c, a) {
      const ns = numbers(c, a);
      return Array.isArray(ns) ? (ns.length ? num(Math.min(...ns), c.at) : c.error('`min` of nothing')) : ns;
    },
  },
  max: {
    min: 1,
    run(c, a) {
      const ns = numbers(c, a);
      return Array.isArray(ns) ? (ns.length ? num(Math.max(...ns), c.at) : c.error('`max` of nothing')) : ns;
    },
  },
  // Comparison
  equals: {
    min: 2, max: 2, handlesUnknown: true,
    run(c, [a, b]) {
      const r = deepEquals(a as Value, b as Value);
      if (r !== 'unknown') return bool(r, c.at);
      const u = [a, b].find((x) => x?.t === 'unknown');
      return u?.t === 'unknown' ? unknownValue(u.why, c.at, u.refs) : unknownValue('`equals` compares values holding unknowns', c.at);
    },
  },
  less: comparison((d) => d < 0),
  lessorequals: comparison((d) => d <= 0),
  greater: comparison((d) => d > 0),
  greaterorequals: comparison((d) => d >= 0),
  coalesce: {
    min: 1, handlesUnknown: true,
    run(c, a) {
      for (const v of a) {
        if (v.t === 'unknown') return unknownValue(v.why, c.at, v.refs);
        if (v.t !== 'null') return v;
      }
      return nul(c.at);
    },
  },
  // Logical
  and: logical(false),
  or: logical(true),
  not: {
    min: 1, max: 1,
    run(c, [v]) {
      const b = isTruthyBool(v as Value);
      return typeof b === 'boolean' ? bool(!b, c.at) : c.error('`not` expects a boolean');
    },
  },
  bool: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t === 'number') return bool(v.v !== 0, c.at);
      const b = isTruthyBool(v as Value);
      return typeof b === 'boolean' ? bool(b, c.at) : c.error('`bool` expects "true", "false", 0 or 1', 'invalid-value');
    },
  },
  true: { min: 0, max: 0, run: (c) => bool(true, c.at) },
  false: { min: 0, max: 0, run: (c) => bool(false, c.at) },
  if: {
    min: 3, max: 3, lazy: true,
    run(c, _a, [cond, whenTrue, whenFalse]) {
      // Only the branch the condition selects is evaluated, so it may hold expressions valid only in that case.
      // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical#if
      const v = c.evaluate(cond!);
      const b = isTruthyBool(v);
      if (b === true) return c.evaluate(whenTrue!);
      if (b === false) return c.evaluate(whenFalse!);
      if (b === 'unknown' && v.t === 'unknown') return unknownValue(v.why, c.at, v.refs);
      return c.error('`if` condition is not a boolean');
    },
  },
  // Numeric
  add: arith((a, b) => a + b),
  sub: arith((a, b) => a - b),
  mul: arith((a, b) => a * b),
  div: arith((a, b) => (b === 0 ? undefined : Math.trunc(a / b))),
  mod: arith((a, b) => (b === 0 ? undefined : a % b)),
  int: {
    min: 1, max: 1,
    run(c, [v]) {
      const n = int(v as Value);
      return n === undefined ? c.error('`int` expects an integer or a string holding one', 'invalid-value') : num(n, c.at);
    },
  },
  float: {
    min: 1, max: 1,
    run(c, [v]) {
      const s = text(v as Value);
      const n = s === undefined ? NaN : Number(s);
      return Number.isFinite(n) ? num(n, c.at) : c.error('`float` expects a number', 'invalid-value');
    },
  },
};
