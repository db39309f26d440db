import type { Provenance } from '../../../../model/core/index.js';
import type { UnknownValue, Value } from '../../../common/value.js';
import { withParts, withoutParts } from '../../../common/value.js';
import type { Expr, Step, TemplatePart } from '../syntax/ast.js';
import { asBool, asNumber } from './coerce.js';
import { callFunction } from './functions/index.js';
import type { ResolvedStep, Scope } from './scope.js';
import { bind, lookupFrame, openInfo } from './scope.js';
import {
  bool, containsUnknown, deepEqual, derivedUnknown, errorValue, formatNumber, isError, list, nul, num, obj, primitiveString,
  sortedKeys, str, unknownOf,
} from './values.js';

/**
 * Evaluates a Terraform expression: https://developer.hashicorp.com/terraform/language/expressions
 * Never throws for bad configuration: errors are error values (see values.ts), unknowns carry their reason and the
 * resources they derive from. Recursion is bounded by the syntax tree's depth (capped at parse time).
 */
export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.k) {
    case 'lit':
      if (e.v === null) return nul(e.at);
      if (typeof e.v === 'string') return str(e.v, e.at);
      if (typeof e.v === 'number') return num(e.v, e.at);
      return bool(e.v, e.at);
    case 'template':
      return template(e.parts, e.at, scope);
    case 'tuple': {
      const items = e.items.map((x) => evaluate(x, scope));
      const err = items.find(isError);
      return err ?? list(items, e.at);
    }
    case 'object':
      return objectCons(e, scope);
    case 'var':
    case 'attr':
    case 'index':
      return traversal(e, scope);
    case 'splat':
      return splat(e.x, e.steps, e.at, scope);
    case 'paren':
      return evaluate(e.x, scope);
    case 'call':
      return call(e, scope);
    case 'for':
      return forExpr(e, scope);
    case 'cond': {
      const c = evaluate(e.cond, scope);
      if (c.t === 'unknown') return derivedUnknown([c], e.at);
      const b = asBool(c);
      if (b === undefined) return errorValue(`the condition must be a bool, got ${c.t}`, e.cond.at);
      return evaluate(b ? e.then : e.else, scope);
    }
    case 'unary': {
      const x = evaluate(e.x, scope);
      if (x.t === 'unknown') return derivedUnknown([x], e.at);
      if (e.op === '!') {
        const b = asBool(x);
        return b === undefined ? errorValue(`\`!\` needs a bool, got ${x.t}`, e.at) : bool(!b, e.at);
      }
      const n = asNumber(x);
      return n === undefined ? errorValue(`\`-\` needs a number, got ${x.t}`, e.at) : num(-n, e.at);
    }
    case 'binary':
      return binary(e.op, e.l, e.r, e.at, scope);
    case 'bad':
      // Already reported when parsed (syntax error, too deep): unknown, not a second diagnostic.
      return unknownOf(e.why, e.at);
  }
}

function objectCons(e: Extract<Expr, { k: 'object' }>, scope: Scope): Value {
  const fields = new Map<string, Value>();
  const unknownKeys: Value[] = [];
  for (const it of e.items) {
    const k = evaluate(it.key, scope);
    if (isError(k)) return k;
    if (k.t === 'unknown') {
      unknownKeys.push(k);
      continue;
    }
    const ks = primitiveString(k);
    if (ks === undefined) return errorValue(`an object key must be a string, got ${k.t}`, it.key.at);
    const v = evaluate(it.val, scope);
    if (isError(v)) return v;
    fields.set(ks, v);
  }
  // An unknown key makes the whole object's type unknown.
  if (unknownKeys.length > 0) return derivedUnknown(unknownKeys, e.at);
  return obj(fields, e.at);
}

function template(parts: readonly TemplatePart[], at: Provenance, scope: Scope): Value {
  // A template that is only `${expr}` yields the value itself, whatever its type.
  const only = parts[0];
  if (parts.length === 1 && only?.k === 'interp') return evaluate(only.e, scope);
  const out: (string | UnknownValue)[] = [];
  const unknowns: UnknownValue[] = [];
  const r = renderParts(parts, scope, out, unknowns);
  if (r) return r;
  if (unknowns.length > 0) {
    // The literal text around unknown interpolations stays known (`"${aws_s3_bucket.b.arn}/*"`).
    const u = derivedUnknown(unknowns, at);
    return u.t === 'unknown' && !isError(u) ? withParts(u, out) : u;
  }
  return str(out.join(''), at);
}

/**
 * Renders template parts into `out`; returns an error value if one occurs. Unknown parts are collected, and kept
 * in `out` in their place.
 */
function renderParts(parts: readonly TemplatePart[], scope: Scope, out: (string | UnknownValue)[], unknowns: UnknownValue[]): Value | undefined {
  for (const p of parts) {
    switch (p.k) {
      case 'text':
        out.push(p.s);
        break;
      case 'interp': {
        const v = evaluate(p.e, scope);
        if (isError(v)) return v;
        if (v.t === 'unknown') {
          unknowns.push(v);
          out.push(v);
          break;
        }
        if (v.t === 'null') return errorValue('a null value cannot be used in a string template', p.e.at);
        const s = primitiveString(v);
        if (s === undefined) return errorValue(`a ${v.t} cannot be used in a string template`, p.e.at);
        out.push(s);
        break;
      }
      case 'if': {
        const c = evaluate(p.cond, scope);
        if (isError(c)) return c;
        if (c.t === 'unknown') {
          // Either branch may be rendered: one unknown part stands for whichever it is.
          unknowns.push(c);
          out.push(withoutParts(c));
          break;
        }
        const b = asBool(c);
        if (b === undefined) return errorValue(`the condition must be a bool, got ${c.t}`, p.cond.at);
        const r = renderParts(b ? p.then : p.else, scope, out, unknowns);
        if (r) return r;
        break;
      }
      case 'for': {
        const coll = evaluate(p.coll, scope);
        if (isError(coll)) return coll;
        if (coll.t === 'unknown') {
          unknowns.push(coll);
          out.push(withoutParts(coll));
          break;
        }
        const pairs = iterate(coll);
        if (!pairs) return errorValue(`cannot iterate over a ${coll.t}`, p.coll.at);
        for (const [k, v] of pairs) {
          const s = bind(scope, p.keyVar ? { [p.keyVar]: k, [p.valVar]: v } : { [p.valVar]: v });
          const r = renderParts(p.body, s, out, unknowns);
          if (r) return r;
        }
        break;
      }
    }
  }
  return undefined;
}

/** Key/value pairs of a collection: list index → item, map key (lexical order) → value. */
export function iterate(v: Value): [Value, Value][] | undefined {
  if (v.t === 'list') return v.items.map((x, i) => [num(i, x.at), x]);
  if (v.t === 'object') return sortedKeys(v).map((k) => [str(k, v.at), v.fields.get(k) as Value]);
  return undefined;
}

function forExpr(e: Extract<Expr, { k: 'for' }>, scope: Scope): Value {
  const coll = evaluate(e.coll, scope);
  if (isError(coll)) return coll;
  if (coll.t === 'unknown') return derivedUnknown([coll], e.at);
  const pairs = iterate(coll);
  if (!pairs) return errorValue(`a for expression needs a list, set, map or object, got ${coll.t}`, e.coll.at);
  const items: Value[] = [];
  const fields = new Map<string, Value>();
  const groups = new Map<string, Value[]>();
  for (const [k, v] of pairs) {
    const s = bind(scope, e.keyVar ? { [e.keyVar]: k, [e.valVar]: v } : { [e.valVar]: v });
    if (e.cond) {
      const c = evaluate(e.cond, s);
      if (isError(c)) return c;
      if (c.t === 'unknown') return derivedUnknown([c], e.at);
      const b = asBool(c);
      if (b === undefined) return errorValue(`a for condition must be a bool, got ${c.t}`, e.cond.at);
      if (!b) continue;
    }
    const val = evaluate(e.valExpr, s);
    if (isError(val)) return val;
    if (!e.keyExpr) {
      items.push(val);
      continue;
    }
    const key = evaluate(e.keyExpr, s);
    if (isError(key)) return key;
    if (key.t === 'unknown') return derivedUnknown([key], e.at);
    const ks = primitiveString(key);
    if (ks === undefined) return errorValue(`a for expression key must be a string, got ${key.t}`, e.keyExpr.at);
    if (e.group) {
      const g = groups.get(ks);
      if (g) g.push(val);
      else groups.set(ks, [val]);
    } else {
      if (fields.has(ks)) return errorValue(`duplicate key \`${ks}\` in a for expression (use \`...\` to group)`, e.keyExpr.at);
      fields.set(ks, val);
    }
  }
  if (!e.keyExpr) return list(items, e.at);
  if (e.group) for (const [k, g] of groups) fields.set(k, list(g, e.at));
  return obj(fields, e.at);
}

function binary(op: Extract<Expr, { k: 'binary' }>['op'], le: Expr, re: Expr, at: Provenance, scope: Scope): Value {
  const l = evaluate(le, scope);
  if (isError(l)) return l;
  // Logical operators: a known operand can decide alone (false && x, true || x).
  if (op === '&&' || op === '||') {
    const lb = l.t === 'unknown' ? undefined : asBool(l);
    if (l.t !== 'unknown' && lb === undefined) return errorValue(`\`${op}\` needs bools, got ${l.t}`, le.at);
    if (op === '&&' && lb === false) return bool(false, at);
    if (op === '||' && lb === true) return bool(true, at);
    const r = evaluate(re, scope);
    if (isError(r)) return r;
    const rb = r.t === 'unknown' ? undefined : asBool(r);
    if (r.t !== 'unknown' && rb === undefined) return errorValue(`\`${op}\` needs bools, got ${r.t}`, re.at);
    if (op === '&&' && rb === false) return bool(false, at);
    if (op === '||' && rb === true) return bool(true, at);
    if (lb === undefined || rb === undefined) return derivedUnknown([l, r], at);
    return bool(op === '&&' ? lb && rb : lb || rb, at);
  }
  const r = evaluate(re, scope);
  if (isError(r)) return r;
  if (op === '==' || op === '!=') {
    if (containsUnknown(l) || containsUnknown(r)) return derivedUnknown([l, r], at);
    const eq = deepEqual(l, r) || looseNumberEqual(l, r);
    return bool(op === '==' ? eq : !eq, at);
  }
  if (l.t === 'unknown' || r.t === 'unknown') return derivedUnknown([l, r], at);
  const a = asNumber(l);
  const b = asNumber(r);
  if (a === undefined || b === undefined) return errorValue(`\`${op}\` needs numbers, got ${l.t} and ${r.t}`, at);
  switch (op) {
    case '+': return num(a + b, at);
    case '-': return num(a - b, at);
    case '*': return num(a * b, at);
    case '/': return b === 0 ? errorValue('division by zero', at) : num(a / b, at);
    case '%': return b === 0 ? errorValue('modulo by zero', at) : num(a % b, at);
    case '<': return bool(a < b, at);
    case '<=': return bool(a <= b, at);
    case '>': return bool(a > b, at);
    case '>=': return bool(a >= b, at);
  }
}

/** `1 == "1"` is false in Terraform (no conversion for equality) except numbers that differ only in form. */
function looseNumberEqual(l: Value, r: Value): boolean {
  return l.t === 'number' && r.t === 'number' && formatNumber(l.v) === formatNumber(r.v);
}

// ---- references and traversals -------------------------------------------------------------------------------

function traversal(e: Expr, scope: Scope): Value {
  const steps: Step[] = [];
  let root: Expr = e;
  while (root.k === 'attr' || root.k === 'index') {
    steps.push(root.k === 'attr' ? { k: 'attr', name: root.name, at: root.at } : { k: 'index', i: root.i, at: root.at });
    root = root.x;
  }
  steps.reverse();
  const resolved: ResolvedStep[] = [];
  for (const s of steps) {
    if (s.k === 'attr') resolved.push(s);
    else {
      const key = evaluate(s.i, scope);
      if (isError(key)) return key;
      resolved.push({ k: 'index', key, at: s.at });
    }
  }
  if (root.k !== 'var') return applySteps(evaluate(root, scope), resolved, 0, e.at);
  const r = resolveRoot(root.name, root.at, resolved, scope, e.at);
  return applySteps(r.value, resolved, r.consumed, e.at);
}

function stepName(s: ResolvedStep | undefined): string | undefined {
  return s?.k === 'attr' ? s.name : undefined;
}

function resolveRoot(name: string, at: Provenance, steps: readonly ResolvedStep[], scope: Scope, whole: Provenance): { value: Value; consumed: number } {
  const bound = lookupFrame(scope.frame, name);
  if (bound) return { value: bound, consumed: 0 };
  const mod = scope.mod;
  const first = stepName(steps[0]);
  switch (name) {
    case 'count':
    case 'each':
      return { value: errorValue(`\`${name}\` is only available in a block that sets \`${name === 'each' ? 'for_each' : 'count'}\``, at), consumed: 0 };
    case 'self':
      return { value: unknownOf('`self` is only known while provisioning', at), consumed: 0 };
    case 'terraform':
      if (first === 'workspace') return { value: str('default', whole), consumed: 1 };
      return { value: unknownOf('`terraform` attributes are not evaluated', at), consumed: steps.length };
    default:
      break;
  }
  if (!mod) return { value: errorValue(`\`${name}\` cannot be referenced here (only constant values are allowed)`, at), consumed: 0 };
  switch (name) {
    case 'var':
      if (first === undefined) return { value: errorValue('`var` must be followed by a variable name', at), consumed: 0 };
      return { value: mod.variable(first, whole), consumed: 1 };
    case 'local':
      if (first === undefined) return { value: errorValue('`local` must be followed by a name', at), consumed: 0 };
      return { value: mod.local(first, whole), consumed: 1 };
    case 'module':
      if (first === undefined) return { value: errorValue('`module` must be followed by a module name', at), consumed: 0 };
      {
        const r = mod.module(first, steps.slice(1), whole);
        return { value: r.value, consumed: 1 + r.consumed };
      }
    case 'path': {
      const p = first !== undefined ? mod.path(first) : undefined;
      return p === undefined ? { value: errorValue(`unknown \`path\` attribute`, at), consumed: 1 } : { value: str(p, whole), consumed: 1 };
    }
    case 'data': {
      const type = first;
      const rname = stepName(steps[1]);
      if (type === undefined || rname === undefined) return { value: errorValue('`data` must be followed by a type and a name', at), consumed: 0 };
      const v = mod.resource('data', type, rname, whole);
      return v ? { value: v, consumed: 2 } : { value: errorValue(`reference to undeclared data source \`data.${type}.${rname}\``, whole), consumed: 2 };
    }
    default: {
      if (first === undefined) return { value: errorValue(`unknown name \`${name}\``, at), consumed: 0 };
      const v = mod.resource('managed', name, first, whole);
      return v ? { value: v, consumed: 1 } : { value: errorValue(`reference to undeclared resource \`${name}.${first}\``, whole), consumed: 1 };
    }
  }
}

export function applySteps(v: Value, steps: readonly ResolvedStep[], from: number, at: Provenance): Value {
  let cur = v;
  for (let i = from; i < steps.length; i++) {
    cur = applyStep(cur, steps[i] as ResolvedStep, at);
    if (isError(cur)) return cur;
  }
  return cur;
}

export function applyStep(v: Value, s: ResolvedStep, at: Provenance): Value {
  if (isError(v)) return v;
  if (v.t === 'unknown') return derivedUnknown([v], at);
  if (s.k === 'attr') return getKey(v, s.name, at);
  const key = s.key;
  if (key.t === 'unknown') {
    const info = v.t === 'object' ? openInfo(v) : undefined;
    return derivedUnknown(info ? [key, unknownOf('', at, [info.key])] : [key], at);
  }
  if (v.t === 'list') {
    const n = asNumber(key);
    if (n === undefined || !Number.isInteger(n)) return errorValue(`a list index must be a whole number, got ${key.t}`, s.at);
    const item = v.items[n];
    return item ?? errorValue(`index ${n} is out of range (the list has ${v.items.length} elements)`, s.at);
  }
  if (v.t === 'object') {
    const k = primitiveString(key);
    if (k === undefined) return errorValue(`a map key must be a string, got ${key.t}`, s.at);
    return getKey(v, k, at);
  }
  if (v.t === 'null') return errorValue('cannot index a null value', s.at);
  return errorValue(`cannot index a ${v.t}`, s.at);
}

function getKey(v: Value, name: string, at: Provenance): Value {
  if (v.t === 'object') {
    const f = v.fields.get(name);
    if (f) return f;
    const info = openInfo(v);
    if (info) {
      const data = info.address.startsWith('data.') || info.address.includes('.data.');
      return unknownOf(data ? `\`${info.address}.${name}\` is read from the provider, not known to the scan` : `\`${info.address}.${name}\` is known only after apply`, at, [info.key]);
    }
    return errorValue(`no attribute or key \`${name}\``, at);
  }
  if (v.t === 'null') return errorValue(`cannot read \`${name}\` of a null value`, at);
  if (v.t === 'list') return errorValue(`cannot read \`${name}\` of a list (use an index or [*])`, at);
  return errorValue(`cannot read \`${name}\` of a ${v.t}`, at);
}

function splat(x: Expr, steps: readonly Step[], at: Provenance, scope: Scope): Value {
  const base = evaluate(x, scope);
  if (isError(base)) return base;
  const resolved: ResolvedStep[] = [];
  for (const s of steps) {
    if (s.k === 'attr') resolved.push(s);
    else {
      const key = evaluate(s.i, scope);
      if (isError(key)) return key;
      resolved.push({ k: 'index', key, at: s.at });
    }
  }
  if (base.t === 'unknown') return derivedUnknown([base], at);
  // https://developer.hashicorp.com/terraform/language/expressions/splat: null → [], a non-list → [value].
  if (base.t === 'null') return list([], at);
  const items = base.t === 'list' ? base.items : [base];
  const out: Value[] = [];
  for (const it of items) {
    const r = applySteps(it, resolved, 0, at);
    if (isError(r)) return r;
    out.push(r);
  }
  return list(out, at);
}

// ---- function calls --------------------------------------------------------------------------------------------

function call(e: Extract<Expr, { k: 'call' }>, scope: Scope): Value {
  // try() and can() see errors instead of propagating them, so their arguments are evaluated here.
  if (e.name === 'try') {
    let last: Value | undefined;
    for (const a of e.args) {
      const v = evaluate(a, scope);
      if (!isError(v)) return v;
      last = v;
    }
    return last ?? errorValue('try() needs at least one argument', e.at);
  }
  if (e.name === 'can') {
    const a = e.args[0];
    if (!a) return errorValue('can() needs one argument', e.at);
    const v = evaluate(a, scope);
    if (isError(v)) return bool(false, e.at);
    if (v.t === 'unknown') return derivedUnknown([v], e.at);
    return bool(true, e.at);
  }
  let args = e.args.map((a) => evaluate(a, scope));
  const err = args.find(isError);
  if (err) return err;
  if (e.expand) {
    const last = args[args.length - 1];
    if (!last) return errorValue('`...` needs an argument to expand', e.at);
    if (last.t === 'unknown') return derivedUnknown([last], e.at);
    if (last.t !== 'list') return errorValue('`...` expands a list or tuple only', e.at);
    args = [...args.slice(0, -1), ...last.items];
  }
  return callFunction(e.name, args, e.at, scope);
}
