import type { NetworkInterfaceCard } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { ExposureSpec } from '../../aws/reachability/exposure.js';
import { exposureOutcomes } from '../../aws/reachability/exposure.js';

/** How a NIC is named in messages: with its VM when the inputs attach it to one. */
export function nicText(nic: NetworkInterfaceCard, ctx: CheckContext): string {
  const net = ctx.services.network;
  const shown = net?.display(nic.key) ?? nic.key;
  return shown !== nic.native.address && shown !== nic.key ? `NIC \`${nic.native.name}\` (VM \`${shown.slice(shown.lastIndexOf('/') + 1)}\`)` : `NIC \`${nic.native.name}\``;
}

export function nicExposure(nic: NetworkInterfaceCard, ctx: CheckContext, hits: ExposureSpec['hits'], fix: string): Outcome | readonly Outcome[] {
  const net = ctx.services.network;
  if (!net || net.interfacesOf(nic.key).length === 0) return ctx.notApplicable();
  const out = exposureOutcomes(net, ctx, { what: nicText(nic, ctx), rows: net.inboundOf(nic.key), hits, fix, fallbackAt: nic.at });
  return out.length > 0 ? out : ctx.pass();
}
