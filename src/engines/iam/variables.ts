/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` and the escapes `${*}`, `${?}`, `${$}`.
 * Only policies with Version 2012-10-17 substitute variables; in 2008-10-17 (or without Version) `${...}` is text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * - The key name is case-insensitive, the default value is case-sensitive; spaces around both are ignored; a quote
 *   inside the default is written `''`.
 * - A key with no value in the request (or a multivalued key) does not substitute: the default is used when given,
 *   otherwise the element cannot match anything.
 * - Substitution happens once: a default that contains `${...}` stays literal. Substituted values are literal
 *   characters, never wildcards.
 */
import type { GlobPattern, Matcher } from './wildcard.js';
import { Wild, globFromText, literalPattern } from './wildcard.js';
import { asciiLower } from './wildcard.js';

export type TemplatePart =
  | { readonly t: 'text'; readonly text: string; readonly like: GlobPattern; readonly literal: GlobPattern }
  | { readonly t: 'lit'; readonly text: string }
  | { readonly t: 'var'; readonly key: string; readonly keyLower: string; readonly dflt?: string };

export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  readonly hasVars: boolean;
  /** Compiled matchers per set of variable values: requests repeat the same few users, tags and accounts. */
  readonly cache: Map<string, Matcher>;
}

const textPart = (text: string): TemplatePart => ({ t: 'text', text, like: globFromText(text), literal: literalPattern(text) });

export interface TemplateParse {
  readonly template: Template;
  readonly issue?: string;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function parseTemplate(source: string, variablesEnabled: boolean): TemplateParse {
  if (!variablesEnabled || !source.includes('${')) {
    return { template: { source, parts: [textPart(source)], hasVars: false, cache: new Map() } };
  }
  const parts: TemplatePart[] = [];
  let text = '';
  let issue: string | undefined;
  let hasVars = false;
  let i = 0;
  const n = source.length;
  const flush = (): void => {
    if (text !== '') parts.push(textPart(text));
    text = '';
  };
  while (i < n) {
    if (source[i] === '$' && source[i + 1] === '{') {
      const parsed = parseVariable(source, i + 2);
      if (parsed === undefined) {
        issue ??= `unterminated or malformed policy variable at character ${i + 1}`;
        text += source.slice(i);
        break;
      }
      flush();
      parts.push(parsed.part);
      if (parsed.part.t === 'var') hasVars = true;
      i = parsed.next;
      continue;
    }
    text += source[i];
    i++;
  }
  flush();
  return {
    template: { source, parts, hasVars: hasVars || parts.some((p) => p.t === 'lit'), cache: new Map() },
    ...(issue ? { issue } : {}),
  };
}

function parseVariable(s: string, from: number): { part: TemplatePart; next: number } | undefined {
  const n = s.length;
  // Escapes: exactly one special character between the braces.
  const c = s[from];
  if ((c === '*' || c === '?' || c === '$') && s[from + 1] === '}') return { part: { t: 'lit', text: c }, next: from + 2 };
  let i = from;
  while (i < n && isSpace(s[i])) i++;
  const keyStart = i;
  while (i < n && s[i] !== '}' && s[i] !== ',' && !isSpace(s[i])) i++;
  const key = s.slice(keyStart, i);
  while (i < n && isSpace(s[i])) i++;
  if (key === '' || i >= n) return undefined;
  if (s[i] === '}') return { part: { t: 'var', key, keyLower: asciiLower(key) }, next: i + 1 };
  if (s[i] !== ',') return undefined;
  i++;
  while (i < n && isSpace(s[i])) i++;
  if (s[i] !== "'") return undefined;
  i++;
  let dflt = '';
  for (;;) {
    if (i >= n) return undefined;
    if (s[i] === "'") {
      if (s[i + 1] === "'") {
        dflt += "'";
        i += 2;
        continue;
      }
      i++;
      break;
    }
    dflt += s[i];
    i++;
  }
  while (i < n && isSpace(s[i])) i++;
  if (s[i] !== '}') return undefined;
  return { part: { t: 'var', key, keyLower: asciiLower(key), dflt }, next: i + 1 };
}

/** What a variable resolves to in one request. */
export type VariableValue = string | 'absent' | 'unknown';

/** Where variable values come from: the request being evaluated. */
export interface VariableSource {
  variable(keyLower: string, key: string): VariableValue;
}

export type Resolved = { readonly kind: 'pattern'; readonly pattern: GlobPattern } | { readonly kind: 'none' } | { readonly kind: 'unknown' };

/**
 * Builds the pattern for one request. `wildcards`: whether `*` and `?` in the policy text are wildcards (Like
 * operators, Resource, Action) or literal characters (Equals operators).
 */
export function resolveTemplate(t: Template, src: VariableSource, wildcards: boolean): Resolved {
  let chars = '';
  const wild: Wild[] = [];
  const pushLiteral = (s: string): void => {
    chars += s;
    for (let k = 0; k < s.length; k++) wild.push(Wild.Literal);
  };
  for (const p of t.parts) {
    if (p.t === 'text') {
      const g = wildcards ? p.like : p.literal;
      chars += g.chars;
      for (const w of g.wild) wild.push(w);
    } else if (p.t === 'lit') pushLiteral(p.text);
    else {
      const v = src.variable(p.keyLower, p.key);
      if (v === 'unknown') return { kind: 'unknown' };
      if (v === 'absent') {
        if (p.dflt === undefined) return { kind: 'none' };
        pushLiteral(p.dflt);
      } else pushLiteral(v);
    }
  }
  return { kind: 'pattern', pattern: { chars, wild } };
}

const MAX_CACHED = 512;

/** The compiled matcher for one request, memoised per variable values; `none` when a variable has no value. */
export function resolveMatcher(
  t: Template, src: VariableSource, wildcards: boolean, compile: (p: GlobPattern) => Matcher,
): Matcher | 'none' | 'unknown' {
  let key = wildcards ? '1' : '0';
  for (const p of t.parts) {
    if (p.t !== 'var') continue;
    const v = src.variable(p.keyLower, p.key);
    if (v === 'unknown') return 'unknown';
    if (v === 'absent') {
      if (p.dflt === undefined) return 'none';
      key += '\u0000d';
    } else key += `\u0000v${v}`;
  }
  const hit = t.cache.get(key);
  if (hit !== undefined) return hit;
  const r = resolveTemplate(t, src, wildcards);
  if (r.kind !== 'pattern') return r.kind;
  const m = compile(r.pattern);
  if (t.cache.size >= MAX_CACHED) t.cache.clear();
  t.cache.set(key, m);
  return m;
}

/** The keys a template reads. */
export function templateKeys(t: Template): string[] {
  return t.parts.flatMap((p) => (p.t === 'var' ? [p.key] : []));
}
