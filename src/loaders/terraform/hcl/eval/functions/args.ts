import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import { asNumber } from '../coerce.js';
import { errorValue, primitiveString } from '../values.js';

/** Argument accessors: a wrong type gives an error value (returned by the caller), never an exception. */
export type Got<T> = { readonly ok: true; readonly v: T } | { readonly ok: false; readonly err: Value };

export function stringArg(args: readonly Value[], i: number, fn: string, at: Provenance): Got<string> {
  const a = args[i];
  const s = a ? primitiveString(a) : undefined;
  if (s === undefined) return { ok: false, err: errorValue(`${fn}(): argument ${i + 1} must be a string${a ? `, got ${a.t}` : ''}`, a?.at ?? at) };
  return { ok: true, v: s };
}

export function numberArg(args: readonly Value[], i: number, fn: string, at: Provenance): Got<number> {
  const a = args[i];
  const n = a ? asNumber(a) : undefined;
  if (n === undefined) return { ok: false, err: errorValue(`${fn}(): argument ${i + 1} must be a number${a ? `, got ${a.t}` : ''}`, a?.at ?? at) };
  return { ok: true, v: n };
}

export function listArg(args: readonly Value[], i: number, fn: string, at: Provenance): Got<readonly Value[]> {
  const a = args[i];
  if (a?.t !== 'list') return { ok: false, err: errorValue(`${fn}(): argument ${i + 1} must be a list${a ? `, got ${a.t}` : ''}`, a?.at ?? at) };
  return { ok: true, v: a.items };
}

export function objectArg(args: readonly Value[], i: number, fn: string, at: Provenance): Got<ReadonlyMap<string, Value>> {
  const a = args[i];
  if (a?.t !== 'object') return { ok: false, err: errorValue(`${fn}(): argument ${i + 1} must be a map or object${a ? `, got ${a.t}` : ''}`, a?.at ?? at) };
  return { ok: true, v: a.fields };
}
