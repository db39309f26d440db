/** Narrowing helpers for the untyped plan document (validated at the edge, typed inside). */

export type JsonObject = { readonly [k: string]: unknown };

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function obj(x: unknown): JsonObject | undefined {
  return isObject(x) ? x : undefined;
}

export function arr(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? x : [];
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function strings(x: unknown): string[] {
  return arr(x).filter((s): s is string => typeof s === 'string');
}
