import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Value } from '../../../common/value.js';
import type { TfResourceInstance } from '../../types.js';

export const FIXTURES = path.dirname(fileURLToPath(import.meta.url));

/** A value as plain JSON for assertions; unknowns become `{ unknown: why, refs }`. */
export function plain(v: Value | undefined): unknown {
  if (!v) return undefined;
  switch (v.t) {
    case 'list': return v.items.map(plain);
    case 'object': return Object.fromEntries([...v.fields].map(([k, x]) => [k, plain(x)]));
    case 'unknown': return { unknown: v.why, refs: [...v.refs] };
    case 'null': return null;
    default: return v.v;
  }
}

/** 1-based line of the first line containing `needle` in a fixture file. */
export function lineOf(fixtureFile: string, needle: string, from = 1): number {
  const lines = readFileSync(path.join(FIXTURES, fixtureFile), 'utf8').split('\n');
  for (let i = from - 1; i < lines.length; i++) if ((lines[i] as string).includes(needle)) return i + 1;
  throw new Error(`${needle} not found in ${fixtureFile}`);
}

export function byAddress(instances: readonly TfResourceInstance[], address: string): TfResourceInstance {
  const i = instances.find((x) => x.address === address);
  if (!i) throw new Error(`no instance ${address}; have ${instances.map((x) => x.address).join(', ')}`);
  return i;
}

export function field(i: TfResourceInstance, ...path: (string | number)[]): Value | undefined {
  let cur: Value | undefined = i.values;
  for (const p of path) {
    if (!cur) return undefined;
    if (cur.t === 'object' && typeof p === 'string') cur = cur.fields.get(p);
    else if (cur.t === 'list' && typeof p === 'number') cur = cur.items[p];
    else return undefined;
  }
  return cur;
}
