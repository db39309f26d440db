import type { CheckContext, Outcome } from '../../kit/types.js';
import type { NetworkSecurityGroup, NsgRule } from '../../../model/index.js';
import type { NetworkService, TrafficFocus } from '../../kit/services/network.js';
import type { RuleFinding } from '../../aws/reachability/rule-reach.js';
import { judgeRule } from '../../aws/reachability/rule-reach.js';
import { describeRule, internetDecision, isInternetWide } from '../shared/nsg.js';
import { displayName } from '../../kit/expect.js';

export interface NsgPort {
  readonly port: number;
  readonly protocol: 'Tcp' | 'Udp';
  readonly label: string;
}

/** Every TCP and UDP port: what "all ports" rules and outbound defaults are judged on. */
export const EVERY_PORT: readonly TrafficFocus[] = [{ protocol: 'tcp' }, { protocol: 'udp' }];

/** A rule's destination ports include every port (`*`, `0-65535`, `1-65535`). */
export function opensAllPorts(rule: NsgRule): boolean {
  return rule.destinationPorts.known && rule.destinationPorts.value.some((p) => p.trim() === '*' || p.trim() === '0-65535' || p.trim() === '1-65535');
}

/** An inbound Allow from the whole internet on every port: AZURE-NET-002's finding (and not repeated by 001 or 003). */
export function isAllPortsInternetAllow(rule: NsgRule): boolean {
  return rule.direction.known && rule.direction.value === 'Inbound' && rule.access.known && rule.access.value === 'Allow' && opensAllPorts(rule) &&
    rule.sourcePrefixes.known && rule.sourcePrefixes.value.some(isInternetWide) && rule.sourceAsgs.length === 0;
}

/** What the network engine calls a rule: its name, or `rules[i]` when the name is not known. */
export function ruleLabel(nsg: NetworkSecurityGroup, rule: NsgRule): string {
  return rule.name.known ? rule.name.value : `rules[${nsg.rules.indexOf(rule)}]`;
}

/** What an NSG that reaches no interface applies to, in words. */
function unattachedText(nsg: NetworkSecurityGroup, net: NetworkService): string {
  const subnets = net.subnetsUsing(nsg.key);
  if (subnets.length === 0) return 'the NSG is attached to nothing in the inputs (no subnet or network interface uses it)';
  return `the NSG applies only to subnet${subnets.length === 1 ? '' : 's'} ${subnets.map((s) => `\`${displayName(s)}\``).join(', ')}, where the inputs place no network interface`;
}

/** The engine-ranked outcome of one NSG rule, or the rule-level failure when the network service is absent. */
export function nsgRuleJudgement(nsg: NetworkSecurityGroup, rule: NsgRule | string, ctx: CheckContext, focus: readonly TrafficFocus[],
  f: Omit<RuleFinding, 'unattached'>): Outcome {
  const net = ctx.services.network;
  if (!net) return ctx.fail(f.at, `${f.opening}; ${f.fix}`);
  const name = typeof rule === 'string' ? rule : ruleLabel(nsg, rule);
  return judgeRule(net, ctx, { kind: 'nsg', id: nsg.key, rule: name }, focus, { ...f, unattached: unattachedText(nsg, net) });
}

/**
 * One finding per rule that lets the internet reach any of `ports` (the rule deciding each port, first match by
 * priority), ranked by whether the internet really reaches a NIC through it; unknown when rule order cannot be
 * decided. A rule opening every port is AZURE-NET-002's.
 */
export function internetPortsOutcome(nsg: NetworkSecurityGroup, ctx: CheckContext, ports: readonly NsgPort[], fix: string): Outcome[] {
  const name = displayName(nsg);
  const byRule = new Map<NsgRule, NsgPort[]>();
  const out: Outcome[] = [];
  for (const p of ports) {
    const d = internetDecision(nsg, p.port, p.protocol);
    if (d.kind === 'unknown') {
      out.push(ctx.unknown(d.attr, `cannot tell whether NSG \`${name}\` lets the internet reach ${p.label}`));
      break;
    }
    if (d.kind === 'allowed' && !isAllPortsInternetAllow(d.rule)) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), p]);
  }
  for (const [rule, hit] of byRule) {
    const focus: TrafficFocus[] = [];
    for (const p of hit) {
      const proto = p.protocol === 'Tcp' ? 'tcp' : 'udp';
      const f = focus.find((x) => x.protocol === proto);
      if (f) (f.ports as [number, number][]).push([p.port, p.port]);
      else focus.push({ protocol: proto, ports: [[p.port, p.port]] });
    }
    out.push(nsgRuleJudgement(nsg, rule, ctx, focus, {
      at: rule.destinationPorts.known ? rule.destinationPorts : rule.at, fix,
      opening: `NSG \`${name}\` ${describeRule(rule)} allows the internet to reach ${hit.map((p) => p.label).join(', ')}`,
    }));
  }
  return out.length ? out : [ctx.pass()];
}
