import type { Attr, CloudTrail } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';

export function trailText(t: CloudTrail): string {
  return `trail \`${t.name.known ? t.name.value : t.native.name}\``;
}

/**
 * The common shape of a per-trail setting: unknown stays unknown, a good value passes, anything else fails at the
 * attribute (at the trail when the setting is not written and its default applies).
 */
export function trailSetting<T>(
  ctx: CheckContext,
  t: CloudTrail,
  attr: Attr<T>,
  good: (v: T) => boolean,
  question: string,
  failure: (defaulted: boolean) => string,
): Outcome {
  if (!attr.known) return ctx.unknown(attr, `cannot tell whether ${trailText(t)} ${question}`);
  return good(attr.value) ? ctx.pass() : ctx.fail(attr, `${trailText(t)} ${failure(attr.defaulted === true)}`);
}
