import type { Provenance, StringPart } from '../../model/core/index.js';

/**
 * A resolved configuration value with its position: what every loader's resolve step produces from its format's
 * expressions (CloudFormation intrinsics, ARM template functions, Terraform expressions) before adapting to the model.
 * `unknown` is a value that cannot be known before deployment; `refs` names the resources it derives from
 * (estate keys), which is how adapters link a rule to its security group when the group's id is not yet known.
 * `json` (optional, on strings and unknowns) is the structure a JSON-encoded string was built from, with positions
 * (Terraform `jsonencode(...)`, `data.aws_iam_policy_document.x.json`): when parts are known only after apply the
 * string is unknown but the document's shape, with unknown leaves, is still there for policy checks.
 * `unset` (optional, on unknowns) marks a value the input leaves out and a tool fills in at deployment (in a Terraform
 * plan, an attribute the configuration does not set that the provider computes): adapters read it as "not set" for
 * an argument (so its documented default applies) and as unknown for an output such as an address assigned at apply.
 * `parts` (optional, on unknowns) is the shape of a string built from known and unknown pieces
 * (`!Sub 'arn:aws:iam::${AWS::AccountId}:root'`, `"${aws_s3_bucket.b.arn}/*"`, ARM `concat(...)`): its literal texts
 * and unknown parts in order, with at least one literal text, so a principal that is plainly an account root is not
 * read as "anything".
 */
export type Value =
  | { readonly t: 'string'; readonly v: string; readonly at: Provenance; readonly json?: Value }
  | { readonly t: 'number'; readonly v: number; readonly at: Provenance }
  | { readonly t: 'bool'; readonly v: boolean; readonly at: Provenance }
  | { readonly t: 'null'; readonly at: Provenance }
  | { readonly t: 'list'; readonly items: readonly Value[]; readonly at: Provenance }
  | { readonly t: 'object'; readonly fields: ReadonlyMap<string, Value>; readonly at: Provenance }
  | { readonly t: 'unknown'; readonly why: string; readonly refs: readonly string[]; readonly at: Provenance; readonly json?: Value; readonly unset?: boolean; readonly parts?: readonly StringPart[] };

export type ObjectValue = Extract<Value, { t: 'object' }>;

export const str = (v: string, at: Provenance): Value => ({ t: 'string', v, at });
export const num = (v: number, at: Provenance): Value => ({ t: 'number', v, at });
export const bool = (v: boolean, at: Provenance): Value => ({ t: 'bool', v, at });
export const nul = (at: Provenance): Value => ({ t: 'null', at });
export const list = (items: readonly Value[], at: Provenance): Value => ({ t: 'list', items, at });
export const obj = (fields: ReadonlyMap<string, Value>, at: Provenance): ObjectValue => ({ t: 'object', fields, at });
export const unknownValue = (why: string, at: Provenance, refs: readonly string[] = []): Value => ({ t: 'unknown', why, refs, at });

export type UnknownValue = Extract<Value, { t: 'unknown' }>;

/** Bounds on a string shape: a shape built by doubling (`"${local.a}${local.a}"` over and over) is given up. */
const MAX_PARTS = 64;
const MAX_PART_TEXT = 16_384;

/**
 * The shape of a string concatenated from `pieces` in order (literal texts and unknown values): adjacent texts
 * merged, empty ones dropped, an unknown piece's own `parts` spliced in. Undefined when no literal text is left, as
 * the string is then wholly unknown, or when the shape is too large to be real configuration.
 */
export function stringParts(pieces: readonly (string | UnknownValue)[]): StringPart[] | undefined {
  const out: StringPart[] = [];
  let text = '';
  let hasText = false;
  let size = 0;
  const flush = (): void => {
    if (text !== '') out.push({ text });
    text = '';
  };
  for (const p of pieces) {
    const sub: readonly StringPart[] = typeof p === 'string' ? [{ text: p }] : (p.parts ?? [{ unknown: p.why }]);
    for (const q of sub) {
      size += 'text' in q ? q.text.length : 1;
      if (size > MAX_PART_TEXT || out.length >= MAX_PARTS) return undefined;
      if ('text' in q) {
        text += q.text;
        if (q.text !== '') hasText = true;
      } else {
        flush();
        out.push(q);
      }
    }
  }
  flush();
  return hasText ? out : undefined;
}

/** `u` with the string shape of `pieces` when some of it is literal text (see `stringParts`), else without one. */
export function withParts(u: UnknownValue, pieces: readonly (string | UnknownValue)[]): UnknownValue {
  const parts = stringParts(pieces);
  return parts ? { ...u, parts } : withoutParts(u);
}

/** `u` without a string shape: for a value derived from `u` that is not the same string (a hash, a length…). */
export function withoutParts(u: UnknownValue): UnknownValue {
  if (u.parts === undefined) return u;
  const { parts: _dropped, ...rest } = u;
  return rest;
}
