import { defineCheck } from '../../kit/define-check.js';
import { ADMIN, concernsIn, opensAllPorts } from '../../aws/reachability/exposure.js';
import { ADMIN_PORTS } from '../network/nsg-admin-ports.js';
import { nicExposure } from './nic.js';

export default defineCheck({
  id: 'AZURE-NET-101',
  title: 'Network interface is not reachable from the internet on SSH, RDP or WinRM',
  severity: 'high',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nic',
  rationale:
    'Remote administration ports reachable from the internet are brute-forced within minutes. An NSG rule allowing ' +
    '`*`, `Internet`, `0.0.0.0/0` or `::/0` in is AZURE-NET-001\'s finding (or AZURE-NET-002\'s, on every port), ' +
    'ranked by whether it really reaches a NIC. This check reports what no such rule explains: a NIC reachable on SSH, ' +
    'RDP or WinRM from the whole internet (or at least half of it) through rules that are not internet-wide one by ' +
    'one (`0.0.0.0/1` and `128.0.0.0/1`), or with no NSG at all behind a Basic SKU public IP. It follows the path as ' +
    'Azure evaluates it: a public IP on the ipconfig (a Standard SKU address stays closed unless an NSG allows the ' +
    'traffic), the subnet\'s NSG and then the NIC\'s NSG, each by priority with the default rules last, ASGs by ' +
    'membership.',
  remediation: {
    summary: 'Remove the rule or restrict its source to your administration range; use Azure Bastion or just-in-time VM access.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name allow-ssh --source-address-prefixes 10.20.0.0/24',
    terraform: 'security_rule {\n  name                       = "allow-ssh-admin"\n  priority                   = 100\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = "10.20.0.0/24"\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "22"\n}',
    arm: '{ "name": "allow-ssh-admin", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "10.20.0.0/24", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
    'https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku',
    'https://learn.microsoft.com/azure/bastion/bastion-overview',
  ],
  compliance: { 'cis-azure-2.1': ['6.1', '6.2'] },
  evaluate(nic, ctx) {
    // Every port open is AZURE-NET-103's finding.
    return nicExposure(nic, ctx, (row) => (opensAllPorts(row) ? [] : concernsIn(row, ADMIN).map((c) => ({ label: c.label, port: c.port }))),
      'restrict the source to your administration range or use Azure Bastion', ADMIN_PORTS);
  },
});
