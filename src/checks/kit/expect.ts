import type { Attr } from '../../model/core/index.js';
import type { CheckContext, Outcome } from './types.js';

/**
 * The common shape of a setting check: unknown stays unknown, a good value passes, anything else fails at the
 * attribute (or at the resource, when the bad value is the default).
 */
export function expectValue<T>(
  ctx: CheckContext,
  attr: Attr<T>,
  isGood: (value: T) => boolean,
  failure: (value: T, defaulted: boolean) => string,
  undecided: string,
): Outcome {
  if (!attr.known) return ctx.unknown(attr, undecided);
  return isGood(attr.value) ? ctx.pass() : ctx.fail(attr, failure(attr.value, attr.defaulted === true));
}

/** Backticked value for messages. */
export function code(v: unknown): string {
  return `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;
}

/** The name people know a resource by: its physical name when the input sets it, else the name in the input. */
export function displayName(r: { readonly native: { readonly name: string }; readonly name?: unknown }): string {
  const n = r.name as { known?: boolean; value?: unknown } | undefined;
  return n && n.known === true && typeof n.value === 'string' && n.value !== '' ? n.value : r.native.name;
}
