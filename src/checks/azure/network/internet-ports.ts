import type { CheckContext, Outcome } from '../../kit/types.js';
import type { NetworkSecurityGroup } from '../../../model/index.js';
import { describeRule, internetDecision } from '../shared/nsg.js';
import { displayName } from '../../kit/expect.js';

/** Fails once per rule that lets the internet reach any of `ports`; unknown when rule order cannot be decided. */
export function internetPortsOutcome(
  nsg: NetworkSecurityGroup,
  ctx: CheckContext,
  ports: readonly { readonly port: number; readonly protocol: 'Tcp' | 'Udp'; readonly label: string }[],
): Outcome[] {
  const name = displayName(nsg);
  const byRule = new Map<string, { rule: NonNullable<ReturnType<typeof internetDecision> & { kind: 'allowed' }>['rule']; labels: string[] }>();
  const out: Outcome[] = [];
  for (const p of ports) {
    const d = internetDecision(nsg, p.port, p.protocol);
    if (d.kind === 'unknown') {
      out.push(ctx.unknown(d.attr, `cannot tell whether NSG \`${name}\` lets the internet reach ${p.label}`));
      break;
    }
    if (d.kind === 'allowed') {
      const key = `${d.rule.at.line}:${d.rule.at.column}`;
      const entry = byRule.get(key) ?? { rule: d.rule, labels: [] };
      entry.labels.push(p.label);
      byRule.set(key, entry);
    }
  }
  for (const { rule, labels } of byRule.values()) {
    out.push(
      ctx.fail(
        rule.destinationPorts.known ? rule.destinationPorts : rule.at,
        `NSG \`${name}\` ${describeRule(rule)} allows the internet to reach ${labels.join(', ')}; restrict the source to known addresses or use Azure Bastion / just-in-time access`,
      ),
    );
  }
  return out.length ? out : [ctx.pass()];
}
