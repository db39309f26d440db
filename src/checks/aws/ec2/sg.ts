import type { Attr, SecurityGroup, SecurityGroupRule } from '../../../model/index.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { PortSpec } from '../shared/network.js';
import { describeRange, isAllProtocols, rangeIsAllPorts, ruleFromInternet, rulePorts } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';

export function groupText(sg: SecurityGroup): string {
  return `security group \`${sg.name.known ? sg.name.value : sg.native.name}\``;
}

/** The attribute holding the internet CIDR (for the finding's position), or the rule. */
function cidrAttr(rule: SecurityGroupRule, cidrs: readonly string[]): Attr<unknown> | SecurityGroupRule['at'] {
  if (rule.ipv4Ranges.known && rule.ipv4Ranges.value.some((c) => cidrs.includes(c))) return rule.ipv4Ranges;
  if (rule.ipv6Ranges.known && rule.ipv6Ranges.value.some((c) => cidrs.includes(c))) return rule.ipv6Ranges;
  return rule.at;
}

/**
 * One outcome per ingress rule that opens any of `ports` to `0.0.0.0/0` or `::/0`: a failure naming the ports, or
 * unknown when the rule's source or ports are not known before deployment.
 */
export function internetIngressOutcomes(sg: SecurityGroup, ctx: CheckContext, ports: readonly PortSpec[], fix: string): Outcome[] {
  const out: Outcome[] = [];
  for (const rule of sg.ingress) {
    const internet = ruleFromInternet(rule);
    if (internet.open === false) continue;
    const opened = rulePorts(rule, ports);
    if ('unknown' in opened) {
      out.push(ctx.unknown(opened.unknown, `cannot tell which ports ${groupText(sg)} opens to the internet`));
      continue;
    }
    if (opened.labels.length === 0) continue;
    if (internet.open === 'unknown') {
      const u = !rule.ipv4Ranges.known ? rule.ipv4Ranges : rule.ipv6Ranges;
      out.push(ctx.unknown(u, `cannot tell whether ${groupText(sg)} opens ${listWords(opened.labels)} to the internet`));
      continue;
    }
    const range = describeRange(rule.protocol, rule.fromPort, rule.toPort);
    out.push(ctx.fail(cidrAttr(rule, internet.cidrs), `${groupText(sg)} allows ${listWords(opened.labels)} from ${listWords(internet.cidrs.map((c) => code(c)))} (${range}); ${fix}`));
  }
  return out.length > 0 ? out : [ctx.pass()];
}

/** A rule that opens every port (all protocols, or every TCP/UDP port). */
export function opensAllPorts(rule: SecurityGroupRule): boolean | 'unknown' {
  if (!rule.protocol.known) return 'unknown';
  if (isAllProtocols(rule.protocol.value)) return true;
  if (!rule.fromPort.known || !rule.toPort.known) return 'unknown';
  return rangeIsAllPorts(rule.protocol.value, rule.fromPort.value, rule.toPort.value);
}
