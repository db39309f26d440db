import { defineCheck } from '../../kit/define-check.js';
import type { NsgRule } from '../../../model/index.js';
import { isInternetWide, portSpecCovers } from '../shared/nsg.js';
import { displayName } from '../../kit/expect.js';
import { EVERY_PORT, nsgRuleJudgement } from './internet-ports.js';

/** Whether a rule denies all outbound traffic to the internet (destination `Internet`, `*` or `0.0.0.0/0`, all ports). */
function deniesInternetOut(rule: NsgRule): boolean {
  return (
    rule.direction.known && rule.direction.value === 'Outbound' &&
    rule.access.known && rule.access.value === 'Deny' &&
    rule.destinationPrefixes.known && rule.destinationPrefixes.value.some(isInternetWide) &&
    rule.destinationPorts.known && rule.destinationPorts.value.some((p) => p.trim() === '*' || (portSpecCovers(p, 0) && portSpecCovers(p, 65535))) &&
    rule.protocol.known && (rule.protocol.value === '*' || rule.protocol.value.toLowerCase() === 'any')
  );
}

export default defineCheck({
  id: 'AZURE-NET-004',
  title: 'NSG restricts outbound traffic to the internet',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'Every NSG ends with the default rule AllowInternetOutBound (priority 65001): unless a custom outbound rule denies ' +
    'internet traffic, a compromised VM can reach any command-and-control server. A deny-all-outbound rule must have ' +
    'direction Outbound — `az network nsg rule create` defaults to Inbound, so a "deny-all-outbound" rule created ' +
    'without `--direction Outbound` denies inbound traffic and leaves egress open. The network engine ranks the ' +
    'finding: medium where AllowInternetOutBound still lets a NIC the NSG applies to reach the internet (through a ' +
    'public IP, a NAT gateway or default outbound access, with the NSG at the other place allowing too), low where no ' +
    'NIC it applies to has a way out or the NSG is attached to nothing; it passes where custom rules leave ' +
    'AllowInternetOutBound nothing to decide on any NIC.',
  remediation: {
    summary: 'Add an Outbound Deny rule to destination `Internet` on all ports at a low priority (e.g. 4096), with explicit higher-priority allows for what the workload needs.',
    cli: 'az network nsg rule create --resource-group RG --nsg-name NSG --name deny-all-outbound --direction Outbound --priority 4096 --access Deny --protocol "*" --destination-address-prefixes Internet --destination-port-ranges "*"',
    terraform: 'security_rule {\n  name                       = "deny-internet-outbound"\n  priority                   = 4096\n  direction                  = "Outbound"\n  access                     = "Deny"\n  protocol                   = "*"\n  source_address_prefix      = "*"\n  source_port_range          = "*"\n  destination_address_prefix = "Internet"\n  destination_port_range     = "*"\n}',
    arm: '{ "name": "deny-internet-outbound", "properties": { "priority": 4096, "direction": "Outbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "Internet", "destinationPortRange": "*" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules',
    'https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-create',
    'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access',
  ],
  evaluate(nsg, ctx) {
    if (nsg.rules.some(deniesInternetOut)) return ctx.pass();
    const undecided = nsg.rules.find((r) => !r.direction.known || !r.access.known || !r.destinationPrefixes.known);
    if (undecided) return ctx.unknown(undecided.at, `cannot tell whether NSG \`${displayName(nsg)}\` restricts outbound internet traffic`);
    const misdirected = nsg.rules.find((r) => r.direction.known && r.direction.value === 'Inbound' && r.name.known && /out(bound)?|egress/i.test(r.name.value) && r.access.known && r.access.value === 'Deny');
    const hint = misdirected && misdirected.name.known ? ` (rule \`${misdirected.name.value}\` looks meant for this but its direction is Inbound)` : '';
    const net = ctx.services.network;
    if (net) {
      const r = net.ruleReach({ kind: 'nsg', id: nsg.key, rule: 'AllowInternetOutBound' }, EVERY_PORT);
      // Custom rules take everything it would decide, on every NIC the NSG applies to: egress is restricted.
      if (r.found && r.interfaces.length > 0 && r.rows.length === 0 && r.maybeInterfaces.length === 0) return ctx.pass();
    }
    return nsgRuleJudgement(nsg, 'AllowInternetOutBound', ctx, EVERY_PORT, {
      at: nsg.at, outbound: true, fix: 'add an Outbound Deny to `Internet` with explicit allows above it',
      opening: `NSG \`${displayName(nsg)}\` leaves the default AllowInternetOutBound rule in force${hint}`,
    });
  },
});
