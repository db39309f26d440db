import type { Provenance } from './provenance.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * A JSON document embedded in configuration (IAM policy, key policy, bucket policy). Leaves the loader could not
 * resolve are kept as the string `<unknown: why>` and `partial` is set, so evaluation can say "unknown" for them. A
 * string built from known and unknown pieces keeps its literal text around the placeholders
 * (`arn:aws:iam::<unknown: why>:root`); tell the two apart with `isUnknownLeaf` / `isPartlyUnknown` below.
 */
export interface EmbeddedDocument {
  readonly json: JsonValue;
  readonly at: Provenance;
  readonly partial: boolean;
  /** Positions of `Statement[i]` when the loader knows them, for findings that point at one statement. */
  readonly statementAt?: readonly Provenance[];
}

export const UNKNOWN_LEAF_PREFIX = '<unknown:';

/**
 * One piece of a string built from known and unknown pieces (`!Sub 'arn:aws:iam::${AWS::AccountId}:root'`,
 * `"${aws_s3_bucket.b.arn}/*"`): literal text, or a part known only at deployment with the reason.
 */
export type StringPart = { readonly text: string } | { readonly unknown: string };

/** The placeholder for one unknown part: `<unknown: why>`, with `<`/`>` in the reason replaced so it ends at its `>`. */
export function unknownPartText(why: string): string {
  return `${UNKNOWN_LEAF_PREFIX} ${why.replaceAll('<', '‹').replaceAll('>', '›')}>`;
}

/**
 * A partly known string as one JSON string: literal text as is, each unknown part as `<unknown: why>`
 * (`arn:aws:iam::<unknown: AWS::AccountId is known only at deployment>:root`).
 */
export function renderStringParts(parts: readonly StringPart[]): string {
  let out = '';
  for (const p of parts) out += 'text' in p ? p.text : unknownPartText(p.unknown);
  return out;
}

/**
 * Whether a JSON string stands wholly for one unknown value (`<unknown: why>`, as loaders have always written
 * them). A string that starts and ends with placeholders (`<unknown: a>:<unknown: b>`) counts as wholly unknown
 * too: without literal text at either end nothing useful is known about it, and reading it so is never wrong.
 */
export function isUnknownLeaf(s: string): boolean {
  return s.startsWith(UNKNOWN_LEAF_PREFIX) && s.endsWith('>');
}

/** Whether a JSON string has any unknown part: wholly unknown, or partly known (`arn:aws:iam::<unknown: …>:root`). */
export function hasUnknownPart(s: string): boolean {
  return s.includes(UNKNOWN_LEAF_PREFIX);
}

/** A string with known literal text and at least one unknown part. */
export function isPartlyUnknown(s: string): boolean {
  return hasUnknownPart(s) && !isUnknownLeaf(s);
}

/**
 * The parts of a JSON string: one text part for a known string, one unknown part for a wholly unknown one, and the
 * literal texts and placeholders in order for a partly known one (a placeholder ends at its first `>`).
 */
export function splitStringParts(s: string): StringPart[] {
  if (isUnknownLeaf(s)) return [{ unknown: s.slice(UNKNOWN_LEAF_PREFIX.length, -1).trim() }];
  const out: StringPart[] = [];
  let k = 0;
  while (k < s.length) {
    const open = s.indexOf(UNKNOWN_LEAF_PREFIX, k);
    const close = open < 0 ? -1 : s.indexOf('>', open);
    if (open < 0 || close < 0) {
      out.push({ text: s.slice(k) });
      break;
    }
    if (open > k) out.push({ text: s.slice(k, open) });
    out.push({ unknown: s.slice(open + UNKNOWN_LEAF_PREFIX.length, close).trim() });
    k = close + 1;
  }
  return out;
}

/**
 * The document with each partly known string read as wholly unknown (`<unknown: why>` of its first unknown part), as
 * loaders wrote them before they kept literal text: for a consumer that does not yet reason about the text around
 * unknown parts, and would otherwise take a placeholder for literal text. Returns `json` itself when nothing changes.
 */
export function wholeUnknownLeaves(json: JsonValue): JsonValue {
  if (typeof json === 'string') {
    if (!isPartlyUnknown(json)) return json;
    const first = splitStringParts(json).find((p) => 'unknown' in p);
    return `${UNKNOWN_LEAF_PREFIX} ${first && 'unknown' in first ? first.unknown : 'not known before deployment'}>`;
  }
  if (Array.isArray(json)) {
    let out: JsonValue[] | undefined;
    json.forEach((x, k) => {
      const y = wholeUnknownLeaves(x);
      if (y !== x && !out) out = json.slice(0, k);
      out?.push(y);
    });
    return out ?? json;
  }
  if (json !== null && typeof json === 'object') {
    let changed = false;
    const out: { [k: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(json)) {
      const y = wholeUnknownLeaves(x);
      if (y !== x) changed = true;
      out[k] = y;
    }
    return changed ? out : json;
  }
  return json;
}
