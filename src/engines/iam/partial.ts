/**
 * Partly known policy strings (`arn:aws:iam::<unknown: why>:root`, `arn:aws:s3:::<unknown: why>/*`): each unknown
 * part stands for any text, so the string is read as a pattern whose unknown parts are unrestricted stars. A request
 * value that pattern matches is matched only possibly (the answer that depends on it is unknown); one it does not
 * match is ruled out by the known text. The reason inside a placeholder is never part of the pattern, so a `*` or a
 * `:` in it is neither a wildcard nor a segment boundary.
 */
import { isPartlyUnknown, splitStringParts } from '../../model/core/json.js';
import type { GlobPattern } from './wildcard.js';
import { Wild, compileGlob, concatPatterns, literalPattern } from './wildcard.js';
import type { Matcher } from './wildcard.js';

const ANY_PART: GlobPattern = { chars: '*', wild: [Wild.Any] };

/**
 * The pattern of a partly known string, its known text read by `text` (wildcards, case folding) and each unknown
 * part an unrestricted star; `restrict` may narrow the known text's stars (ARN segments) but never an unknown part's.
 * Undefined when the string has no known text or no unknown part.
 */
export function partialPattern(
  s: string, text: (t: string) => GlobPattern, restrict?: (p: GlobPattern) => GlobPattern,
): GlobPattern | undefined {
  if (!isPartlyUnknown(s)) return undefined;
  const parts = splitStringParts(s);
  if (!parts.some((p) => 'unknown' in p)) return undefined;
  const pieces: GlobPattern[] = [];
  const unknownAt: boolean[] = [];
  for (const p of parts) {
    const g = 'text' in p ? text(p.text) : ANY_PART;
    pieces.push(g);
    for (let i = 0; i < g.chars.length; i++) unknownAt.push(!('text' in p));
  }
  let pattern = concatPatterns(pieces);
  if (restrict !== undefined) {
    const r = restrict(pattern);
    const wild = r.wild.map((w, i) => (unknownAt[i] === true ? Wild.Any : w));
    pattern = { chars: r.chars, wild };
  }
  return pattern;
}

/** A matcher for a partly known string compared exactly (principals): known text literal, unknown parts any text. */
export function partialExactMatcher(s: string, foldCase = false): Matcher | undefined {
  const p = partialPattern(s, literalPattern);
  return p === undefined ? undefined : compileGlob(p, foldCase);
}

/** Whether a possible matcher matches the subject. */
export function anyPossible(ms: readonly Matcher[] | undefined, subject: string): boolean {
  if (ms === undefined) return false;
  for (const m of ms) if (m.test(subject)) return true;
  return false;
}
