import type { Tri } from '../../../model/core/index.js';
import { asciiLower, trailingGuid } from '../text.js';
import { likeMatch, matchLower } from '../wildcard.js';
import type { AttributeRef, ConditionNode, Literal, Operand, Operator } from './ast.js';

export type Scalar = string | number | boolean;

/** What a condition can see of one request. `lookup` returns undefined when the attribute's value is not known. */
export interface ConditionEnv {
  readonly actionLower: string;
  /** Undefined: the request has no suboperation (a plain `blobs/read` is not `Blob.List`). */
  readonly subOperation: string | undefined;
  lookup(ref: AttributeRef): readonly Scalar[] | undefined;
}

/** Kleene three-valued evaluation: an attribute nobody supplied makes its comparison unknown, and `false OR unknown`
 * stays unknown while `true OR unknown` is true — so conditions that target other actions still short-circuit. */
export function evaluateCondition(node: ConditionNode, env: ConditionEnv): Tri {
  switch (node.k) {
    case 'and': {
      let result: Tri = true;
      for (const item of node.items) {
        const v = evaluateCondition(item, env);
        if (v === false) return false;
        if (v === 'unknown') result = 'unknown';
      }
      return result;
    }
    case 'or': {
      let result: Tri = false;
      for (const item of node.items) {
        const v = evaluateCondition(item, env);
        if (v === true) return true;
        if (v === 'unknown') result = 'unknown';
      }
      return result;
    }
    case 'not': {
      const v = evaluateCondition(node.item, env);
      return v === 'unknown' ? v : !v;
    }
    case 'actionMatches':
      return node.patterns.some((p) => matchLower(p, env.actionLower));
    case 'subOperationMatches': {
      if (env.subOperation === undefined) return false;
      const sub = asciiLower(env.subOperation);
      return node.values.some((v) => asciiLower(v) === sub);
    }
    case 'exists': {
      const vals = env.lookup(node.ref);
      if (vals === undefined) return 'unknown';
      return vals.length > 0;
    }
    case 'compare':
      return compare(node.left, node.op, node.right, env);
  }
}

function operandValues(o: Operand, env: ConditionEnv): readonly Scalar[] | undefined {
  if (o.k === 'attr') return env.lookup(o.ref);
  return o.values.map(literalValue);
}

function literalValue(l: Literal): Scalar {
  return l.value;
}

function compare(left: Operand, op: Operator, right: Operand, env: ConditionEnv): Tri {
  const ls = operandValues(left, env);
  const rs = operandValues(right, env);
  if (ls === undefined || rs === undefined) return 'unknown';
  const test = (a: Scalar, b: Scalar): Tri => {
    const r = applyFn(op, a, b);
    if (r === 'unknown') return r;
    return op.negate ? !r : r;
  };
  switch (op.quantifier) {
    case 'single': {
      // Single-valued operators compare one value with one value; anything else is not a well-formed request.
      if (ls.length === 0) return false;
      if (ls.length !== 1 || rs.length !== 1) return 'unknown';
      return test(ls[0] as Scalar, rs[0] as Scalar);
    }
    case 'anyOfAny':
      return triSome(ls, (a) => triSome(rs, (b) => test(a, b)));
    case 'allOfAny':
      return triEvery(ls, (a) => triSome(rs, (b) => test(a, b)));
    case 'anyOfAll':
      return triSome(ls, (a) => triEvery(rs, (b) => test(a, b)));
    case 'allOfAll':
      return triEvery(ls, (a) => triEvery(rs, (b) => test(a, b)));
  }
}

function triSome<T>(xs: readonly T[], f: (x: T) => Tri): Tri {
  let r: Tri = false;
  for (const x of xs) {
    const v = f(x);
    if (v === true) return true;
    if (v === 'unknown') r = 'unknown';
  }
  return r;
}

function triEvery<T>(xs: readonly T[], f: (x: T) => Tri): Tri {
  let r: Tri = true;
  for (const x of xs) {
    const v = f(x);
    if (v === false) return false;
    if (v === 'unknown') r = 'unknown';
  }
  return r;
}

/** The positive form of the function on one pair; 'unknown' when a value does not have the operator's type. */
function applyFn(op: Operator, a: Scalar, b: Scalar): Tri {
  switch (op.family) {
    case 'string': {
      const x = op.ignoreCase ? asciiLower(String(a)) : String(a);
      const y = op.ignoreCase ? asciiLower(String(b)) : String(b);
      if (op.fn === 'equals') return x === y;
      if (op.fn === 'startsWith') return x.startsWith(y);
      if (op.fn === 'like') return likeMatch(String(b), String(a), op.ignoreCase);
      return 'unknown';
    }
    case 'numeric': {
      const x = toInteger(a);
      const y = toInteger(b);
      if (x === undefined || y === undefined) return 'unknown';
      return ordered(op, x < y ? -1 : x > y ? 1 : 0);
    }
    case 'datetime': {
      const x = parseDateTime(a);
      const y = parseDateTime(b);
      if (x === undefined || y === undefined) return 'unknown';
      return ordered(op, compareDateTime(x, y));
    }
    case 'guid': {
      const x = normaliseGuid(a);
      const y = normaliseGuid(b);
      if (x === undefined || y === undefined) return 'unknown';
      return x === y;
    }
    case 'bool': {
      const x = toBool(a);
      const y = toBool(b);
      if (x === undefined || y === undefined) return 'unknown';
      return x === y;
    }
  }
}

function ordered(op: Operator, cmp: number): Tri {
  switch (op.fn) {
    case 'equals': return cmp === 0;
    case 'gt': return cmp > 0;
    case 'ge': return cmp >= 0;
    case 'lt': return cmp < 0;
    case 'le': return cmp <= 0;
    default: return 'unknown';
  }
}

function toInteger(v: Scalar): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function toBool(v: Scalar): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = asciiLower(String(v).trim());
  if (s === 'true') return true;
  if (s === 'false') return false;
  return undefined;
}

/** GUIDs compare case-insensitively; a full role definition id stands for the GUID it ends with. */
export function normaliseGuid(v: Scalar): string | undefined {
  if (typeof v !== 'string') return undefined;
  return trailingGuid(v);
}

interface DateTimeValue {
  readonly seconds: number;
  /** Fraction of a second in units of 100 ns (seven digits, the documented precision). */
  readonly ticks: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7})\d*)?(Z|[+-]\d{2}:\d{2})?$/;

/** `yyyy-mm-ddThh:mm:ss.fffffffZ` at full precision (JavaScript dates stop at milliseconds). */
export function parseDateTime(v: Scalar): DateTimeValue | undefined {
  if (typeof v === 'number') return { seconds: Math.floor(v / 1000), ticks: (v % 1000) * 10_000 };
  if (typeof v !== 'string') return undefined;
  const m = DATE_TIME.exec(v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  if (Number.isNaN(seconds)) return undefined;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    seconds -= sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  const ticks = frac === undefined ? 0 : Number(frac.padEnd(7, '0'));
  return { seconds, ticks };
}

function compareDateTime(a: DateTimeValue, b: DateTimeValue): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.ticks !== b.ticks) return a.ticks < b.ticks ? -1 : 1;
  return 0;
}
