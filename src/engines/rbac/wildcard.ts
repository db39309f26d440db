import { asciiLower } from './text.js';

/**
 * A case-insensitive action pattern such as `Microsoft.Compute/*` or `Microsoft.Authorization/<star>/Write`.
 * `*` matches any run of characters, slashes included (`Microsoft.Network/<star>/read` covers nested resource types);
 * there is no other special character. Matching is a left-to-right scan of the literal pieces: each piece is
 * searched once, so the cost is linear in the text for a fixed pattern, and nothing is compiled into a RegExp.
 */
export interface ActionPattern {
  readonly source: string;
  /** Literal pieces between stars, lowercased. */
  readonly parts: readonly string[];
  readonly leadingStar: boolean;
  readonly trailingStar: boolean;
  /** True when the pattern is exactly `*`. */
  readonly all: boolean;
}

export function compilePattern(pattern: string): ActionPattern {
  const lower = asciiLower(pattern.trim());
  const parts = lower.split('*');
  const leadingStar = lower.startsWith('*');
  const trailingStar = lower.endsWith('*');
  return {
    source: pattern,
    parts: parts.filter((p) => p.length > 0),
    leadingStar,
    trailingStar,
    all: parts.every((p) => p.length === 0) && lower.length > 0,
  };
}

/** `text` must already be lowercased (callers fold once per request, not once per pattern). */
export function matchLower(p: ActionPattern, text: string): boolean {
  if (p.all) return true;
  const parts = p.parts;
  const n = parts.length;
  if (n === 0) return text.length === 0;
  if (!p.leadingStar && !p.trailingStar && n === 1) return text === parts[0];
  let pos = 0;
  let first = 0;
  let last = n;
  if (!p.leadingStar) {
    const head = parts[0] as string;
    if (!text.startsWith(head)) return false;
    pos = head.length;
    first = 1;
  }
  let end = text.length;
  if (!p.trailingStar) {
    const tail = parts[n - 1] as string;
    if (!text.endsWith(tail) || text.length - tail.length < pos) return false;
    end = text.length - tail.length;
    last = n - 1;
  }
  // Middle pieces: the leftmost occurrence of each is always the best choice when `*` is the only wildcard.
  for (let i = first; i < last; i++) {
    const piece = parts[i] as string;
    const at = text.indexOf(piece, pos);
    if (at < 0 || at + piece.length > end) return false;
    pos = at + piece.length;
  }
  return true;
}

export function matchesAny(patterns: readonly ActionPattern[], textLower: string): boolean {
  for (const p of patterns) if (matchLower(p, textLower)) return true;
  return false;
}

/**
 * Glob matching for ABAC `StringLike`: `*` (any run) and `?` (one character), each escapable with a backslash.
 * Classic two-pointer scan with one backtrack point: O(text × pattern) in the worst case, without recursion
 * or RegExp.
 */
export function likeMatch(pattern: string, text: string, ignoreCase: boolean): boolean {
  const toks: { kind: 'lit' | 'any' | 'one'; ch: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length && (pattern.charAt(i + 1) === '*' || pattern.charAt(i + 1) === '?')) {
      toks.push({ kind: 'lit', ch: pattern.charAt(i + 1) });
      i++;
    } else if (c === '*') toks.push({ kind: 'any', ch: '' });
    else if (c === '?') toks.push({ kind: 'one', ch: '' });
    else toks.push({ kind: 'lit', ch: ignoreCase ? asciiLower(c) : c });
  }
  const t = ignoreCase ? asciiLower(text) : text;
  let ti = 0;
  let pi = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const tok = toks[pi];
    if (tok && (tok.kind === 'one' || (tok.kind === 'lit' && tok.ch === t.charAt(ti)))) {
      ti++;
      pi++;
    } else if (tok && tok.kind === 'any') {
      starP = pi++;
      starT = ti;
    } else if (starP >= 0) {
      pi = starP + 1;
      ti = ++starT;
    } else return false;
  }
  while (pi < toks.length && toks[pi]?.kind === 'any') pi++;
  return pi === toks.length;
}
