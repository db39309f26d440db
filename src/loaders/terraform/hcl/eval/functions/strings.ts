import type { Provenance } from '../../../../../model/core/index.js';
import type { UnknownValue, Value } from '../../../../common/value.js';
import { withParts } from '../../../../common/value.js';
import { asBool, asNumber } from '../coerce.js';
import { containsUnknown, errorValue, firstError, list, primitiveString, str, toJson, unknownOf, bool, derivedUnknown } from '../values.js';
import { listArg, numberArg, stringArg } from './args.js';
import type { FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions (string functions)

/**
 * `format` verbs: https://developer.hashicorp.com/terraform/language/functions/format
 * An argument that is not known before apply makes its verb's text one unknown part of the result; the format's
 * literal text stays known (`format("arn:aws:iam::%s:root", data.aws_caller_identity.current.account_id)`).
 */
export function formatString(fmt: string, args: readonly Value[], at: Provenance): Value {
  let out = '';
  const pieces: (string | UnknownValue)[] = [];
  const unknowns: Value[] = [];
  let argIndex = 0;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    i++;
    if (fmt[i] === '%') {
      out += '%';
      continue;
    }
    let flags = '';
    while (i < fmt.length && '+- 0#'.includes(fmt[i] as string)) flags += fmt[i++];
    let width = '';
    while (i < fmt.length && /[0-9]/.test(fmt[i] as string)) width += fmt[i++];
    let precision: number | undefined;
    if (fmt[i] === '.') {
      i++;
      let p = '';
      while (i < fmt.length && /[0-9]/.test(fmt[i] as string)) p += fmt[i++];
      precision = p === '' ? 0 : Number(p);
    }
    if (fmt[i] === '[') {
      const close = fmt.indexOf(']', i);
      if (close < 0) return errorValue('format(): unclosed `[` in the format', at);
      argIndex = Number(fmt.slice(i + 1, close)) - 1;
      i = close + 1;
    }
    const verb = fmt[i];
    if (verb === undefined) return errorValue('format(): the format ends in the middle of a verb', at);
    const arg = args[argIndex++];
    if (!arg) return errorValue(`format(): not enough arguments for the format`, at);
    if (containsUnknown(arg)) {
      const u = derivedUnknown([arg], arg.at);
      if (u.t !== 'unknown') return u;
      unknowns.push(arg);
      pieces.push(out, u);
      out = '';
      continue;
    }
    const rendered = renderVerb(verb, flags, precision, arg);
    if (typeof rendered !== 'string') return errorValue(`format(): ${rendered.error}`, at);
    const w = width === '' ? 0 : Number(width);
    out += pad(rendered, w, flags);
  }
  if (unknowns.length > 0) {
    const u = derivedUnknown(unknowns, at);
    return u.t === 'unknown' ? withParts(u, [...pieces, out]) : u;
  }
  return str(out, at);
}

function pad(s: string, width: number, flags: string): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s + ' '.repeat(width - s.length);
  if (flags.includes('0') && /^[+-]?[0-9]/.test(s)) {
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function renderVerb(verb: string, flags: string, precision: number | undefined, arg: Value): string | { error: string } {
  const sign = (n: number, s: string): string => (n >= 0 && flags.includes('+') ? '+' + s : n >= 0 && flags.includes(' ') ? ' ' + s : s);
  switch (verb) {
    case 'v':
      if (flags.includes('#') || arg.t === 'list' || arg.t === 'object') return JSON.stringify(toJson(arg));
      return arg.t === 'null' ? 'null' : (primitiveString(arg) ?? '');
    case 's': {
      const s = primitiveString(arg);
      if (s === undefined) return { error: `%s needs a string, got ${arg.t}` };
      return precision === undefined ? s : [...s].slice(0, precision).join('');
    }
    case 'q': {
      const s = primitiveString(arg);
      if (s === undefined) return { error: `%q needs a string, got ${arg.t}` };
      return JSON.stringify(s);
    }
    case 't': {
      const b = asBool(arg);
      if (b === undefined) return { error: `%t needs a bool, got ${arg.t}` };
      return b ? 'true' : 'false';
    }
    case 'd': case 'b': case 'o': case 'x': case 'X': {
      if (verb === 'x' || verb === 'X') {
        const n = asNumber(arg);
        if (n === undefined && arg.t === 'string') {
          const hex = Buffer.from(arg.v, 'utf8').toString('hex');
          return verb === 'X' ? hex.toUpperCase() : hex;
        }
      }
      const n = asNumber(arg);
      if (n === undefined || !Number.isInteger(n)) return { error: `%${verb} needs a whole number` };
      const base = verb === 'd' ? 10 : verb === 'b' ? 2 : verb === 'o' ? 8 : 16;
      let s = Math.abs(n).toString(base);
      if (verb === 'X') s = s.toUpperCase();
      return sign(n, (n < 0 ? '-' : '') + s);
    }
    case 'f': case 'e': case 'E': case 'g': case 'G': {
      const n = asNumber(arg);
      if (n === undefined) return { error: `%${verb} needs a number` };
      let s: string;
      if (verb === 'f') s = n.toFixed(precision ?? 6);
      else if (verb === 'e' || verb === 'E') {
        s = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (verb === 'E') s = s.toUpperCase();
      } else {
        s = precision === undefined ? String(n) : n.toPrecision(precision);
        if (verb === 'G') s = s.toUpperCase();
      }
      return sign(n, s);
    }
    default:
      return { error: `unsupported verb %${verb}` };
  }
}

function title(s: string): string {
  return s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

const SPACE = ' \t\n\r\v\f\u00a0\u2028\u2029\ufeff';

function trimChars(s: string, chars: string): string {
  const set = new Set([...chars]);
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  while (a < b && set.has(cs[a] as string)) a++;
  while (b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join('');
}

const s1 = (fn: string, f: (s: string) => string) => ({
  min: 1,
  max: 1,
  fn: (args: readonly Value[], at: Provenance): Value => {
    const a = stringArg(args, 0, fn, at);
    return a.ok ? str(f(a.v), at) : a.err;
  },
});

const s2b = (fn: string, f: (s: string, t: string) => boolean) => ({
  min: 2,
  max: 2,
  fn: (args: readonly Value[], at: Provenance): Value => {
    const a = stringArg(args, 0, fn, at);
    if (!a.ok) return a.err;
    const b = stringArg(args, 1, fn, at);
    return b.ok ? bool(f(a.v, b.v), at) : b.err;
  },
});

const REGEX_NOT_EVALUATED = 'regular expressions are not evaluated (patterns from configuration are never compiled)';

export const STRING_FUNCTIONS: FunctionTable = {
  format: {
    min: 1,
    partial: true,
    fn: (args, at) => {
      const err = firstError(args);
      if (err) return err;
      const first = args[0] as Value;
      if (first.t === 'unknown') return derivedUnknown(args, at);
      const f = stringArg(args, 0, 'format', at);
      return f.ok ? formatString(f.v, args.slice(1), at) : f.err;
    },
  },
  formatlist: {
    min: 1,
    partial: true,
    fn: (args, at) => {
      const f = stringArg(args, 0, 'formatlist', at);
      if (!f.ok) return f.err;
      const rest = args.slice(1);
      const lists = rest.filter((a) => a.t === 'list');
      if (rest.some((a) => a.t === 'unknown')) return derivedUnknown(rest, at);
      const n = lists.length === 0 ? 1 : (lists[0] as { items: readonly Value[] }).items.length;
      if (lists.some((l) => (l as { items: readonly Value[] }).items.length !== n)) return errorValue('formatlist(): all lists must have the same length', at);
      const out: Value[] = [];
      for (let i = 0; i < n; i++) {
        const row = rest.map((a) => (a.t === 'list' ? (a.items[i] as Value) : a));
        if (row.some(containsUnknown)) out.push(derivedUnknown(row, at));
        else {
          const r = formatString(f.v, row, at);
          if (r.t === 'unknown') return r;
          out.push(r);
        }
      }
      return list(out, at);
    },
  },
  join: {
    min: 2,
    partial: true,
    fn: (args, at) => {
      // Unknown elements of known lists become unknown parts between known ones; an unknown separator or list
      // (whose length is not known) makes the whole result unknown.
      const err = firstError(args);
      if (err) return err;
      if (args.some((a) => a.t === 'unknown')) return derivedUnknown(args, at);
      const sep = stringArg(args, 0, 'join', at);
      if (!sep.ok) return sep.err;
      const parts: string[] = [];
      const pieces: (string | UnknownValue)[] = [];
      const unknowns: Value[] = [];
      for (let i = 1; i < args.length; i++) {
        const l = listArg(args, i, 'join', at);
        if (!l.ok) return l.err;
        for (const it of l.v) {
          if (pieces.length > 0) pieces.push(sep.v);
          if (it.t === 'unknown') {
            unknowns.push(it);
            pieces.push(it);
            continue;
          }
          if (containsUnknown(it)) return derivedUnknown(args, at);
          const s = primitiveString(it);
          if (s === undefined) return errorValue(`join(): elements must be strings, got ${it.t}`, it.at);
          parts.push(s);
          pieces.push(s);
        }
      }
      if (unknowns.length > 0) {
        const u = derivedUnknown(unknowns, at);
        return u.t === 'unknown' ? withParts(u, pieces) : u;
      }
      return str(parts.join(sep.v), at);
    },
  },
  split: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const sep = stringArg(args, 0, 'split', at);
      if (!sep.ok) return sep.err;
      const s = stringArg(args, 1, 'split', at);
      if (!s.ok) return s.err;
      return list(s.v.split(sep.v).map((p) => str(p, at)), at);
    },
  },
  replace: {
    min: 3,
    max: 3,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'replace', at);
      const sub = stringArg(args, 1, 'replace', at);
      const rep = stringArg(args, 2, 'replace', at);
      if (!s.ok) return s.err;
      if (!sub.ok) return sub.err;
      if (!rep.ok) return rep.err;
      if (sub.v.length > 1 && sub.v.startsWith('/') && sub.v.endsWith('/')) return unknownOf(`replace(): ${REGEX_NOT_EVALUATED}`, at);
      return str(sub.v === '' ? s.v : s.v.split(sub.v).join(rep.v), at);
    },
  },
  lower: s1('lower', (s) => s.toLowerCase()),
  upper: s1('upper', (s) => s.toUpperCase()),
  title: s1('title', title),
  strrev: s1('strrev', (s) => [...s].reverse().join('')),
  trimspace: s1('trimspace', (s) => trimChars(s, SPACE)),
  chomp: s1('chomp', (s) => s.replace(/(?:\r\n|\n|\r)+$/, '')),
  tostring: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'null') return a;
      const s = primitiveString(a);
      return s === undefined ? errorValue(`tostring(): cannot convert a ${a.t} to a string`, at) : str(s, a.at);
    },
  },
  trim: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'trim', at);
      const c = stringArg(args, 1, 'trim', at);
      if (!s.ok) return s.err;
      if (!c.ok) return c.err;
      return str(trimChars(s.v, c.v), at);
    },
  },
  trimprefix: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'trimprefix', at);
      const p = stringArg(args, 1, 'trimprefix', at);
      if (!s.ok) return s.err;
      if (!p.ok) return p.err;
      return str(s.v.startsWith(p.v) ? s.v.slice(p.v.length) : s.v, at);
    },
  },
  trimsuffix: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'trimsuffix', at);
      const p = stringArg(args, 1, 'trimsuffix', at);
      if (!s.ok) return s.err;
      if (!p.ok) return p.err;
      return str(p.v !== '' && s.v.endsWith(p.v) ? s.v.slice(0, -p.v.length) : s.v, at);
    },
  },
  startswith: s2b('startswith', (s, p) => s.startsWith(p)),
  endswith: s2b('endswith', (s, p) => s.endsWith(p)),
  strcontains: s2b('strcontains', (s, p) => s.includes(p)),
  substr: {
    min: 3,
    max: 3,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'substr', at);
      const o = numberArg(args, 1, 'substr', at);
      const l = numberArg(args, 2, 'substr', at);
      if (!s.ok) return s.err;
      if (!o.ok) return o.err;
      if (!l.ok) return l.err;
      const cs = [...s.v];
      let off = o.v < 0 ? cs.length + o.v : o.v;
      if (off < 0) off = 0;
      if (off > cs.length) return errorValue('substr(): offset beyond the end of the string', at);
      const end = l.v < 0 ? cs.length : Math.min(cs.length, off + l.v);
      return str(cs.slice(off, end).join(''), at);
    },
  },
  indent: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const n = numberArg(args, 0, 'indent', at);
      const s = stringArg(args, 1, 'indent', at);
      if (!n.ok) return n.err;
      if (!s.ok) return s.err;
      return str(s.v.split('\n').join('\n' + ' '.repeat(Math.max(0, n.v))), at);
    },
  },
  regex: { min: 2, max: 2, fn: (_args, at) => unknownOf(`regex(): ${REGEX_NOT_EVALUATED}`, at) },
  regexall: { min: 2, max: 2, fn: (_args, at) => unknownOf(`regexall(): ${REGEX_NOT_EVALUATED}`, at) },
};

