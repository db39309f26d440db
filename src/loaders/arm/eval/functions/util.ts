import type { Value } from '../../../common/value.js';
import type { CallCtx } from '../scope.js';
import { firstUnknown, symbolOf, symbolic } from '../values.js';

/** A scalar as text, as string functions coerce their arguments. */
export function text(v: Value): string | undefined {
  switch (v.t) {
    case 'string': return v.v;
    case 'number': return String(v.v);
    case 'bool': return v.v ? 'True' : 'False';
    default: return undefined;
  }
}

export function int(v: Value): number | undefined {
  if (v.t === 'number' && Number.isFinite(v.v)) return Math.trunc(v.v);
  if (v.t === 'string' && v.v.trim() !== '' && Number.isFinite(Number(v.v))) return Math.trunc(Number(v.v));
  return undefined;
}

/**
 * A string function over arguments some of which are unknown: the result is unknown, but when every unknown has a
 * symbol (a parameter without a value stands for `{name}`) the result carries the symbol `build` makes of the texts,
 * so names and ids built from it still match. Returns undefined when every argument is known.
 */
export function symbolicString(c: CallCtx, args: readonly Value[], build: (texts: string[]) => string): Value | undefined {
  const u = firstUnknown(args, c.at);
  if (!u || u.t !== 'unknown') return undefined;
  const texts: string[] = [];
  for (const a of args) {
    const s = symbolOf(a);
    if (s === undefined) return u;
    texts.push(s);
  }
  return symbolic(u.why, c.at, build(texts), u.refs);
}

/** Expects every argument to be text; reports the first that is not. */
export function texts(c: CallCtx, args: readonly Value[]): string[] | Value {
  const out: string[] = [];
  for (const a of args) {
    const s = text(a);
    if (s === undefined) return c.error(`\`${c.name}\` expects string arguments, got ${a.t === 'list' ? 'an array' : `a ${a.t}`}`);
    out.push(s);
  }
  return out;
}

export function isValue(x: string[] | Value): x is Value {
  return !Array.isArray(x);
}
