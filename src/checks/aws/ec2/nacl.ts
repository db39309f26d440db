import type { Attr, NetworkAcl, NetworkAclEntry } from '../../../model/index.js';
import type { PortSpec, Protocol } from '../shared/network.js';
import { isInternetCidr, protocolCovers, rangeCovers } from '../shared/network.js';

/**
 * Network ACL entries are evaluated in rule-number order, lowest first, and the first entry that matches a packet
 * decides; the final `*` entry denies everything else. For "can the internet reach port P", the entries that decide
 * for every internet source are those with a `0.0.0.0/0` (or `::/0`) CIDR: an entry for a narrower range decides
 * only for that range and leaves the rest of the internet to later entries.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
export type NaclDecision =
  | { readonly kind: 'allow'; readonly entry: NetworkAclEntry }
  | { readonly kind: 'deny' }
  | { readonly kind: 'unknown'; readonly attr: Attr<unknown> };

/** Whether an entry may apply to the internet on (protocol, port, family), given what is known of it. */
function mayApply(e: NetworkAclEntry, protocol: Protocol, port: number, v6: boolean): boolean {
  if (e.protocol.known && !protocolCovers(e.protocol.value, protocol)) return false;
  if (e.protocol.known && e.fromPort.known && e.toPort.known && !rangeCovers(e.protocol.value, e.fromPort.value, e.toPort.value, port)) return false;
  if (e.cidr.known && (!isInternetCidr(e.cidr.value) || e.cidr.value.includes(':') !== v6)) return false;
  return true;
}

function firstUnknown(e: NetworkAclEntry): Attr<unknown> | undefined {
  return [e.ruleNumber, e.protocol, e.fromPort, e.toPort, e.cidr, e.action].find((a) => !a.known);
}

export function decideInbound(acl: NetworkAcl, protocol: Protocol, port: number, v6: boolean): NaclDecision {
  const relevant = acl.entries.filter((e) => !e.egress && mayApply(e, protocol, port, v6));
  const unordered = relevant.find((e) => !e.ruleNumber.known);
  if (unordered) return { kind: 'unknown', attr: unordered.ruleNumber };
  const ordered = [...relevant].sort((a, b) => (a.ruleNumber.known && b.ruleNumber.known ? a.ruleNumber.value - b.ruleNumber.value : 0));
  const first = ordered[0];
  if (!first) return { kind: 'deny' };
  // The lowest-numbered entry that may apply decides, unless part of it is unknown.
  const u = firstUnknown(first);
  if (u) return { kind: 'unknown', attr: u };
  return first.action.known && first.action.value === 'allow' ? { kind: 'allow', entry: first } : { kind: 'deny' };
}

/** For each port spec, protocol and address family, what the ACL decides for traffic from the internet. */
export function inboundDecisions(acl: NetworkAcl, ports: readonly PortSpec[]): { readonly label: string; readonly decision: NaclDecision }[] {
  const out: { label: string; decision: NaclDecision }[] = [];
  for (const p of ports) {
    for (const protocol of p.protocols) {
      for (const v6 of [false, true]) out.push({ label: p.label, decision: decideInbound(acl, protocol, p.port, v6) });
    }
  }
  return out;
}
