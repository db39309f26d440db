import { defineCheck } from '../../kit/define-check.js';
import { egressOutcomes } from '../../aws/reachability/exposure.js';
import { nicText, reportedBy } from './nic.js';

export default defineCheck({
  id: 'AZURE-NET-104',
  title: 'Network interface cannot open connections to any internet address on any port',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nic',
  rationale:
    'The default rule AllowInternetOutBound lets every VM reach any internet address; a compromised VM can then beacon ' +
    'or exfiltrate freely. An NSG that leaves it in force is AZURE-NET-004\'s finding, ranked by whether the NICs it ' +
    'applies to have a way out. This check reports what no such finding explains: a NIC with no NSG at either place ' +
    '(nothing to fix but to add one), or whose NSGs let every port out to the whole internet through custom allow rules. ' +
    'It follows the outbound path (NIC NSG, then subnet NSG, each with its default rules, and an outbound path: public ' +
    'IP, NAT gateway or default outbound access).',
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
    const out = egressOutcomes(net, ctx, {
      what: nicText(nic, ctx), rows: net.egressOf(nic.key), fallbackAt: nic.at, reported: reportedBy(ctx, []),
      fix: 'deny outbound internet traffic except what the VM needs',
    });
    return out.length > 0 ? out : ctx.pass();
  },
});
