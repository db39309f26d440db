import type { UnknownValue, Value } from '../../../common/value.js';
import { bool, list, nul, num, str, unknownValue } from '../../../common/value.js';
import { guidOf, uniqueStringOf } from '../hash.js';
import type { CallCtx, FnTable } from '../scope.js';
import { deepEquals, fromJs, getField, jsonText, symbolOf, symbolic, withPieces } from '../values.js';
import { int, isValue, symbolicString, text, texts } from './util.js';

/**
 * String functions. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
 * Arrays and objects share several of them (concat, contains, empty, first, last, length, skip, take); those live here
 * because ARM dispatches on the first argument's type.
 */

/**
 * .NET composite formatting as `format()` uses it: `{0}`, `{0:D3}`, `{{`/`}}` escapes. An unknown argument is kept
 * as an unknown piece in its place, so the result's literal text stays known; known arguments give one piece.
 */
function compositeFormat(c: CallCtx, fmt: string, args: readonly (string | UnknownValue)[], raw: readonly Value[]): (string | UnknownValue)[] | Value {
  const pieces: (string | UnknownValue)[] = [];
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i++; continue; }
      const close = fmt.indexOf('}', i);
      if (close < 0) return c.error('format string has an unclosed `{`');
      const spec = fmt.slice(i + 1, close);
      const colon = spec.indexOf(':');
      const head = colon < 0 ? spec : spec.slice(0, colon);
      const fmtSpec = colon < 0 ? '' : spec.slice(colon + 1);
      const n = Number(head.split(',')[0]);
      if (!Number.isInteger(n) || args[n] === undefined) return c.error(`format placeholder \`{${spec}}\` has no argument`);
      const a = args[n] as string | UnknownValue;
      i = close;
      if (typeof a !== 'string') {
        pieces.push(out, a);
        out = '';
        continue;
      }
      let s = a;
      const v = raw[n];
      if (v?.t === 'number') s = numberFormat(v.v, fmtSpec) ?? s;
      out += s;
    } else if (ch === '}') {
      if (fmt[i + 1] === '}') i++;
      out += '}';
    } else {
      out += ch;
    }
  }
  pieces.push(out);
  return pieces;
}

/** The pieces of a string function's arguments: texts and unknowns; undefined when one is neither (an array). */
function stringPieces(args: readonly Value[]): (string | UnknownValue)[] | undefined {
  const out: (string | UnknownValue)[] = [];
  for (const a of args) {
    if (a.t === 'null') continue;
    if (a.t === 'unknown') {
      out.push(a);
      continue;
    }
    const s = text(a);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** The shape of `format()` over some unknown arguments: its known format with each unknown argument in place. */
function formatPieces(c: CallCtx, args: readonly Value[]): (string | UnknownValue)[] | undefined {
  const [fmt, ...rest] = args;
  if (fmt?.t !== 'string') return undefined;
  const pieces = stringPieces(rest.map((v) => (v.t === 'null' ? str('', v.at) : v)));
  if (pieces === undefined) return undefined;
  const r = compositeFormat(c, fmt.v, pieces, rest);
  return Array.isArray(r) ? r : undefined;
}

/** The .NET standard numeric formats templates use: `D<n>` (zero-padded integer) and `N<n>` (grouped, n decimals). */
function numberFormat(n: number, spec: string): string | undefined {
  const m = /^([DdNn])(\d{0,2})$/.exec(spec);
  if (!m) return undefined;
  const width = m[2] === '' ? undefined : Number(m[2]);
  if ((m[1] as string).toUpperCase() === 'D') return (n < 0 ? '-' : '') + String(Math.abs(Math.trunc(n))).padStart(width ?? 0, '0');
  const decimals = width ?? 2;
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

function formatTexts(fmt: string, args: readonly string[]): string {
  // Symbol form of format(): placeholders replaced by their arguments' texts, format specifiers ignored.
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '{' && fmt[i + 1] === '{') { out += '{'; i++; continue; }
    if (ch === '}' && fmt[i + 1] === '}') { out += '}'; i++; continue; }
    if (ch === '{') {
      const close = fmt.indexOf('}', i);
      const n = Number(fmt.slice(i + 1, close < 0 ? fmt.length : close).split(/[,:]/)[0]);
      out += args[n] ?? '';
      i = close < 0 ? fmt.length : close;
      continue;
    }
    out += ch;
  }
  return out;
}

function concat(c: CallCtx, args: readonly Value[]): Value {
  if (args.some((a) => a.t === 'list')) {
    const items: Value[] = [];
    for (const a of args) {
      if (a.t === 'unknown') return unknownValue(a.why, c.at, a.refs);
      if (a.t === 'null') continue;
      if (a.t !== 'list') return c.error('`concat` cannot mix arrays and strings');
      items.push(...a.items);
    }
    return list(items, c.at);
  }
  const sym = symbolicString(c, args, (t) => t.join(''));
  if (sym) return withPieces(sym, stringPieces(args));
  const ts = texts(c, args.filter((a) => a.t !== 'null'));
  return isValue(ts) ? ts : str(ts.join(''), c.at);
}

/** `guid()` and `uniqueString()`: Azure computes these at deployment with a hash it does not document. */
function hashed(c: CallCtx, args: readonly Value[], kind: 'guid' | 'uniqueString'): Value {
  const parts: string[] = [];
  let refs: readonly string[] = [];
  for (const a of args) {
    if (a.t === 'unknown') refs = [...refs, ...a.refs];
    const s = a.t === 'unknown' ? symbolOf(a) : text(a);
    if (s === undefined) return unknownValue(a.t === 'unknown' ? a.why : `\`${kind}\` expects strings`, c.at, refs);
    parts.push(s);
  }
  // Braces mark the stand-in as not the real value wherever it ends up (a name `st{x2ldy76mbph4g}` stays unknown).
  const symbol = `{${kind === 'guid' ? guidOf(parts) : uniqueStringOf(parts)}}`;
  return symbolic(`\`${kind}()\` is a hash Azure computes at deployment`, c.at, symbol, refs);
}


function sliceOf(c: CallCtx, v: Value, start: number, end: number | undefined): Value {
  if (v.t === 'string') return str(v.v.slice(start, end), c.at);
  if (v.t === 'list') return list(v.items.slice(start, end), c.at);
  return c.error(`\`${c.name}\` expects a string or an array`);
}

function lengthOf(c: CallCtx, v: Value): Value {
  switch (v.t) {
    case 'string': return num(v.v.length, c.at);
    case 'list': return num(v.items.length, c.at);
    case 'object': return num(v.fields.size, c.at);
    case 'null': return num(0, c.at);
    default: return c.error('`length` expects a string, array or object');
  }
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function fromB64(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

function parseJsonText(c: CallCtx, s: string): Value {
  try {
    return fromJs(JSON.parse(s) as unknown, c.at);
  } catch {
    return c.error('`json` argument is not valid JSON', 'invalid-value');
  }
}

const ciIndexOf = (s: string, sub: string): number => s.toLowerCase().indexOf(sub.toLowerCase());
const ciLastIndexOf = (s: string, sub: string): number => s.toLowerCase().lastIndexOf(sub.toLowerCase());

export const STRING_FUNCTIONS: FnTable = {
  concat: { min: 1, handlesUnknown: true, run: (c, a) => concat(c, a) },
  format: {
    min: 1,
    handlesUnknown: true,
    run(c, a) {
      const sym = symbolicString(c, a, (t) => formatTexts(t[0] ?? '', t.slice(1)));
      if (sym) return withPieces(sym, formatPieces(c, a));
      const ts = texts(c, a.map((v) => (v.t === 'null' ? str('', v.at) : v)));
      if (isValue(ts)) return ts;
      const r = compositeFormat(c, ts[0] as string, ts.slice(1), a.slice(1));
      return Array.isArray(r) ? str(r.join(''), c.at) : r;
    },
  },
  tolower: {
    min: 1, max: 1, handlesUnknown: true,
    run: (c, [s]) => symbolicString(c, [s as Value], (t) => (t[0] ?? '').toLowerCase()) ?? strFn(c, s as Value, (x) => x.toLowerCase()),
  },
  toupper: {
    min: 1, max: 1, handlesUnknown: true,
    run: (c, [s]) => symbolicString(c, [s as Value], (t) => (t[0] ?? '').toUpperCase()) ?? strFn(c, s as Value, (x) => x.toUpperCase()),
  },
  trim: { min: 1, max: 1, run: (c, [s]) => strFn(c, s as Value, (x) => x.trim()) },
  replace: {
    min: 3, max: 3, handlesUnknown: true,
    run(c, a) {
      const sym = symbolicString(c, a, (t) => (t[0] ?? '').split(t[1] ?? '').join(t[2] ?? ''));
      if (sym) return sym;
      const ts = texts(c, a);
      if (isValue(ts)) return ts;
      const [s, from, to] = ts as [string, string, string];
      return str(from === '' ? s : s.split(from).join(to), c.at);
    },
  },
  split: {
    min: 2, max: 2,
    run(c, [s, d]) {
      if (s?.t !== 'string') return c.error('`split` expects a string');
      const delims: string[] = [];
      if (d?.t === 'string') delims.push(d.v);
      else if (d?.t === 'list') for (const x of d.items) { if (x.t === 'string') delims.push(x.v); }
      else return c.error('`split` expects a delimiter string or array of strings');
      let parts = [s.v];
      for (const del of delims) if (del !== '') parts = parts.flatMap((p) => p.split(del));
      return list(parts.map((p) => str(p, c.at)), c.at);
    },
  },
  join: {
    min: 2, max: 2,
    run(c, [arr, d]) {
      if (arr?.t !== 'list' || d?.t !== 'string') return c.error('`join` expects an array and a delimiter');
      const sym = symbolicString(c, arr.items, (t) => t.join(d.v));
      if (sym) return sym;
      const ts = texts(c, arr.items);
      return isValue(ts) ? ts : str(ts.join(d.v), c.at);
    },
  },
  substring: {
    min: 2, max: 3,
    run(c, [s, startV, lenV]) {
      if (s?.t !== 'string') return c.error('`substring` expects a string');
      const start = int(startV as Value);
      const len = lenV === undefined ? s.v.length - (start ?? 0) : int(lenV);
      if (start === undefined || len === undefined || start < 0 || len < 0 || start + len > s.v.length) {
        return c.error('`substring` start or length is outside the string');
      }
      return str(s.v.substring(start, start + len), c.at);
    },
  },
  length: { min: 1, max: 1, run: (c, [v]) => lengthOf(c, v as Value) },
  empty: {
    min: 1, max: 1,
    run(c, [v]) {
      switch (v?.t) {
        case 'null': return bool(true, c.at);
        case 'string': return bool(v.v.length === 0, c.at);
        case 'list': return bool(v.items.length === 0, c.at);
        case 'object': return bool(v.fields.size === 0, c.at);
        default: return bool(false, c.at);
      }
    },
  },
  contains: {
    min: 2, max: 2, handlesUnknown: true,
    run(c, [container, item]) {
      const co = container as Value;
      const it = item as Value;
      if (co.t === 'unknown') return unknownValue(co.why, c.at, co.refs);
      if (co.t === 'list') {
        let unknown: Value | undefined;
        for (const x of co.items) {
          const eq = deepEquals(x, it);
          if (eq === true) return bool(true, c.at);
          if (eq === 'unknown') unknown ??= unknownValue('`contains` compares an unknown value', c.at);
        }
        return unknown ?? bool(false, c.at);
      }
      if (it.t === 'unknown') return unknownValue(it.why, c.at, it.refs);
      const needle = text(it);
      if (co.t === 'string' && needle !== undefined) return bool(co.v.includes(needle), c.at);
      if (co.t === 'object' && needle !== undefined) return bool(getField(co, needle) !== undefined, c.at);
      return c.error('`contains` expects a string, array or object');
    },
  },
  first: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t === 'string') return str(v.v.slice(0, 1), c.at);
      if (v?.t === 'list') return v.items[0] ?? nul(c.at);
      return c.error('`first` expects a string or an array');
    },
  },
  last: {
    min: 1, max: 1,
    run(c, [v]) {
      if (v?.t === 'string') return str(v.v.slice(-1), c.at);
      if (v?.t === 'list') return v.items[v.items.length - 1] ?? nul(c.at);
      return c.error('`last` expects a string or an array');
    },
  },
  skip: {
    min: 2, max: 2,
    run(c, [v, n]) {
      const k = int(n as Value);
      if (k === undefined) return c.error('`skip` expects an integer count');
      return sliceOf(c, v as Value, Math.max(0, k), undefined);
    },
  },
  take: {
    min: 2, max: 2,
    run(c, [v, n]) {
      const k = int(n as Value);
      if (k === undefined) return c.error('`take` expects an integer count');
      return sliceOf(c, v as Value, 0, Math.max(0, k));
    },
  },
  indexof: {
    min: 2, max: 2,
    run(c, [s, sub]) {
      if (s?.t === 'list') return num(s.items.findIndex((x) => deepEquals(x, sub as Value) === true), c.at);
      if (s?.t === 'string' && sub?.t === 'string') return num(ciIndexOf(s.v, sub.v), c.at);
      return c.error('`indexOf` expects a string or an array');
    },
  },
  lastindexof: {
    min: 2, max: 2,
    run(c, [s, sub]) {
      if (s?.t === 'list') {
        for (let i = s.items.length - 1; i >= 0; i--) if (deepEquals(s.items[i] as Value, sub as Value) === true) return num(i, c.at);
        return num(-1, c.at);
      }
      if (s?.t === 'string' && sub?.t === 'string') return num(ciLastIndexOf(s.v, sub.v), c.at);
      return c.error('`lastIndexOf` expects a string or an array');
    },
  },
  startswith: {
    min: 2, max: 2,
    run: (c, [s, p]) => (s?.t === 'string' && p?.t === 'string' ? bool(s.v.toLowerCase().startsWith(p.v.toLowerCase()), c.at) : c.error('`startsWith` expects strings')),
  },
  endswith: {
    min: 2, max: 2,
    run: (c, [s, p]) => (s?.t === 'string' && p?.t === 'string' ? bool(s.v.toLowerCase().endsWith(p.v.toLowerCase()), c.at) : c.error('`endsWith` expects strings')),
  },
  padleft: {
    min: 2, max: 3,
    run(c, [v, n, ch]) {
      const s = text(v as Value);
      const k = int(n as Value);
      const pad = ch === undefined ? ' ' : text(ch);
      if (s === undefined || k === undefined || pad === undefined || pad.length !== 1) return c.error('`padLeft` expects a value, a length and one padding character');
      if (k > 16_000) return c.error('`padLeft` total length is too large', 'invalid-value');
      return str(s.padStart(k, pad), c.at);
    },
  },
  string: {
    min: 1, max: 1, handlesUnknown: true,
    run(c, [v]) {
      const x = v as Value;
      if (x.t === 'unknown') return symbolicString(c, [x], (t) => t[0] ?? '') ?? x;
      if (x.t === 'string') return x;
      if (x.t === 'null') return str('', c.at);
      const t = text(x) ?? jsonText(x);
      return t === undefined ? unknownValue('`string()` of a value holding unknowns', c.at) : str(t, c.at);
    },
  },
  json: {
    min: 1, max: 1,
    run: (c, [s]) => (s?.t === 'string' ? parseJsonText(c, s.v) : c.error('`json` expects a string')),
  },
  base64: { min: 1, max: 1, run: (c, [s]) => strFn(c, s as Value, b64) },
  base64tostring: { min: 1, max: 1, run: (c, [s]) => strFn(c, s as Value, fromB64) },
  base64tojson: { min: 1, max: 1, run: (c, [s]) => (s?.t === 'string' ? parseJsonText(c, fromB64(s.v)) : c.error('`base64ToJson` expects a string')) },
  datauri: { min: 1, max: 1, run: (c, [s]) => strFn(c, s as Value, (x) => `data:text/plain;charset=utf8;base64,${b64(x)}`) },
  datauritostring: {
    min: 1, max: 1,
    run(c, [s]) {
      if (s?.t !== 'string') return c.error('`dataUriToString` expects a string');
      const comma = s.v.indexOf(',');
      const head = s.v.slice(0, Math.max(comma, 0));
      const body = s.v.slice(comma + 1);
      return str(head.endsWith(';base64') ? fromB64(body) : decodeURIComponent(body), c.at);
    },
  },
  uri: {
    min: 2, max: 2,
    run(c, [base, rel]) {
      if (base?.t !== 'string' || rel?.t !== 'string') return c.error('`uri` expects two strings');
      try {
        return str(new URL(rel.v, base.v).toString(), c.at);
      } catch {
        return c.error('`uri` base is not an absolute URI', 'invalid-value');
      }
    },
  },
  uricomponent: { min: 1, max: 1, run: (c, [s]) => strFn(c, s as Value, encodeURIComponent) },
  uricomponenttostring: {
    min: 1, max: 1,
    run(c, [s]) {
      try {
        return strFn(c, s as Value, decodeURIComponent);
      } catch {
        return c.error('`uriComponentToString` argument is not a valid encoded component', 'invalid-value');
      }
    },
  },
  guid: { min: 1, handlesUnknown: true, run: (c, a) => hashed(c, a, 'guid') },
  uniquestring: { min: 1, handlesUnknown: true, run: (c, a) => hashed(c, a, 'uniqueString') },
  newguid: {
    min: 0, max: 0,
    run: (c) => symbolic('`newGuid()` is random at each deployment', c.at, `{${guidOf(['newGuid', c.at.file, String(c.at.line), String(c.at.column)])}}`),
  },
};

function strFn(c: CallCtx, v: Value, f: (s: string) => string): Value {
  const s = text(v);
  if (s === undefined) return c.error(`\`${c.name}\` expects a string`);
  return str(f(s), c.at);
}
