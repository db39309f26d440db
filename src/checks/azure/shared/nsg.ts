import type { Attr } from '../../../model/core/index.js';
import type { NetworkSecurityGroup, NsgRule } from '../../../model/index.js';

/**
 * Rule-level NSG reasoning for the foundation checks: which rule decides internet traffic to a port, in priority
 * order, first match wins (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works).
 * Reachability through NICs, subnets and public IPs is the network engine's job; this answers "does the NSG let the
 * internet in on this port", which is what a rule review asks.
 */

/** Source prefixes that stand for every internet address: `*`, `Internet`, `Any`, `0.0.0.0/0`, `::/0`. */
export function isInternetWide(prefix: string): boolean {
  const p = prefix.trim().toLowerCase();
  return p === '*' || p === 'internet' || p === 'any' || p === '0.0.0.0/0' || p === '0.0.0.0' || p === '::/0';
}

/** Whether a port specification (`*`, `22`, `1000-2000`) includes `port`. Malformed specs include nothing. */
export function portSpecCovers(spec: string, port: number): boolean {
  const s = spec.trim();
  if (s === '*') return true;
  const dash = s.indexOf('-');
  if (dash === -1) return /^\d+$/.test(s) && Number(s) === port;
  const lo = s.slice(0, dash).trim();
  const hi = s.slice(dash + 1).trim();
  return /^\d+$/.test(lo) && /^\d+$/.test(hi) && Number(lo) <= port && port <= Number(hi);
}

export function protocolCovers(protocol: string, wanted: 'Tcp' | 'Udp'): boolean {
  const p = protocol.toLowerCase();
  return p === '*' || p === 'any' || p === wanted.toLowerCase();
}

export type Decision =
  | { readonly kind: 'allowed'; readonly rule: NsgRule }
  | { readonly kind: 'denied'; readonly rule: NsgRule | null }
  | { readonly kind: 'unknown'; readonly attr: Attr<unknown> };

function knownAll(rule: NsgRule): Attr<unknown> | null {
  for (const a of [rule.priority, rule.direction, rule.access, rule.protocol, rule.sourcePrefixes, rule.destinationPorts] as Attr<unknown>[]) {
    if (!a.known) return a;
  }
  return null;
}

/** Inbound rules sorted by priority; rules whose order or direction is unknown are returned separately. */
function inboundInOrder(nsg: NetworkSecurityGroup): { ordered: NsgRule[]; undecided: NsgRule[] } {
  const ordered: NsgRule[] = [];
  const undecided: NsgRule[] = [];
  for (const r of nsg.rules) {
    if (!r.priority.known || !r.direction.known) undecided.push(r);
    else if (r.direction.value === 'Inbound') ordered.push(r);
  }
  ordered.sort((a, b) => (a.priority.known && b.priority.known ? a.priority.value - b.priority.value : 0));
  return { ordered, undecided };
}

/**
 * The first inbound rule that decides traffic from anywhere on the internet to `port`. When no custom rule matches,
 * the default rule DenyAllInBound (65500) denies it (AllowVnetInBound and AllowAzureLoadBalancerInBound do not
 * match internet sources).
 */
export function internetDecision(nsg: NetworkSecurityGroup, port: number, protocol: 'Tcp' | 'Udp'): Decision {
  const { ordered, undecided } = inboundInOrder(nsg);
  const [firstUndecided] = undecided;
  for (const rule of ordered) {
    const unknownAttr = knownAll(rule);
    if (unknownAttr) return { kind: 'unknown', attr: unknownAttr };
    if (!rule.protocol.known || !rule.sourcePrefixes.known || !rule.destinationPorts.known || !rule.access.known) continue;
    if (!protocolCovers(rule.protocol.value, protocol)) continue;
    if (!rule.destinationPorts.value.some((s) => portSpecCovers(s, port))) continue;
    const internetSource = rule.sourcePrefixes.value.some(isInternetWide) && rule.sourceAsgs.length === 0;
    if (rule.access.value === 'Allow' && internetSource) return firstUndecided ? { kind: 'unknown', attr: firstUndecided.priority } : { kind: 'allowed', rule };
    // A deny decides only when it covers every internet source; a narrower deny lets the rest fall through.
    if (rule.access.value === 'Deny' && internetSource) return { kind: 'denied', rule };
  }
  if (firstUndecided) return { kind: 'unknown', attr: firstUndecided.priority.known ? firstUndecided.direction : firstUndecided.priority };
  return { kind: 'denied', rule: null };
}

/** Describes where a rule lets traffic in from, for messages. */
export function describeRule(rule: NsgRule): string {
  const name = rule.name.known ? rule.name.value : '?';
  const prio = rule.priority.known ? rule.priority.value : '?';
  const src = rule.sourcePrefixes.known ? rule.sourcePrefixes.value.join(', ') : '?';
  return `rule \`${name}\` (priority ${prio}, source \`${src}\`)`;
}
