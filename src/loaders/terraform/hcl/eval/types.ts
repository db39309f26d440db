import type { Provenance } from '../../../../model/core/index.js';
import type { Value } from '../../../common/value.js';
import type { Expr } from '../syntax/ast.js';
import { canonical, errorValue, isError, list, num, obj, primitiveString, str, bool, compareStrings } from './values.js';

/** A variable's type constraint: https://developer.hashicorp.com/terraform/language/expressions/type-constraints */
export type TypeConstraint =
  | { readonly k: 'any' | 'string' | 'number' | 'bool' }
  | { readonly k: 'list' | 'set' | 'map'; readonly el: TypeConstraint }
  | { readonly k: 'tuple'; readonly els: readonly TypeConstraint[] }
  | { readonly k: 'object'; readonly attrs: ReadonlyMap<string, ObjectAttr> };

export interface ObjectAttr {
  readonly type: TypeConstraint;
  readonly optional: boolean;
  /** `optional(type, default)`: the default's expression (a constant). */
  readonly def: Expr | null;
}

const ANY: TypeConstraint = { k: 'any' };

export function parseType(e: Expr | undefined): TypeConstraint {
  if (!e) return ANY;
  switch (e.k) {
    case 'var':
      return e.name === 'string' || e.name === 'number' || e.name === 'bool' ? { k: e.name } : ANY;
    case 'lit':
      // Terraform 0.11 quoted types: "string", "list", "map".
      if (e.v === 'string') return { k: 'string' };
      if (e.v === 'list') return { k: 'list', el: ANY };
      if (e.v === 'map') return { k: 'map', el: ANY };
      return ANY;
    case 'paren':
      return parseType(e.x);
    case 'call': {
      const a = e.args[0];
      switch (e.name) {
        case 'list':
        case 'set':
        case 'map':
          return { k: e.name, el: parseType(a) };
        case 'tuple':
          return { k: 'tuple', els: a?.k === 'tuple' ? a.items.map((x) => parseType(x)) : [] };
        case 'object': {
          const attrs = new Map<string, ObjectAttr>();
          if (a?.k === 'object') {
            for (const it of a.items) {
              if (it.key.k !== 'lit' || typeof it.key.v !== 'string') continue;
              const v = it.val;
              if (v.k === 'call' && v.name === 'optional') attrs.set(it.key.v, { type: parseType(v.args[0]), optional: true, def: v.args[1] ?? null });
              else attrs.set(it.key.v, { type: parseType(v), optional: false, def: null });
            }
          }
          return { k: 'object', attrs };
        }
        default:
          return ANY;
      }
    }
    default:
      return ANY;
  }
}

export function isPrimitiveType(t: TypeConstraint): boolean {
  return t.k === 'string' || t.k === 'number' || t.k === 'bool';
}

/**
 * Converts a value to a type constraint as Terraform does for variables: primitive conversions, set dedup, object
 * attributes selected, missing optional attributes defaulted. `evalDefault` evaluates an `optional()` default.
 */
export function convert(v: Value, t: TypeConstraint, at: Provenance, evalDefault: (e: Expr) => Value, depth = 0): Value {
  if (isError(v) || t.k === 'any') return v;
  if (depth > 100) return errorValue('type nested too deeply', at);
  if (v.t === 'unknown') return v;
  if (v.t === 'null') return v;
  switch (t.k) {
    case 'string': {
      const s = primitiveString(v);
      return s === undefined ? errorValue(`a string is required, got ${v.t}`, v.at) : v.t === 'string' ? v : str(s, v.at);
    }
    case 'number': {
      if (v.t === 'number') return v;
      if (v.t === 'string' && v.v.trim() !== '' && !Number.isNaN(Number(v.v))) return num(Number(v.v), v.at);
      return errorValue(`a number is required, got ${v.t === 'string' ? JSON.stringify(v.v) : v.t}`, v.at);
    }
    case 'bool': {
      if (v.t === 'bool') return v;
      if (v.t === 'string' && (v.v === 'true' || v.v === 'false')) return bool(v.v === 'true', v.at);
      return errorValue(`a bool is required, got ${v.t === 'string' ? JSON.stringify(v.v) : v.t}`, v.at);
    }
    case 'list':
    case 'set': {
      if (v.t !== 'list') return errorValue(`a ${t.k} is required, got ${v.t}`, v.at);
      const items = v.items.map((x) => convert(x, t.el, at, evalDefault, depth + 1));
      return list(t.k === 'set' ? asSet(items) : items, v.at);
    }
    case 'tuple': {
      if (v.t !== 'list') return errorValue(`a tuple is required, got ${v.t}`, v.at);
      return list(v.items.map((x, i) => convert(x, t.els[i] ?? ANY, at, evalDefault, depth + 1)), v.at);
    }
    case 'map': {
      if (v.t !== 'object') return errorValue(`a map is required, got ${v.t}`, v.at);
      const m = new Map<string, Value>();
      for (const [k, x] of v.fields) m.set(k, convert(x, t.el, at, evalDefault, depth + 1));
      return obj(m, v.at);
    }
    case 'object': {
      if (v.t !== 'object') return errorValue(`an object is required, got ${v.t}`, v.at);
      const m = new Map<string, Value>();
      for (const [k, a] of t.attrs) {
        const x = v.fields.get(k);
        if (x === undefined || x.t === 'null') {
          if (!a.optional && x === undefined) return errorValue(`attribute \`${k}\` is required`, v.at);
          m.set(k, a.def ? convert(evalDefault(a.def), a.type, at, evalDefault, depth + 1) : { t: 'null', at: v.at });
          continue;
        }
        m.set(k, convert(x, a.type, at, evalDefault, depth + 1));
      }
      return obj(m, v.at);
    }
  }
}

/** Set semantics on a list: duplicates dropped; strings (the usual case) in lexical order, as Terraform iterates them. */
export function asSet(items: readonly Value[]): Value[] {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const i of items) {
    if (i.t === 'unknown') {
      out.push(i);
      continue;
    }
    const c = canonical(i);
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(i);
  }
  if (out.every((i) => i.t === 'string')) out.sort((a, b) => compareStrings((a as { v: string }).v, (b as { v: string }).v));
  return out;
}

