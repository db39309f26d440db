import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attr, Link } from '../../model/core/index.js';
import type { Resource, ResourceFragment, ResourceKind, ResourceOfKind } from '../../model/index.js';
import type { LoadResult } from '../types.js';
import { loadCloudFormation } from './index.js';
import type { CloudFormationOptions } from './index.js';

/** Shared by this folder's tests only. */

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): { file: string; text: string } {
  const file = join(here, '__fixtures__', name);
  return { file, text: readFileSync(file, 'utf8') };
}

export function loadFixture(name: string, options?: CloudFormationOptions): LoadResult & { file: string; text: string } {
  const { file, text } = fixture(name);
  return { ...loadCloudFormation(file, text, options), file, text };
}

export function byId<K extends ResourceKind>(r: LoadResult & { file: string }, kind: K, logicalId: string): ResourceOfKind<K> {
  const found = r.resources.find((x: Resource) => x.kind === kind && x.key === `${r.file}#${logicalId}`);
  if (!found) throw new Error(`no ${kind} ${logicalId}; have ${r.resources.map((x) => x.key).join(', ')}`);
  return found as ResourceOfKind<K>;
}

export function fragmentsFrom(r: LoadResult, address: string): ResourceFragment[] {
  return r.fragments.filter((f) => f.source.address === address);
}

/** The value of a known attribute; fails the test when it is unknown. */
export function val<T>(a: Attr<T>): T {
  if (!a.known) throw new Error(`expected a known value, got unknown: ${a.why}`);
  return a.value;
}

export function why(a: Attr<unknown>): string {
  if (a.known) throw new Error(`expected unknown, got ${JSON.stringify(a.value)}`);
  return a.why;
}

export function linkValue(l: Link | null | undefined): string | undefined {
  return l?.known ? l.value : undefined;
}

/** 1-based line and column of the first occurrence of `needle` (after `after`, when given). */
export function locate(text: string, needle: string, after?: string): { line: number; column: number } {
  const from = after === undefined ? 0 : text.indexOf(after);
  const k = text.indexOf(needle, Math.max(0, from));
  if (k === -1) throw new Error(`\`${needle}\` is not in the fixture`);
  const before = text.slice(0, k);
  const line = before.split('\n').length;
  return { line, column: k - before.lastIndexOf('\n') };
}
