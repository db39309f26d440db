/**
 * Wildcard patterns (`*` any sequence, `?` any one character) compiled once and matched without regular expressions.
 *
 * A pattern is split at its stars into segments; the first segment is anchored at the start, the last at the end and
 * the middle ones are placed leftmost, which is exact for glob patterns and never backtracks. Each character of the
 * subject is examined at most once per segment position, so matching cost is bounded by |subject| × |pattern| in the
 * worst case and is linear for the common shapes (`*`, exact, `prefix*`, `*suffix`, segments without `?`).
 *
 * Policy text is never turned into a RegExp: that would let a policy author control the matcher.
 */

/** Per character of a pattern: a literal, `?`, `*`, or a `*` that may not span a colon (see `arnSegments`). */
export const Wild = { Literal: 0, One: 1, Any: 2, AnyNoColon: 3 } as const;
export type Wild = (typeof Wild)[keyof typeof Wild];

/** A pattern as characters plus a wildcard flag per character; escaped `${*}` is a literal `*`. */
export interface GlobPattern {
  readonly chars: string;
  readonly wild: readonly Wild[];
}

export interface Matcher {
  readonly source: string;
  test(subject: string): boolean;
}

/** Every `*` and `?` in `text` is a wildcard. */
export function globFromText(text: string): GlobPattern {
  const wild: Wild[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    wild.push(c === 42 ? Wild.Any : c === 63 ? Wild.One : Wild.Literal);
  }
  return { chars: text, wild };
}

/** No wildcards at all. */
export function literalPattern(text: string): GlobPattern {
  return { chars: text, wild: new Array<Wild>(text.length).fill(Wild.Literal) };
}

export function concatPatterns(parts: readonly GlobPattern[]): GlobPattern {
  if (parts.length === 1) return parts[0] as GlobPattern;
  let chars = '';
  const wild: Wild[] = [];
  for (const p of parts) {
    chars += p.chars;
    for (const w of p.wild) wild.push(w);
  }
  return { chars, wild };
}

export function hasWildcard(p: GlobPattern): boolean {
  return p.wild.some((w) => w !== Wild.Literal);
}

/**
 * Resource ARNs: IAM documents that a `*` which is the last character of an ARN segment may expand beyond the colon
 * boundaries, so a `*` elsewhere inside one of the first five colon-separated segments (partition, service, region,
 * account) stays inside its segment. The resource segment itself may contain colons and is unrestricted.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function arnSegments(p: GlobPattern): GlobPattern {
  let colons = 0;
  let changed = false;
  const wild = p.wild.slice();
  for (let i = 0; i < p.chars.length; i++) {
    if (wild[i] === Wild.Literal && p.chars.charCodeAt(i) === 58) colons++;
    if (wild[i] === Wild.Any && colons < 5) {
      const next = i + 1 < p.chars.length ? p.chars.charCodeAt(i + 1) : -1;
      const nextIsLiteralColon = next === 58 && wild[i + 1] === Wild.Literal;
      if (next !== -1 && !nextIsLiteralColon) {
        wild[i] = Wild.AnyNoColon;
        changed = true;
      }
    }
  }
  return changed ? { chars: p.chars, wild } : p;
}

interface Segment {
  readonly text: string;
  /** Positions holding `?`; null when the segment has none (then `indexOf` finds it). */
  readonly one: Uint8Array | null;
}

const ALWAYS: Matcher = { source: '*', test: () => true };

function lower(s: string): string {
  // ASCII folding only: IAM compares action names case-insensitively in ASCII; no locale rules. For pure-ASCII text
  // the native toLowerCase is the same mapping and much faster; other text is folded character by character.
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return lowerSlow(s);
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

function lowerSlow(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

export { lower as asciiLower };

/**
 * Compiles a pattern. With `foldCase` the pattern is lower-cased here and subjects must be lower-cased by the caller
 * once per request (pre-folded case), not once per comparison.
 */
export function compileGlob(p: GlobPattern, foldCase = false): Matcher {
  const chars = foldCase ? lower(p.chars) : p.chars;
  const source = chars;
  const n = chars.length;
  let stars = 0;
  let ones = 0;
  for (const w of p.wild) {
    if (w === Wild.Any || w === Wild.AnyNoColon) stars++;
    else if (w === Wild.One) ones++;
  }
  if (stars === 0 && ones === 0) return { source, test: (s) => s === chars };
  if (n === 1 && stars === 1) return ALWAYS;
  if (stars === 1 && ones === 0 && p.wild[n - 1] === Wild.Any) {
    const prefix = chars.slice(0, n - 1);
    return { source, test: (s) => s.startsWith(prefix) };
  }
  if (stars === 1 && ones === 0 && p.wild[0] === Wild.Any) {
    const suffix = chars.slice(1);
    return { source, test: (s) => s.endsWith(suffix) };
  }
  // General case: segments between stars, and for each star whether it may span a colon.
  const segments: Segment[] = [];
  const noColonGap: boolean[] = [];
  let cur = '';
  let curOne: number[] = [];
  const flush = (): void => {
    let one: Uint8Array | null = null;
    if (curOne.length > 0) {
      one = new Uint8Array(cur.length);
      for (const i of curOne) one[i] = 1;
    }
    segments.push({ text: cur, one });
    cur = '';
    curOne = [];
  };
  for (let i = 0; i < n; i++) {
    const w = p.wild[i];
    if (w === Wild.Any || w === Wild.AnyNoColon) {
      flush();
      noColonGap.push(w === Wild.AnyNoColon);
    } else {
      if (w === Wild.One) curOne.push(cur.length);
      cur += chars[i];
    }
  }
  flush();
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  const middle = segments.slice(1, -1);
  const minLength = segments.reduce((a, s) => a + s.text.length, 0);
  return {
    source,
    test(s: string): boolean {
      const len = s.length;
      if (len < minLength) return false;
      if (segments.length === 1) return len === first.text.length && segAt(first, s, 0);
      if (!segAt(first, s, 0)) return false;
      const lastStart = len - last.text.length;
      if (!segAt(last, s, lastStart)) return false;
      let pos = first.text.length;
      for (let k = 0; k < middle.length; k++) {
        const seg = middle[k] as Segment;
        const at = findSeg(seg, s, pos, lastStart);
        if (at < 0) return false;
        if (noColonGap[k] && hasColon(s, pos, at)) return false;
        pos = at + seg.text.length;
      }
      return !(noColonGap[noColonGap.length - 1] && hasColon(s, pos, lastStart));
    },
  };
}

function segAt(seg: Segment, s: string, pos: number): boolean {
  const t = seg.text;
  if (seg.one === null) return s.startsWith(t, pos);
  for (let i = 0; i < t.length; i++) {
    if (seg.one[i] === 1) continue;
    if (s.charCodeAt(pos + i) !== t.charCodeAt(i)) return false;
  }
  return true;
}

/** Leftmost occurrence of `seg` starting in [from, end - |seg|]; -1 when none. */
function findSeg(seg: Segment, s: string, from: number, end: number): number {
  const max = end - seg.text.length;
  if (max < from) return -1;
  if (seg.one === null) {
    const at = s.indexOf(seg.text, from);
    return at >= 0 && at <= max ? at : -1;
  }
  for (let p = from; p <= max; p++) if (segAt(seg, s, p)) return p;
  return -1;
}

function hasColon(s: string, from: number, to: number): boolean {
  const at = s.indexOf(':', from);
  return at >= 0 && at < to;
}

/** True when the pattern is exactly `*`. */
export function isStar(p: GlobPattern): boolean {
  return p.chars.length === 1 && (p.wild[0] === Wild.Any || p.wild[0] === Wild.AnyNoColon);
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern-versus-pattern questions, for requests whose resource is itself a pattern ("on any bucket?").

const FILL = 'x';

/**
 * A string in both languages, or undefined when they do not intersect. Breadth-first over the product of the two
 * patterns' positions, so it costs O(|a|·|b|). Colon restrictions are ignored here; callers evaluate the witness
 * with the real matchers, so a witness that violates one is simply not counted.
 */
export function intersectionWitness(a: GlobPattern, b: GlobPattern): string | undefined {
  const na = a.chars.length;
  const nb = b.chars.length;
  const width = nb + 1;
  const seen = new Uint8Array((na + 1) * width);
  const parent = new Int32Array((na + 1) * width).fill(-1);
  const emitted: string[] = new Array<string>((na + 1) * width).fill('');
  const queue: number[] = [0];
  seen[0] = 1;
  const isStarAt = (p: GlobPattern, i: number): boolean => p.wild[i] === Wild.Any || p.wild[i] === Wild.AnyNoColon;
  const push = (from: number, to: number, ch: string): void => {
    if (seen[to]) return;
    seen[to] = 1;
    parent[to] = from;
    emitted[to] = ch;
    queue.push(to);
  };
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] as number;
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === na && j === nb) {
      let out = '';
      for (let s = state; s !== 0; s = parent[s] as number) out = emitted[s] + out;
      return out;
    }
    // Epsilon moves: a star may match nothing.
    if (i < na && isStarAt(a, i)) push(state, (i + 1) * width + j, '');
    if (j < nb && isStarAt(b, j)) push(state, i * width + j + 1, '');
    if (i >= na || j >= nb) continue;
    const ca = charClass(a, i);
    const cb = charClass(b, j);
    const ch = ca === null ? (cb === null ? FILL : cb) : cb === null || cb === ca ? ca : undefined;
    if (ch === undefined) continue;
    const ni = isStarAt(a, i) ? i : i + 1;
    const nj = isStarAt(b, j) ? j : j + 1;
    if (ni !== i || nj !== j) push(state, ni * width + nj, ch);
  }
  return undefined;
}

/** The literal character at `i`, or null for `?` and `*`. */
function charClass(p: GlobPattern, i: number): string | null {
  return p.wild[i] === Wild.Literal ? (p.chars[i] as string) : null;
}

/**
 * True when every string of `inner` is in `outer` (symbolic matching: a star of `inner` can only be covered by a star
 * of `outer`). Sound but not complete: it may answer false for some contained pairs (e.g. `*?` ⊇ `?*`), which only
 * makes a set answer less precise (implicit instead of explicit deny), never more permissive.
 */
export function subsumes(outer: GlobPattern, inner: GlobPattern): boolean {
  const no = outer.chars.length;
  const ni = inner.chars.length;
  // memo[i][j]: outer[i:] covers inner[j:]
  const memo = new Int8Array((no + 1) * (ni + 1)).fill(-1);
  const width = ni + 1;
  const star = (p: GlobPattern, k: number): boolean => p.wild[k] === Wild.Any || p.wild[k] === Wild.AnyNoColon;
  const go = (i: number, j: number): boolean => {
    const key = i * width + j;
    const m = memo[key] as number;
    if (m !== -1) return m === 1;
    let r: boolean;
    if (i === no) r = j === ni;
    else if (star(outer, i)) r = go(i + 1, j) || (j < ni && go(i, j + 1));
    else if (j === ni || star(inner, j)) r = false;
    else if (outer.wild[i] === Wild.One) r = go(i + 1, j + 1);
    else r = inner.wild[j] === Wild.Literal && inner.chars[j] === outer.chars[i] && go(i + 1, j + 1);
    memo[key] = r ? 1 : 0;
    return r;
  };
  return go(0, 0);
}

/** One member of the pattern's language: stars match nothing, `?` matches `x`. */
export function sampleMember(p: GlobPattern): string {
  let out = '';
  for (let i = 0; i < p.chars.length; i++) {
    const w = p.wild[i];
    if (w === Wild.Literal) out += p.chars[i];
    else if (w === Wild.One) out += FILL;
  }
  return out;
}
