import type { NetworkInterfaceCard } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { ExposureSpec } from '../../aws/reachability/exposure.js';
import { exposureOutcomes } from '../../aws/reachability/exposure.js';
import type { NsgPort } from '../network/internet-ports.js';
import { isAllPortsInternetAllow, ruleLabel } from '../network/internet-ports.js';
import { isInternetWide } from '../shared/nsg.js';

/** How a NIC is named in messages: with its VM when the inputs attach it to one. */
export function nicText(nic: NetworkInterfaceCard, ctx: CheckContext): string {
  const net = ctx.services.network;
  const shown = net?.display(nic.key) ?? nic.key;
  return shown !== nic.native.address && shown !== nic.key ? `NIC \`${nic.native.name}\` (VM \`${shown.slice(shown.lastIndexOf('/') + 1)}\`)` : `NIC \`${nic.native.name}\``;
}

/**
 * Which NSG rules the rule-level checks report: inbound Allows from `*`, `Internet`, `0.0.0.0/0` or `::/0` opening
 * every port (AZURE-NET-002) or one of `ports` (AZURE-NET-001, AZURE-NET-003); outbound, the default
 * AllowInternetOutBound (AZURE-NET-004).
 */
export function reportedBy(ctx: CheckContext, ports: readonly NsgPort[]): ExposureSpec['reported'] {
  return (ref, port, protocol) => {
    if (ref.kind !== 'nsg' || ref.rule === null) return false;
    if (ref.rule === 'AllowInternetOutBound') return true;
    const nsg = ctx.estate.lookup(ref.id, 'azure.network.nsg')[0];
    const rule = nsg?.rules.find((r) => ruleLabel(nsg, r) === ref.rule);
    if (!rule || !rule.direction.known || rule.direction.value !== 'Inbound' || !rule.access.known || rule.access.value !== 'Allow') return false;
    if (!rule.sourcePrefixes.known || !rule.sourcePrefixes.value.some(isInternetWide) || rule.sourceAsgs.length > 0) return false;
    if (isAllPortsInternetAllow(rule)) return true;
    return port !== undefined && ports.some((p) => p.port === port && p.protocol.toLowerCase() === protocol);
  };
}

export function nicExposure(nic: NetworkInterfaceCard, ctx: CheckContext, hits: ExposureSpec['hits'], fix: string, ports: readonly NsgPort[]): Outcome | readonly Outcome[] {
  const net = ctx.services.network;
  if (!net || net.interfacesOf(nic.key).length === 0) return ctx.notApplicable();
  const out = exposureOutcomes(net, ctx, { what: nicText(nic, ctx), rows: net.inboundOf(nic.key), hits, fix, fallbackAt: nic.at, reported: reportedBy(ctx, ports) });
  return out.length > 0 ? out : ctx.pass();
}
