import type { Attr, EmbeddedDocument, JsonValue, Link, Provenance } from '../../model/core/index.js';
import { UNKNOWN_LEAF_PREFIX, defaulted, known, renderStringParts, unknown } from '../../model/core/index.js';
import type { ObjectValue, Value } from './value.js';

/**
 * Readers from resolved values to model attributes, shared by every adapter. A missing value takes the documented
 * default when there is one (marked `defaulted`, positioned at the resource); a value of the wrong shape or an
 * unresolvable one becomes unknown with the reason. Nothing here throws.
 */

export function field(o: ObjectValue | undefined, ...names: string[]): Value | undefined {
  if (!o) return undefined;
  for (const n of names) {
    const v = o.fields.get(n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The value as an object, if it is one. */
export function asObject(v: Value | undefined): ObjectValue | undefined {
  return v?.t === 'object' ? v : undefined;
}

/** The objects of a list value, anything else skipped. */
export function objects(v: Value | undefined): ObjectValue[] {
  return v?.t === 'list' ? v.items.filter((x): x is ObjectValue => x.t === 'object') : [];
}

/** The value as a string, if it is one. */
export function text(v: Value | undefined): string | undefined {
  return v?.t === 'string' ? v.v : undefined;
}

function missing<T>(at: Provenance, dflt: T | undefined, name: string): Attr<T> {
  return dflt === undefined ? unknown(at, `\`${name}\` is not set`) : defaulted(dflt, at);
}

export function readString(v: Value | undefined, at: Provenance, dflt?: string, name = 'value'): Attr<string> {
  if (v === undefined || v.t === 'null') return missing(at, dflt, name);
  switch (v.t) {
    case 'string': return known(v.v, v.at);
    case 'number': return known(String(v.v), v.at);
    case 'bool': return known(String(v.v), v.at);
    case 'unknown': return unknown(v.at, v.why);
    default: return unknown(v.at, `\`${name}\` is not a string`);
  }
}

export function readNullableString(v: Value | undefined, at: Provenance): Attr<string | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'string' && v.v === '') return known(null, v.at);
  return readString(v, at);
}

export function readBool(v: Value | undefined, at: Provenance, dflt?: boolean, name = 'value'): Attr<boolean> {
  if (v === undefined || v.t === 'null') return missing(at, dflt, name);
  if (v.t === 'bool') return known(v.v, v.at);
  if (v.t === 'string') {
    const s = v.v.toLowerCase();
    if (s === 'true') return known(true, v.at);
    if (s === 'false') return known(false, v.at);
  }
  if (v.t === 'unknown') return unknown(v.at, v.why);
  return unknown(v.at, `\`${name}\` is not a boolean`);
}

export function readNumber(v: Value | undefined, at: Provenance, dflt?: number, name = 'value'): Attr<number> {
  if (v === undefined || v.t === 'null') return missing(at, dflt, name);
  if (v.t === 'number') return known(v.v, v.at);
  if (v.t === 'string' && v.v.trim() !== '' && Number.isFinite(Number(v.v))) return known(Number(v.v), v.at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  return unknown(v.at, `\`${name}\` is not a number`);
}

/** A string or a list of strings; unknown when any element is unknown. */
export function readStringList(v: Value | undefined, at: Provenance, dflt: readonly string[] = []): Attr<readonly string[]> {
  if (v === undefined || v.t === 'null') return defaulted(dflt, at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  const items = v.t === 'list' ? v.items : [v];
  const out: string[] = [];
  for (const it of items) {
    const s = readString(it, at);
    if (!s.known) return unknown(s.at, s.why);
    out.push(s.value);
  }
  return known(out, v.at);
}

/**
 * A reference to another resource: a known string is a handle (name, id, ARN); an unknown value derived from
 * exactly one resource links to that resource's estate key.
 */
export function readLink(v: Value | undefined, at: Provenance): Link {
  if (v === undefined || v.t === 'null') return unknown(at, 'not set');
  if (v.t === 'string') return known(v.v, v.at);
  if (v.t === 'unknown') {
    const [first, ...rest] = v.refs;
    if (first !== undefined && rest.length === 0) return known(first, v.at);
    return unknown(v.at, v.why);
  }
  return unknown(v.at, 'not a reference');
}

/**
 * Converts a resolved value to plain JSON; unresolved leaves become `<unknown: why>` strings, and strings built from
 * known and unknown pieces keep their literal text around the placeholders (`arn:aws:iam::<unknown: why>:root`).
 */
export function toJson(v: Value): { json: JsonValue; partial: boolean } {
  let partial = false;
  const walk = (x: Value): JsonValue => {
    switch (x.t) {
      case 'string': case 'number': case 'bool': return x.v;
      case 'null': return null;
      case 'list': return x.items.map(walk);
      case 'object': {
        const o: { [k: string]: JsonValue } = {};
        for (const [k, val] of x.fields) o[k] = walk(val);
        return o;
      }
      case 'unknown':
        partial = true;
        return x.parts ? renderStringParts(x.parts) : `${UNKNOWN_LEAF_PREFIX} ${x.why}>`;
    }
  };
  const json = walk(v);
  return { json, partial };
}

/**
 * An embedded policy document: an object, or a JSON string (Terraform `jsonencode`, ARM/CFN string policies).
 * `null`/absent gives `null`.
 */
export function readDocument(v: Value | undefined, at: Provenance): Attr<EmbeddedDocument | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  // A JSON string built from a structure (jsonencode, a policy document data source): read the structure, which
  // keeps positions and, when parts are known only after apply, the document's shape with unknown leaves.
  if ((v.t === 'string' || v.t === 'unknown') && v.json) return readDocument(v.json, at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  if (v.t === 'string') {
    if (v.v.trim() === '') return known(null, v.at);
    try {
      const json = JSON.parse(v.v) as JsonValue;
      return known({ json, at: v.at, partial: false }, v.at);
    } catch {
      return unknown(v.at, 'the policy is not valid JSON');
    }
  }
  const { json, partial } = toJson(v);
  const statements = v.t === 'object' ? v.fields.get('Statement') : undefined;
  const statementAt = statements?.t === 'list' ? statements.items.map((s) => s.at) : statements ? [statements.at] : undefined;
  return known({ json, at: v.at, partial, ...(statementAt ? { statementAt } : {}) }, v.at);
}
