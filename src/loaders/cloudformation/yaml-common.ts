import { YAMLMap, YAMLSeq } from 'yaml';
import type { CollectionTag, ScalarTag, Tags } from 'yaml';
import type { Provenance } from '../../model/core/index.js';
import type { Value } from '../common/value.js';

/** What both YAML readers share: the schema CloudFormation reads YAML with, and the long forms of short tags. */

/** Short-form tags CloudFormation documents; each maps to `Fn::<name>` except `!Ref` and `!Condition`. */
export const SHORT_FORM_TAGS = [
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split',
  'Sub', 'Transform', 'If', 'Equals', 'And', 'Or', 'Not', 'Length', 'ToJsonString', 'ForEach',
] as const;

const UNSUPPORTED_TAGS = new Set([
  'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set',
  'tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:merge',
]);

const identityTags: (ScalarTag | CollectionTag)[] = SHORT_FORM_TAGS.flatMap((name) => {
  const tag = `!${name}`;
  const scalar: ScalarTag = { tag, resolve: (s: string) => s };
  const seq: CollectionTag = { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (c) => c };
  const map: CollectionTag = { tag, collection: 'map', nodeClass: YAMLMap, resolve: (c) => c };
  return [scalar, seq, map];
});

const customTags = (tags: Tags): Tags => [
  ...tags.filter((t) => typeof t !== 'string' && !UNSUPPORTED_TAGS.has(t.tag)),
  ...identityTags,
];

/** How CloudFormation YAML is read, shared with the fast reader so both resolve scalars alike. */
export const YAML_OPTIONS = {
  version: '1.1', merge: false, resolveKnownTags: false, customTags, uniqueKeys: false, prettyErrors: false,
  keepSourceTokens: false, strict: false,
} as const;

export function scalarValue(v: unknown, source: string | undefined, at: Provenance): Value {
  switch (typeof v) {
    case 'string': return { t: 'string', v, at };
    case 'number': return Number.isFinite(v) ? { t: 'number', v, at } : { t: 'string', v: source ?? String(v), at };
    case 'boolean': return { t: 'bool', v, at };
    case 'bigint': return { t: 'string', v: String(v), at };
    default: return v === null || v === undefined ? { t: 'null', at } : { t: 'string', v: source ?? String(v), at };
  }
}

/** `!Ref X` → `{Ref: X}`, `!GetAtt a.b.c` → `{'Fn::GetAtt': [a, 'b.c']}`, `!Sub …` → `{'Fn::Sub': …}`. */
export function longForm(name: string, arg: Value, at: Provenance): Value {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  let value = arg;
  if (name === 'GetAtt' && arg.t === 'string') {
    const dot = arg.v.indexOf('.');
    value = dot === -1
      ? { t: 'list', items: [arg], at: arg.at }
      : { t: 'list', items: [{ t: 'string', v: arg.v.slice(0, dot), at: arg.at }, { t: 'string', v: arg.v.slice(dot + 1), at: arg.at }], at: arg.at };
  }
  return { t: 'object', fields: new Map([[key, value]]), at };
}
