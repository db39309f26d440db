import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import { containsUnknown, derivedUnknown, errorValue, fromJson, list, obj, str, toJson, compareStrings } from '../values.js';
import { stringArg } from './args.js';
import type { FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions (encoding and hash functions)

/** Terraform's JSON: object keys in lexical order, `<`, `>` and `&` escaped as Go's encoder does. */
export function encodeJson(v: Value): string {
  return JSON.stringify(sortKeys(toJson(v))).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function sortKeys(j: unknown): unknown {
  if (Array.isArray(j)) return j.map(sortKeys);
  if (j !== null && typeof j === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(j).sort(compareStrings)) o[k] = sortKeys((j as Record<string, unknown>)[k]);
    return o;
  }
  return j;
}

/**
 * `jsonencode(x)`: a string, with `x` kept as `json` so policy checks see positions. When parts of `x` are known only
 * after apply the string is unknown, and `json` still carries the document with its unknown leaves.
 */
export function jsonEncoded(v: Value, at: Provenance): Value {
  if (containsUnknown(v)) {
    const u = derivedUnknown([v], at);
    if (u.t !== 'unknown') return u;
    return { t: 'unknown', why: u.why, refs: u.refs, at, json: v };
  }
  return { t: 'string', v: encodeJson(v), at, json: v };
}

export function decodeJson(text: string, at: Provenance): Value {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return errorValue(`jsondecode(): invalid JSON (${e instanceof Error ? e.message : String(e)})`, at);
  }
  return fromJson(j, at);
}

function hash(fn: string, algorithm: string, encoding: 'hex' | 'base64') {
  return {
    min: 1,
    max: 1,
    fn: (args: readonly Value[], at: Provenance): Value => {
      const s = stringArg(args, 0, fn, at);
      return s.ok ? str(createHash(algorithm).update(s.v, 'utf8').digest(encoding), at) : s.err;
    },
  };
}

/** RFC 4180 CSV, first row as header: https://developer.hashicorp.com/terraform/language/functions/csvdecode */
function csvRows(text: string): string[][] | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) return undefined;
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export const ENCODING_FUNCTIONS: FunctionTable = {
  jsonencode: { min: 1, max: 1, partial: true, fn: (args, at) => jsonEncoded(args[0] as Value, at) },
  jsondecode: {
    min: 1,
    max: 1,
    partial: true,
    fn: (args, at) => {
      const a = args[0] as Value;
      if (a.t === 'unknown') return a.json ?? derivedUnknown([a], at);
      if (a.t === 'string' && a.json) return a.json;
      const s = stringArg(args, 0, 'jsondecode', at);
      return s.ok ? decodeJson(s.v, at) : s.err;
    },
  },
  yamldecode: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'yamldecode', at);
      if (!s.ok) return s.err;
      try {
        return fromJson(parseYaml(s.v, { maxAliasCount: 100 }) as unknown, at);
      } catch (e) {
        return errorValue(`yamldecode(): invalid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, at);
      }
    },
  },
  yamlencode: {
    min: 1,
    max: 1,
    fn: (args, at) => str(stringifyYaml(toJson(args[0] as Value)), at),
  },
  csvdecode: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'csvdecode', at);
      if (!s.ok) return s.err;
      const rows = csvRows(s.v);
      if (!rows || rows.length === 0) return errorValue('csvdecode(): invalid CSV', at);
      const [header, ...body] = rows as [string[], ...string[][]];
      const out: Value[] = [];
      for (const r of body) {
        if (r.length !== header.length) return errorValue('csvdecode(): a row has a different number of fields than the header', at);
        out.push(obj(new Map(header.map((h, i) => [h, str(r[i] as string, at)])), at));
      }
      return list(out, at);
    },
  },
  base64encode: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'base64encode', at);
      return s.ok ? str(Buffer.from(s.v, 'utf8').toString('base64'), at) : s.err;
    },
  },
  base64decode: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'base64decode', at);
      if (!s.ok) return s.err;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.v) || s.v.length % 4 !== 0) return errorValue('base64decode(): invalid base64', at);
      return str(Buffer.from(s.v, 'base64').toString('utf8'), at);
    },
  },
  urlencode: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'urlencode', at);
      return s.ok ? str(encodeURIComponent(s.v).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()), at) : s.err;
    },
  },
  md5: hash('md5', 'md5', 'hex'),
  sha1: hash('sha1', 'sha1', 'hex'),
  sha256: hash('sha256', 'sha256', 'hex'),
  sha512: hash('sha512', 'sha512', 'hex'),
  base64sha256: hash('base64sha256', 'sha256', 'base64'),
  base64sha512: hash('base64sha512', 'sha512', 'base64'),
};
