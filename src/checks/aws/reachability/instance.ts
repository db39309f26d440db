import type { Ec2Instance } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { ExposureSpec } from './exposure.js';
import { exposureOutcomes } from './exposure.js';

/** Runs an exposure spec on an instance's inbound rows; not applicable without the network service. */
export function instanceExposure(i: Ec2Instance, ctx: CheckContext, hits: ExposureSpec['hits'], fix: string): Outcome | readonly Outcome[] {
  const net = ctx.services.network;
  if (!net || net.interfacesOf(i.key).length === 0) return ctx.notApplicable();
  const out = exposureOutcomes(net, ctx, { what: `instance \`${i.native.name}\``, rows: net.inboundOf(i.key), hits, fix, fallbackAt: i.at });
  return out.length > 0 ? out : ctx.pass();
}
