import type { Provenance } from '../../../../model/core/index.js';
import type { ObjectValue, Value } from '../../../common/value.js';
import { containsUnknown, derivedUnknown, fromJson, isError, list, obj, str, toJson } from './values.js';

/**
 * Evaluates `data "aws_iam_policy_document"` the way the AWS provider renders it:
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 * - one-element lists render as a plain string; `type = "*"` with `identifiers = ["*"]` renders `"Principal": "*"`;
 * - `&{aws:username}` is the escape for IAM policy variables and renders as `${aws:username}`;
 * - statements with a Sid override same-Sid statements of `source_policy_documents`; `override_policy_documents`
 *   override by Sid in order; other statements are appended.
 * Returns the document (positions: each statement at its `statement` block) or an unknown/error when a source
 * document itself cannot be known.
 */
export function policyDocument(values: ObjectValue, at: Provenance): Value {
  const own: Value[] = [];
  for (const s of blockList(values.fields.get('statement'))) own.push(statement(s));

  const sources: Value[] = [];
  for (const d of [...docList(values.fields.get('source_json')), ...docList(values.fields.get('source_policy_documents'))]) {
    const decoded = decodeDocument(d);
    if (decoded.t !== 'object') return decoded;
    sources.push(...statementsOf(decoded));
  }
  let statements = overrideBySid(sources, own);
  for (const d of [...docList(values.fields.get('override_policy_documents')), ...docList(values.fields.get('override_json'))]) {
    const decoded = decodeDocument(d);
    if (decoded.t !== 'object') return decoded;
    statements = overrideBySid(statements, statementsOf(decoded));
  }

  const fields = new Map<string, Value>();
  const version = values.fields.get('version');
  fields.set('Version', version && version.t !== 'null' ? version : str('2012-10-17', at));
  const id = values.fields.get('policy_id');
  if (id && id.t !== 'null') fields.set('Id', id);
  fields.set('Statement', list(statements, at));
  return obj(fields, at);
}

/** The `json` attribute: the rendered string when fully known, otherwise unknown carrying the document shape. */
export function policyJson(doc: Value, at: Provenance, minified: boolean): Value {
  if (doc.t !== 'object') return doc;
  if (containsUnknown(doc)) {
    const u = derivedUnknown([doc], at);
    return u.t === 'unknown' ? { ...u, at, json: doc } : u;
  }
  return { t: 'string', v: JSON.stringify(toJson(doc), null, minified ? undefined : 2), at, json: doc };
}

function blockList(v: Value | undefined): ObjectValue[] {
  if (!v || v.t !== 'list') return [];
  return v.items.filter((x): x is ObjectValue => x.t === 'object');
}

function docList(v: Value | undefined): Value[] {
  if (!v || v.t === 'null') return [];
  if (v.t === 'list') return [...v.items];
  return [v];
}

function decodeDocument(d: Value): Value {
  if (isError(d)) return d;
  if (d.t === 'unknown') return d.json ?? derivedUnknown([d], d.at);
  if (d.t === 'string') {
    if (d.json) return d.json;
    try {
      return fromJson(JSON.parse(d.v) as unknown, d.at);
    } catch {
      return derivedUnknown([{ t: 'unknown', why: 'a source policy document is not valid JSON', refs: [], at: d.at }], d.at);
    }
  }
  if (d.t === 'object') return d;
  return derivedUnknown([{ t: 'unknown', why: `a source policy document must be a JSON string, got ${d.t}`, refs: [], at: d.at }], d.at);
}

function statementsOf(doc: Value): Value[] {
  if (doc.t !== 'object') return [];
  const s = doc.fields.get('Statement');
  if (!s) return [];
  if (s.t === 'list') return [...s.items];
  return [s];
}

function sidOf(s: Value): string | undefined {
  if (s.t !== 'object') return undefined;
  const sid = s.fields.get('Sid');
  return sid?.t === 'string' && sid.v !== '' ? sid.v : undefined;
}

function overrideBySid(base: readonly Value[], overrides: readonly Value[]): Value[] {
  const out = [...base];
  for (const o of overrides) {
    const sid = sidOf(o);
    const i = sid === undefined ? -1 : out.findIndex((b) => sidOf(b) === sid);
    if (i >= 0) out[i] = o;
    else out.push(o);
  }
  return out;
}

function statement(s: ObjectValue): Value {
  const f = new Map<string, Value>();
  const sid = s.fields.get('sid');
  if (sid && sid.t !== 'null' && !(sid.t === 'string' && sid.v === '')) f.set('Sid', sid);
  const effect = s.fields.get('effect');
  f.set('Effect', effect && effect.t !== 'null' ? effect : str('Allow', s.at));
  setStrings(f, 'Action', s.fields.get('actions'));
  setStrings(f, 'NotAction', s.fields.get('not_actions'));
  setStrings(f, 'Resource', s.fields.get('resources'));
  setStrings(f, 'NotResource', s.fields.get('not_resources'));
  setPrincipals(f, 'Principal', s.fields.get('principals'));
  setPrincipals(f, 'NotPrincipal', s.fields.get('not_principals'));
  setConditions(f, s.fields.get('condition'));
  return obj(f, s.at);
}

function policyVariables(v: Value): Value {
  return v.t === 'string' && v.v.includes('&{') ? str(v.v.split('&{').join('${'), v.at) : v;
}

/** One element → the string itself; several → a list; an unknown list stays unknown. */
function stringOrList(items: readonly Value[], at: Provenance): Value {
  const mapped = items.map(policyVariables);
  return mapped.length === 1 ? (mapped[0] as Value) : list(mapped, at);
}

function setStrings(f: Map<string, Value>, key: string, v: Value | undefined): void {
  if (!v || v.t === 'null') return;
  if (v.t === 'list') {
    if (v.items.length > 0) f.set(key, stringOrList(v.items, v.at));
    return;
  }
  f.set(key, policyVariables(v));
}

function setPrincipals(f: Map<string, Value>, key: string, v: Value | undefined): void {
  if (!v || v.t === 'null') return;
  if (v.t === 'unknown') {
    f.set(key, v);
    return;
  }
  const blocks = blockList(v);
  if (blocks.length === 0) return;
  const byType = new Map<string, Value[]>();
  const order: string[] = [];
  let at = v.at;
  for (const b of blocks) {
    const type = b.fields.get('type');
    const ids = b.fields.get('identifiers');
    if (!type || type.t !== 'string') {
      f.set(key, derivedUnknown([type ?? { t: 'unknown', why: 'principal type not set', refs: [], at: b.at }], b.at));
      return;
    }
    at = b.at;
    const list0 = ids?.t === 'list' ? ids.items : ids ? [ids] : [];
    const existing = byType.get(type.v);
    if (existing) existing.push(...list0);
    else {
      byType.set(type.v, [...list0]);
      order.push(type.v);
    }
  }
  const star = byType.get('*');
  if (order.length === 1 && star && star.length === 1 && star[0]?.t === 'string' && star[0].v === '*') {
    f.set(key, str('*', star[0].at));
    return;
  }
  const m = new Map<string, Value>();
  for (const t of order) m.set(t, stringOrList(byType.get(t) ?? [], at));
  f.set(key, obj(m, at));
}

function setConditions(f: Map<string, Value>, v: Value | undefined): void {
  const blocks = blockList(v);
  if (blocks.length === 0) return;
  const byTest = new Map<string, Map<string, Value[]>>();
  let at = blocks[0]?.at as Provenance;
  for (const b of blocks) {
    const test = b.fields.get('test');
    const variable = b.fields.get('variable');
    const values = b.fields.get('values');
    if (test?.t !== 'string' || variable?.t !== 'string') {
      f.set('Condition', derivedUnknown([test ?? b, variable ?? b], b.at));
      return;
    }
    at = b.at;
    const vars = byTest.get(test.v) ?? new Map<string, Value[]>();
    byTest.set(test.v, vars);
    const list0 = values?.t === 'list' ? values.items : values ? [values] : [];
    vars.set(variable.v, [...(vars.get(variable.v) ?? []), ...list0]);
  }
  const cond = new Map<string, Value>();
  for (const [test, vars] of byTest) {
    const m = new Map<string, Value>();
    for (const [k, vs] of vars) m.set(k, stringOrList(vs, at));
    cond.set(test, obj(m, at));
  }
  f.set('Condition', obj(cond, at));
}
