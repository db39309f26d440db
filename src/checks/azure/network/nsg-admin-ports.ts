import { defineCheck } from '../../kit/define-check.js';
import type { NsgPort } from './internet-ports.js';
import { internetPortsOutcome } from './internet-ports.js';

export const ADMIN_PORTS: readonly NsgPort[] = [
  { port: 22, protocol: 'Tcp', label: 'SSH (22)' },
  { port: 3389, protocol: 'Tcp', label: 'RDP (3389)' },
  { port: 3389, protocol: 'Udp', label: 'RDP over UDP (3389)' },
  { port: 5985, protocol: 'Tcp', label: 'WinRM (5985)' },
  { port: 5986, protocol: 'Tcp', label: 'WinRM over HTTPS (5986)' },
];

export default defineCheck({
  id: 'AZURE-NET-001',
  title: 'NSG does not allow SSH, RDP or WinRM from the internet',
  severity: 'high',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'Remote administration ports open to the internet are scanned within minutes of exposure and are the most common ' +
    'way into cloud VMs. NSG rules are evaluated by priority, first match wins: an Allow from `*` or `Internet` to 22, ' +
    '3389, 5985 or 5986 that no earlier rule denies lets everyone try. Each such rule is one finding, ranked by the ' +
    'network engine: high where the internet really reaches a NIC through it (a public IP on the ipconfig, the NSG at ' +
    'the other place — subnet or NIC — allowing too), low where nothing it protects is reachable (it says what blocks ' +
    'it) or the NSG is attached to nothing. A rule opening every port is AZURE-NET-002\'s.',
  remediation: {
    summary: 'Limit the rule\'s source to known addresses, or remove it and use Azure Bastion or just-in-time VM access.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name RULE --source-address-prefixes 203.0.113.0/24',
    terraform: 'security_rule {\n  name                       = "allow-ssh-from-office"\n  priority                   = 100\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_address_prefix      = "203.0.113.0/24"\n  source_port_range          = "*"\n  destination_address_prefix = "*"\n  destination_port_range     = "22"\n}',
    arm: '{ "name": "allow-ssh-from-office", "properties": { "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "203.0.113.0/24", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "22" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
    'https://learn.microsoft.com/azure/bastion/bastion-overview',
  ],
  compliance: { 'cis-azure-2.1': ['6.1', '6.2'] },
  evaluate(nsg, ctx) {
    return internetPortsOutcome(nsg, ctx, ADMIN_PORTS, 'restrict the source to known addresses or use Azure Bastion / just-in-time access');
  },
});
