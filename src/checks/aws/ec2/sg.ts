import type { Attr, SecurityGroup, SecurityGroupRule } from '../../../model/index.js';
import type { NetworkService, TrafficFocus } from '../../kit/services/network.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { RuleFinding, Unanalysed } from '../reachability/rule-reach.js';
import { judgeRule } from '../reachability/rule-reach.js';
import type { PortSpec } from '../shared/network.js';
import { describeRange, isAllProtocols, rangeIsAllPorts, ruleFromInternet, rulePorts } from '../shared/network.js';
import { code, listWords } from '../shared/text.js';

export function groupText(sg: SecurityGroup): string {
  return `security group \`${sg.name.known ? sg.name.value : sg.native.name}\``;
}

/** The attribute holding the internet CIDR (for the finding's position), or the rule. */
export function cidrAttr(rule: SecurityGroupRule, cidrs: readonly string[]): Attr<unknown> | SecurityGroupRule['at'] {
  if (rule.ipv4Ranges.known && rule.ipv4Ranges.value.some((c) => cidrs.includes(c))) return rule.ipv4Ranges;
  if (rule.ipv6Ranges.known && rule.ipv6Ranges.value.some((c) => cidrs.includes(c))) return rule.ipv6Ranges;
  return rule.at;
}

/** Every TCP and UDP port: what "all ports" and "all egress" rules are judged on. */
export const EVERY_PORT: readonly TrafficFocus[] = [{ protocol: 'tcp' }, { protocol: 'udp' }];

/** The ports of `specs` whose labels a rule opens, as the engine's focus. */
function focusOf(specs: readonly PortSpec[], labels: readonly string[]): TrafficFocus[] {
  const out: { protocol: 'tcp' | 'udp'; ports: [number, number][] }[] = [];
  for (const s of specs) {
    if (!labels.includes(s.label)) continue;
    for (const p of s.protocols) {
      const f = out.find((x) => x.protocol === p);
      if (f) f.ports.push([s.port, s.port]);
      else out.push({ protocol: p, ports: [[s.port, s.port]] });
    }
  }
  return out;
}

/**
 * RDS databases the group protects: the network engine does not place them (their subnet group is not modelled), so
 * what is known is whether they get a public address at all. `PubliclyAccessible` false: the endpoint resolves to a
 * private address only; true: to a public one, RDS refusing it in a VPC without an internet gateway
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html, PubliclyAccessible).
 */
function databasesOf(sg: SecurityGroup, net: NetworkService): Unanalysed[] {
  const out: Unanalysed[] = [];
  for (const db of net.databasesUsing(sg.key)) {
    const name = `RDS instance \`${db.native.name}\``;
    const pa = db.publiclyAccessible;
    if (pa.known && pa.value === false) out.push({ level: 'blocked', text: `${name}: not publicly accessible, so it has no public address` });
    else if (pa.known) out.push({ level: 'exposed', text: `${name}, which is publicly accessible (the routes of its subnets are not analysed)` });
    else out.push({ level: 'unknown', text: `${name}: whether it is publicly accessible is not known` });
  }
  return out;
}

/** The engine-ranked outcome of one open rule, or the rule-level failure when the network service is absent. */
export function ruleJudgement(sg: SecurityGroup, ctx: CheckContext, index: number, direction: 'ingress' | 'egress', focus: readonly TrafficFocus[],
  f: Omit<RuleFinding, 'unattached' | 'unanalysed'>): Outcome {
  const net = ctx.services.network;
  if (!net) return ctx.fail(f.at, `${f.opening}; ${f.fix}`);
  return judgeRule(net, ctx, { kind: 'security-group', id: sg.key, rule: `${direction}[${index}]` }, focus, {
    ...f, unanalysed: databasesOf(sg, net),
    unattached: 'the group is attached to nothing in the inputs (no instance, network interface or RDS database uses it)',
  });
}

/**
 * One outcome per ingress rule that opens any of `ports` to `0.0.0.0/0` or `::/0`: a failure ranked by whether the
 * internet really reaches what the group protects through it, or unknown when the rule's source or ports are not
 * known before deployment. A rule that opens every port is AWS-EC2-002's finding, not repeated here.
 */
export function internetIngressOutcomes(sg: SecurityGroup, ctx: CheckContext, ports: readonly PortSpec[], fix: string): Outcome[] {
  const out: Outcome[] = [];
  sg.ingress.forEach((rule, index) => {
    const internet = ruleFromInternet(rule);
    if (internet.open === false) return;
    const opened = rulePorts(rule, ports);
    if ('unknown' in opened) {
      out.push(ctx.unknown(opened.unknown, `cannot tell which ports ${groupText(sg)} opens to the internet`));
      return;
    }
    if (opened.labels.length === 0) return;
    if (internet.open === 'unknown') {
      const u = !rule.ipv4Ranges.known ? rule.ipv4Ranges : rule.ipv6Ranges;
      out.push(ctx.unknown(u, `cannot tell whether ${groupText(sg)} opens ${listWords(opened.labels)} to the internet`));
      return;
    }
    if (opensAllPorts(rule) === true) return;
    const range = describeRange(rule.protocol, rule.fromPort, rule.toPort);
    out.push(ruleJudgement(sg, ctx, index, 'ingress', focusOf(ports, opened.labels), {
      at: cidrAttr(rule, internet.cidrs), fix,
      opening: `${groupText(sg)} allows ${listWords(opened.labels)} from ${listWords(internet.cidrs.map((c) => code(c)))} (${range})`,
    }));
  });
  return out.length > 0 ? out : [ctx.pass()];
}

/** A rule that opens every port (all protocols, or every TCP/UDP port). */
export function opensAllPorts(rule: SecurityGroupRule): boolean | 'unknown' {
  if (!rule.protocol.known) return 'unknown';
  if (isAllProtocols(rule.protocol.value)) return true;
  if (!rule.fromPort.known || !rule.toPort.known) return 'unknown';
  return rangeIsAllPorts(rule.protocol.value, rule.fromPort.value, rule.toPort.value);
}
