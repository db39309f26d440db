import type { Attr, DiagnosticCode, Link, LoadDiagnostic, Provenance, ResourceBase } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { Resource, ResourceFragment } from '../../../model/index.js';
import { readLink, readString } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import { getField, getObject, symbolOf } from '../eval/values.js';
import type { ArmInstance } from '../resources.js';

/** What adapters write to. */
export interface AdaptSink {
  readonly resources: Resource[];
  readonly fragments: ResourceFragment[];
  report(code: DiagnosticCode, severity: LoadDiagnostic['severity'], at: Provenance, message: string): void;
}

/** A resource instance with its evaluated body. */
export type ArmResource = ArmInstance & { readonly body: ObjectValue };

export type Adapter = (r: ArmResource, out: AdaptSink) => void;

export function base<K extends string>(r: ArmResource, kind: K, extraAliases: readonly string[] = []): ResourceBase<K> {
  const aliases = new Set<string>([r.key, ...extraAliases.map((a) => a.toLowerCase())]);
  if (r.name.t === 'string') aliases.add(r.name.v);
  return { kind, key: r.key, aliases: [...aliases], native: { type: r.type, name: r.nameText, address: r.id }, at: r.at };
}

export function properties(r: ArmResource): ObjectValue | undefined {
  return getObject(r.body, 'properties');
}

/** The last segment of the resource's name: known when that segment is, even if a parent's name is not. */
export function leafName(r: ArmResource): Attr<string> {
  const leaf = r.nameText.slice(r.nameText.lastIndexOf('/') + 1);
  if (r.name.t === 'string') return known(r.name.v.slice(r.name.v.lastIndexOf('/') + 1), r.nameAt);
  if (r.name.t === 'unknown' && !leaf.includes('{')) return known(leaf, r.nameAt);
  return unknown(r.nameAt, r.name.t === 'unknown' ? r.name.why : 'the name is not a string');
}

/** The name of a nested object (`securityRules[i].name`, `subnets[i].name`): a string, or its symbol for ids. */
export function nameOf(o: ObjectValue | undefined, at: Provenance): { attr: Attr<string>; text: string } {
  const v = getField(o, 'name');
  const attr = readString(v, at, undefined, 'name');
  const text = v ? symbolOf(v) : undefined;
  return { attr, text: text ?? `{name@${at.line}:${at.column}}` };
}

/**
 * A reference to another resource. A known id is the link; an unknown id that still has a symbolic form (built by
 * `resourceId()` from a parameter without a value) links to the resource declared with the same symbolic id.
 */
export function link(v: Value | undefined, at: Provenance): Link {
  if (v?.t === 'unknown') {
    const s = symbolOf(v);
    if (s !== undefined && s.startsWith('/')) return known(s, v.at);
  }
  return readLink(v, at);
}

/** `{ "id": "..." }` sub-resource reference, or null when absent. */
export function subResource(o: ObjectValue | undefined, field: string, at: Provenance): Link | null {
  const v = getField(o, field);
  if (v === undefined || v.t === 'null') return null;
  if (v.t === 'unknown') return link(v, at);
  if (v.t !== 'object') return unknown(v.at, `\`${field}\` is not an object with an id`);
  return link(getField(v, 'id'), v.at);
}

export function subResources(o: ObjectValue | undefined, field: string, at: Provenance): Link[] {
  const v = getField(o, field);
  if (v === undefined || v.t === 'null') return [];
  if (v.t === 'unknown') return [link(v, at)];
  if (v.t !== 'list') return [unknown(v.at, `\`${field}\` is not an array`)];
  return v.items.map((it) => (it.t === 'object' ? link(getField(it, 'id'), it.at) : link(it, it.at)));
}

/** An enumeration read case-insensitively and returned in its canonical spelling. */
export function readEnum<T extends string>(v: Value | undefined, at: Provenance, values: readonly T[], name: string, dflt?: T): Attr<T> {
  if (v === undefined || v.t === 'null') return dflt !== undefined ? defaulted(dflt, at) : unknown(at, `\`${name}\` is not set`);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  if (v.t === 'string') {
    const hit = values.find((x) => x.toLowerCase() === v.v.toLowerCase());
    if (hit !== undefined) return known(hit, v.at);
    return unknown(v.at, `\`${name}\` is \`${v.v}\`, not one of ${values.join(', ')}`);
  }
  return unknown(v.at, `\`${name}\` is not a string`);
}

/** A string whose known values are canonicalised case-insensitively (`tcp` → `Tcp`); others are kept as written. */
export function readCanonical(v: Value | undefined, at: Provenance, values: readonly string[], name: string, dflt?: string): Attr<string> {
  const s = readString(v, at, dflt, name);
  if (!s.known) return s;
  const hit = values.find((x) => x.toLowerCase() === s.value.toLowerCase());
  return hit !== undefined && hit !== s.value ? { ...s, value: hit } : s;
}

/** True when `apiVersion` is older than `date` (`2022-09-01` < `2023-01-01`; preview suffixes sort after). */
export function apiBefore(apiVersion: string | undefined, date: string): boolean {
  return apiVersion !== undefined && apiVersion.slice(0, 10) < date;
}

/** The part of an extension resource's id before `/providers/<ns>/<type>/<name>`: the resource it applies to. */
export function extendedScope(r: ArmResource, namespaceAndType: string): string {
  const marker = `/providers/${namespaceAndType.toLowerCase()}/`;
  const i = r.id.toLowerCase().lastIndexOf(marker);
  if (i < 0) return '/';
  return r.id.slice(0, i) || '/';
}

/** The id of the resource a child belongs to: the id without its last `/type/name`. */
export function parentId(r: ArmResource): string {
  const parts = r.id.split('/');
  return parts.slice(0, -2).join('/');
}
