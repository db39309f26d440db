/**
 * Condition operators, compiled once per policy and evaluated per request in three-valued logic.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 *
 * Documented rules implemented here:
 * - Several values for one key are ORed; for the negated operators (`StringNotEquals`, `NotIpAddress`, ...) the
 *   request value must match none of them (NOR).
 * - A key missing from the request: the condition is false, except for negated operators (true), `...IfExists`
 *   (true), `ForAllValues` (true: the empty set satisfies "all"), `Null` (tests absence itself).
 * - `ForAllValues`: every request value matches some policy value. `ForAnyValue`: at least one does.
 * - A multivalued request value without a set operator is undocumented; it evaluates to unknown.
 * - `ArnEquals` and `ArnLike` behave the same: each of the six ARN components is matched separately and may use
 *   `*` and `?`.
 * - Policy values that cannot be read (a malformed date, an invalid CIDR, an unresolved `<unknown:...>` leaf) make
 *   that value's comparison unknown, never silently false: a Deny with a broken value must not vanish.
 */
import ipaddr from 'ipaddr.js';
import { hasUnknownPart } from '../../model/core/json.js';
import type { Tri } from '../../model/core/tri.js';
import { splitArn } from './arn.js';
import type { JNode } from './json-node.js';
import type { Template, VariableSource } from './variables.js';
import { parseTemplate, resolveMatcher, resolveTemplate } from './variables.js';
import type { ContextValue } from './types.js';
import type { GlobPattern, Matcher } from './wildcard.js';
import { asciiLower, compileGlob, globFromText } from './wildcard.js';

type Family = 'string' | 'stringIgnoreCase' | 'stringLike' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
type Cmp = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

export interface OperatorSpec {
  readonly name: string;
  readonly family: Family;
  readonly negated: boolean;
  readonly cmp: Cmp;
}

const OPS: readonly OperatorSpec[] = [
  { name: 'StringEquals', family: 'string', negated: false, cmp: 'eq' },
  { name: 'StringNotEquals', family: 'string', negated: true, cmp: 'eq' },
  { name: 'StringEqualsIgnoreCase', family: 'stringIgnoreCase', negated: false, cmp: 'eq' },
  { name: 'StringNotEqualsIgnoreCase', family: 'stringIgnoreCase', negated: true, cmp: 'eq' },
  { name: 'StringLike', family: 'stringLike', negated: false, cmp: 'eq' },
  { name: 'StringNotLike', family: 'stringLike', negated: true, cmp: 'eq' },
  { name: 'NumericEquals', family: 'numeric', negated: false, cmp: 'eq' },
  { name: 'NumericNotEquals', family: 'numeric', negated: true, cmp: 'eq' },
  { name: 'NumericLessThan', family: 'numeric', negated: false, cmp: 'lt' },
  { name: 'NumericLessThanEquals', family: 'numeric', negated: false, cmp: 'le' },
  { name: 'NumericGreaterThan', family: 'numeric', negated: false, cmp: 'gt' },
  { name: 'NumericGreaterThanEquals', family: 'numeric', negated: false, cmp: 'ge' },
  { name: 'DateEquals', family: 'date', negated: false, cmp: 'eq' },
  { name: 'DateNotEquals', family: 'date', negated: true, cmp: 'eq' },
  { name: 'DateLessThan', family: 'date', negated: false, cmp: 'lt' },
  { name: 'DateLessThanEquals', family: 'date', negated: false, cmp: 'le' },
  { name: 'DateGreaterThan', family: 'date', negated: false, cmp: 'gt' },
  { name: 'DateGreaterThanEquals', family: 'date', negated: false, cmp: 'ge' },
  { name: 'Bool', family: 'bool', negated: false, cmp: 'eq' },
  { name: 'BinaryEquals', family: 'binary', negated: false, cmp: 'eq' },
  { name: 'IpAddress', family: 'ip', negated: false, cmp: 'eq' },
  { name: 'NotIpAddress', family: 'ip', negated: true, cmp: 'eq' },
  { name: 'ArnEquals', family: 'arn', negated: false, cmp: 'eq' },
  { name: 'ArnLike', family: 'arn', negated: false, cmp: 'eq' },
  { name: 'ArnNotEquals', family: 'arn', negated: true, cmp: 'eq' },
  { name: 'ArnNotLike', family: 'arn', negated: true, cmp: 'eq' },
  { name: 'Null', family: 'null', negated: false, cmp: 'eq' },
];

const BY_NAME = new Map(OPS.map((o) => [asciiLower(o.name), o]));

export const OPERATOR_NAMES: readonly string[] = OPS.map((o) => o.name);

export interface ParsedOperator {
  readonly spec: OperatorSpec;
  readonly set: 'none' | 'all' | 'any';
  readonly ifExists: boolean;
}

/** `ForAnyValue:StringLikeIfExists` → its parts; undefined for an operator AWS does not define. */
export function parseOperator(text: string): ParsedOperator | undefined {
  let rest = text;
  let set: ParsedOperator['set'] = 'none';
  const folded = asciiLower(text);
  if (folded.startsWith('forallvalues:')) {
    set = 'all';
    rest = text.slice('ForAllValues:'.length);
  } else if (folded.startsWith('foranyvalue:')) {
    set = 'any';
    rest = text.slice('ForAnyValue:'.length);
  }
  let ifExists = false;
  let base = asciiLower(rest);
  if (base.endsWith('ifexists')) {
    ifExists = true;
    base = base.slice(0, -'ifexists'.length);
  }
  const spec = BY_NAME.get(base);
  if (spec === undefined) return undefined;
  if (spec.family === 'null' && (ifExists || set !== 'none')) return undefined;
  return { spec, set, ifExists };
}

// ------------------------------------------------------------------------------------------------ policy values

interface IpRange {
  readonly bytes: readonly number[];
  readonly bits: number;
}

type Compiled =
  | { readonly k: 'unknown'; readonly why: string }
  | { readonly k: 'string'; readonly exact?: string; readonly template?: Template }
  | { readonly k: 'like'; readonly matcher?: Matcher; readonly template?: Template }
  | { readonly k: 'number'; readonly n: number }
  | { readonly k: 'bool'; readonly b: string }
  | { readonly k: 'binary'; readonly bytes: Buffer }
  | { readonly k: 'ip'; readonly range: IpRange }
  | { readonly k: 'arn'; readonly parts?: readonly Matcher[]; readonly template?: Template }
  | { readonly k: 'null'; readonly wantAbsent: boolean };

export interface CompiledCondition {
  readonly operator: string;
  readonly op: ParsedOperator;
  readonly key: string;
  readonly keyLower: string;
  readonly values: readonly Compiled[];
}

export interface ValueIssue {
  readonly code: 'invalid-condition-value' | 'invalid-arn' | 'invalid-variable' | 'unknown-leaf';
  readonly message: string;
  readonly node: JNode;
  readonly severity: 'error' | 'warning';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^-?\d+(?:\.\d+)?$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Small memo for values parsed again and again (request dates and addresses repeat across requests). Bounded: it is
 * cleared when full rather than grown.
 */
class Memo<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string, f: (k: string) => V): V {
    const hit = this.m.get(k);
    if (hit !== undefined || this.m.has(k)) return hit as V;
    const v = f(k);
    if (this.m.size >= this.max) this.m.clear();
    this.m.set(k, v);
    return v;
  }
}

const dateMemo = new Memo<number>(4096);
const addressMemo = new Memo<number[] | undefined>(4096);

/** Dates in W3C/ISO 8601 form or epoch seconds, as the Date operators accept them. Milliseconds, or NaN. */
export function parseDate(s: string): number {
  return dateMemo.get(s, parseDateUncached);
}

function parseDateUncached(s: string): number {
  if (EPOCH.test(s)) return Number(s) * 1000;
  if (!ISO_DATE.test(s)) return NaN;
  // A date-time without an offset is read as UTC (AWS times are UTC); Date.parse would use local time.
  const hasZone = /(?:[Zz]|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
  return Date.parse(s.length > 10 && !hasZone ? `${s}Z` : s);
}

export function parseNumber(s: string): number {
  return NUMBER.test(s.trim()) ? Number(s) : NaN;
}

function parseIp(s: string): IpRange | undefined {
  const text = s.trim();
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const addr = parseAddress(addrText);
  if (addr === undefined) return undefined;
  const max = addr.length * 8;
  let bits = max;
  if (slash >= 0) {
    const bitsText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bitsText)) return undefined;
    bits = Number(bitsText);
    if (bits > max) return undefined;
  }
  return { bytes: addr, bits };
}

/** Bytes of an IPv4 or IPv6 address; IPv4-mapped IPv6 addresses become IPv4. Rejects octal-looking IPv4 parts. */
export function parseAddress(text: string): number[] | undefined {
  return addressMemo.get(text, parseAddressUncached);
}

function parseAddressUncached(text: string): number[] | undefined {
  if (text.includes(':')) {
    if (!ipaddr.IPv6.isValid(text)) return undefined;
    const v6 = ipaddr.IPv6.parse(text);
    return v6.isIPv4MappedAddress() ? v6.toIPv4Address().toByteArray() : v6.toByteArray();
  }
  // ipaddr.parse reads `010.0.0.1` as octal; IAM means four decimal parts.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return undefined;
  return ipaddr.IPv4.parse(text).toByteArray();
}

function inRange(addr: readonly number[], r: IpRange): boolean {
  if (addr.length !== r.bytes.length) return false;
  let bits = r.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((addr[i] as number) & mask) !== ((r.bytes[i] as number) & mask)) return false;
  }
  return true;
}

function scalarText(n: JNode): string | undefined {
  if (n.kind === 'string') return n.value;
  if (n.kind === 'number' || n.kind === 'boolean') return String(n.value);
  return undefined;
}

/** Compiles the values of one `operator: { key: values }` entry. */
export function compileValues(
  op: ParsedOperator, nodes: readonly JNode[], variablesEnabled: boolean, issues: ValueIssue[],
): Compiled[] {
  const out: Compiled[] = [];
  for (const node of nodes) {
    const text = scalarText(node);
    if (text === undefined) {
      issues.push({ code: 'invalid-condition-value', message: 'condition values must be strings, numbers or booleans', node, severity: 'error' });
      out.push({ k: 'unknown', why: 'invalid condition value' });
      continue;
    }
    // A partly known value (`arn:aws:iam::<unknown: …>:role/x`) is read as unknown as a whole: its comparison
    // is undecided, never decided on placeholder text.
    if (hasUnknownPart(text)) {
      out.push({ k: 'unknown', why: text });
      continue;
    }
    out.push(compileValue(op, text, node, variablesEnabled, issues));
  }
  return out;
}

function compileValue(op: ParsedOperator, text: string, node: JNode, vars: boolean, issues: ValueIssue[]): Compiled {
  const bad = (message: string, code: ValueIssue['code'] = 'invalid-condition-value'): Compiled => {
    issues.push({ code, message, node, severity: 'error' });
    return { k: 'unknown', why: message };
  };
  const family = op.spec.family;
  switch (family) {
    case 'string':
    case 'stringIgnoreCase':
    case 'stringLike': {
      const { template, issue } = parseTemplate(text, vars);
      if (issue !== undefined) issues.push({ code: 'invalid-variable', message: issue, node, severity: 'warning' });
      if (family === 'stringLike') {
        return template.hasVars ? { k: 'like', template } : { k: 'like', matcher: compileGlob(globFromText(text)) };
      }
      if (template.hasVars) return { k: 'string', template };
      return { k: 'string', exact: family === 'stringIgnoreCase' ? asciiLower(text) : text };
    }
    case 'numeric': {
      const n = parseNumber(text);
      return Number.isNaN(n) ? bad(`\`${text}\` is not a number`) : { k: 'number', n };
    }
    case 'date': {
      const n = parseDate(text);
      return Number.isNaN(n) ? bad(`\`${text}\` is not an ISO 8601 date or epoch time`) : { k: 'number', n };
    }
    case 'bool': {
      const b = asciiLower(text);
      return b === 'true' || b === 'false' ? { k: 'bool', b } : bad(`\`${text}\` is not true or false`);
    }
    case 'binary': {
      return BASE64.test(text) ? { k: 'binary', bytes: Buffer.from(text, 'base64') } : bad(`\`${text}\` is not base64`);
    }
    case 'ip': {
      const range = parseIp(text);
      return range === undefined ? bad(`\`${text}\` is not an IPv4/IPv6 address or CIDR block`) : { k: 'ip', range };
    }
    case 'arn': {
      const { template, issue } = parseTemplate(text, vars);
      if (issue !== undefined) issues.push({ code: 'invalid-variable', message: issue, node, severity: 'warning' });
      if (template.hasVars) return { k: 'arn', template };
      return compileArnValue(text, node, issues);
    }
    case 'null': {
      const b = asciiLower(text);
      if (b !== 'true' && b !== 'false') return bad(`Null takes true or false, not \`${text}\``);
      return { k: 'null', wantAbsent: b === 'true' };
    }
  }
}

function compileArnValue(text: string, node: JNode | undefined, issues: ValueIssue[] | undefined): Compiled {
  const parts = splitArn(text);
  if (parts === undefined) {
    // Fewer than six components: AWS documents ARN operators only for ARNs. Matching the text some other way could
    // drop a Deny or widen an Allow, so the value is unknown, and reported.
    if (node !== undefined && issues !== undefined) {
      issues.push({ code: 'invalid-arn', message: `\`${text}\` does not have the six components of an ARN`, node, severity: 'error' });
    }
    return { k: 'unknown', why: `\`${text}\` is not an ARN` };
  }
  return { k: 'arn', parts: parts.map((p) => compileGlob(globFromText(p))) };
}

// ------------------------------------------------------------------------------------------------ evaluation

const compileLike = (p: GlobPattern): Matcher => compileGlob(p);

/** The request as conditions see it: variable values, and a place to note keys that were missing. */
export interface ConditionScratch extends VariableSource {
  noteMissing(key: string): void;
  /** A key whose value (or presence) is unknown decided a condition's unknown outcome. */
  noteUnknown(key: string): void;
}

function compare(cmp: Cmp, a: number, b: number): boolean {
  switch (cmp) {
    case 'eq': return a === b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
  }
}

/** Does request value `s` match policy value `v` under the operator's positive form? */
function matchOne(op: OperatorSpec, s: string, v: Compiled, scratch: ConditionScratch): Tri {
  switch (v.k) {
    case 'unknown': return 'unknown';
    case 'string': {
      if (v.exact !== undefined) return op.family === 'stringIgnoreCase' ? asciiLower(s) === v.exact : s === v.exact;
      const r = resolveTemplate(v.template as Template, scratch, false);
      if (r.kind === 'unknown') return 'unknown';
      if (r.kind === 'none') return false;
      return op.family === 'stringIgnoreCase' ? asciiLower(s) === asciiLower(r.pattern.chars) : s === r.pattern.chars;
    }
    case 'like': {
      if (v.matcher !== undefined) return v.matcher.test(s);
      const m = resolveMatcher(v.template as Template, scratch, true, compileLike);
      if (m === 'unknown') return 'unknown';
      return m !== 'none' && m.test(s);
    }
    case 'number': {
      const n = op.family === 'date' ? parseDate(s) : parseNumber(s);
      return !Number.isNaN(n) && compare(op.cmp, n, v.n);
    }
    case 'bool': return asciiLower(s) === v.b;
    case 'binary': return BASE64.test(s) && Buffer.from(s, 'base64').equals(v.bytes);
    case 'ip': {
      const addr = parseAddress(s.trim());
      return addr !== undefined && inRange(addr, v.range);
    }
    case 'arn': {
      let c: Compiled = v;
      if (v.template !== undefined) {
        const r = resolveTemplate(v.template, scratch, true);
        if (r.kind === 'unknown') return 'unknown';
        if (r.kind === 'none') return false;
        // Substituted characters are literal; escape-free recompilation is fine because variable values in ARNs
        // (account ids, names) carry no wildcards, and a `*` inside one would only widen a match per component.
        c = compileArnValue(r.pattern.chars, undefined, undefined);
      }
      if (c.k !== 'arn') return 'unknown';
      const parts = splitArn(s);
      if (parts === undefined || c.parts === undefined) return false;
      for (let i = 0; i < 6; i++) if (!(c.parts[i] as Matcher).test(parts[i] as string)) return false;
      return true;
    }
    case 'null': return 'unknown';
  }
}

/** OR over the policy values (positive form). */
function anyValue(op: OperatorSpec, s: string, values: readonly Compiled[], scratch: ConditionScratch): Tri {
  let r: Tri = false;
  for (const v of values) {
    const m = matchOne(op, s, v, scratch);
    if (m === true) return true;
    if (m === 'unknown') r = 'unknown';
  }
  return r;
}

const not = (t: Tri): Tri => (t === 'unknown' ? t : !t);

/** One request value against the condition: positive operators OR, negated operators NOR. */
function satisfies(c: CompiledCondition, s: string, scratch: ConditionScratch): Tri {
  const m = anyValue(c.op.spec, s, c.values, scratch);
  return c.op.spec.negated ? not(m) : m;
}

export function evaluateCondition(c: CompiledCondition, cv: ContextValue | undefined, scratch: ConditionScratch): Tri {
  const { spec, set, ifExists } = c.op;
  if (cv?.unknown) {
    scratch.noteUnknown(c.key);
    return 'unknown';
  }
  const absent = cv === undefined || cv.values.length === 0;
  if (spec.family === 'null') {
    let r: Tri = false;
    for (const v of c.values) {
      if (v.k === 'unknown') r = 'unknown';
      else if (v.k === 'null' && v.wantAbsent === absent) return true;
    }
    return r;
  }
  if (absent) {
    scratch.noteMissing(c.key);
    if (ifExists) return true;
    if (set === 'all') return true;
    if (set === 'any') return false;
    return spec.negated;
  }
  const values = (cv as ContextValue).values;
  if (set === 'all') {
    let r: Tri = true;
    for (const s of values) {
      const m = satisfies(c, s, scratch);
      if (m === false) return false;
      if (m === 'unknown') r = 'unknown';
    }
    return r;
  }
  if (set === 'any') {
    let r: Tri = false;
    for (const s of values) {
      const m = satisfies(c, s, scratch);
      if (m === true) return true;
      if (m === 'unknown') r = 'unknown';
    }
    return r;
  }
  if (values.length === 1) return satisfies(c, values[0] as string, scratch);
  // Several request values and no set operator: AWS requires a set operator for multivalued keys and does not
  // document what happens without one, so the answer is unknown rather than a guess (a guess could wrongly allow).
  return 'unknown';
}
