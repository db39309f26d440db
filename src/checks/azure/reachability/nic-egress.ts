import { defineCheck } from '../../kit/define-check.js';
import { describeRefs, opensAllPorts, wholeInternet } from '../../aws/reachability/exposure.js';
import { nicText } from './nic.js';

export default defineCheck({
  id: 'AZURE-NET-104',
  title: 'Network interface cannot open connections to any internet address on any port',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nic',
  rationale:
    'The default rule AllowInternetOutBound lets every VM reach any internet address; a compromised VM can then beacon ' +
    'or exfiltrate freely. The check follows the outbound path (NIC NSG, then subnet NSG, each with its default rules, ' +
    'and an outbound path: public IP, NAT gateway or default outbound access) and fails where every internet address ' +
    'is reachable on every port. A deny-all meant for outbound but created as inbound (the `az` default) does not help.',
  remediation: {
    summary: 'Add an Outbound deny at low priority (e.g. 4000) after allows for what the VM needs; set `--direction Outbound` explicitly.',
    cli: 'az network nsg rule create --resource-group RG --nsg-name NSG --name deny-internet-outbound --priority 4000 --direction Outbound --access Deny --protocol "*" --destination-address-prefixes Internet --destination-port-ranges "*"',
    terraform: 'security_rule {\n  name                       = "deny-internet-outbound"\n  priority                   = 4000\n  direction                  = "Outbound"\n  access                     = "Deny"\n  protocol                   = "*"\n  source_address_prefix      = "*"\n  source_port_range          = "*"\n  destination_address_prefix = "Internet"\n  destination_port_range     = "*"\n}',
    arm: '{ "name": "deny-internet-outbound", "properties": { "priority": 4000, "direction": "Outbound", "access": "Deny", "protocol": "*", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "Internet", "destinationPortRange": "*" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#allowinternetoutbound',
    'https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access',
  ],
  evaluate(nic, ctx) {
    const net = ctx.services.network;
    if (!net || net.interfacesOf(nic.key).length === 0) return ctx.notApplicable();
    const out = [];
    for (const row of net.egressOf(nic.key)) {
      if (!opensAllPorts(row) || !wholeInternet(row)) continue;
      const at = row.ruleAt ?? nic.at;
      if (row.verdict === 'reachable') {
        out.push(ctx.fail(at, `${nicText(nic, ctx)} can open connections to any internet address (${row.from.map((f) => `\`${f}\``).join(', ')}) on ${row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port`} through ${describeRefs(net, row.via)}; deny outbound internet traffic except what the VM needs`));
      } else if (row.verdict === 'unknown') {
        out.push(ctx.unknown(at, `cannot tell whether ${nicText(nic, ctx)} can reach the whole internet: ${row.reasons.join('; ')}`));
      }
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
