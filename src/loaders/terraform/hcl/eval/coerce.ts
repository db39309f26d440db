import type { Value } from '../../../common/value.js';

/** Terraform converts strings to bools and numbers where one is expected ("true", "8080"). */
export function asBool(v: Value): boolean | undefined {
  if (v.t === 'bool') return v.v;
  if (v.t === 'string' && (v.v === 'true' || v.v === 'false')) return v.v === 'true';
  return undefined;
}

export function asNumber(v: Value): number | undefined {
  if (v.t === 'number') return v.v;
  if (v.t === 'string' && v.v.trim() !== '') {
    const n = Number(v.v);
    return Number.isNaN(n) ? undefined : n;
  }
  return undefined;
}
