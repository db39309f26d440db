import { defineCheck } from '../../kit/define-check.js';
import { rankAllPorts } from '../../aws/ec2/ec2-sg-all-ports.js';
import { describeRule, isInternetWide } from '../shared/nsg.js';
import { displayName } from '../../kit/expect.js';
import { EVERY_PORT, nsgRuleJudgement, opensAllPorts } from './internet-ports.js';

export default defineCheck({
  id: 'AZURE-NET-002',
  title: 'NSG does not allow all ports from the internet',
  severity: 'critical',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'An inbound Allow from `*` or `Internet` on every port turns the NSG off for whatever sits behind it: every ' +
    'service listening on a VM, including ones nobody meant to publish, is reachable. Each such rule is one finding, ' +
    'ranked by the network engine: critical where every port of a NIC is reachable from the internet through it, ' +
    'high where the NSG at the other place lets only some through, low where nothing it protects is reachable (it ' +
    'says what blocks it) or the NSG is attached to nothing. Such a rule also opens SSH, RDP and database ports; it is ' +
    'reported here once, not again by AZURE-NET-001 and AZURE-NET-003.',
  remediation: {
    summary: 'Replace the rule with rules that allow only the ports the workload serves, from the sources that need them.',
    cli: 'az network nsg rule delete --resource-group RG --nsg-name NSG --name RULE',
    terraform: 'security_rule {\n  name                       = "allow-https"\n  priority                   = 100\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = "Internet"\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "443"\n}',
    arm: '{ "name": "allow-https", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "Internet", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules',
    'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
  ],
  compliance: { 'cis-azure-2.1': ['6.1', '6.2'] },
  evaluate(nsg, ctx) {
    const out = [];
    for (const rule of nsg.rules) {
      const inbound = rule.direction.known && rule.direction.value === 'Inbound';
      const allow = rule.access.known && rule.access.value === 'Allow';
      if (!inbound || !allow || !opensAllPorts(rule)) continue;
      if (!rule.sourcePrefixes.known) {
        out.push(ctx.unknown(rule.sourcePrefixes, `cannot tell the source of NSG \`${displayName(nsg)}\` rule on all ports`));
      } else if (rule.sourcePrefixes.value.some(isInternetWide) && rule.sourceAsgs.length === 0) {
        out.push(nsgRuleJudgement(nsg, rule, ctx, EVERY_PORT, {
          at: rule.destinationPorts, fix: 'allow only the ports the workload serves', rank: rankAllPorts,
          opening: `NSG \`${displayName(nsg)}\` ${describeRule(rule)} allows the internet in on every port`,
        }));
      }
    }
    return out.length ? out : ctx.pass();
  },
});
