import { AWS_CHECKS } from './aws/index.js';
import { AZURE_CHECKS } from './azure/index.js';
import { IAC_CHECKS } from './iac/index.js';
import type { AnyCheck } from './kit/types.js';

/** The whole catalogue, sorted by id: what `parapet checks` lists and docs/checks.md is generated from. */
export const CATALOGUE: readonly AnyCheck[] = [...AWS_CHECKS, ...AZURE_CHECKS, ...IAC_CHECKS].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function findCheck(id: string): AnyCheck | undefined {
  const wanted = id.toUpperCase();
  return CATALOGUE.find((c) => c.id === wanted);
}
