import { defineCheck } from '../../kit/define-check.js';
import { opensAllPorts } from '../../aws/reachability/exposure.js';
import { nicExposure } from './nic.js';

export default defineCheck({
  id: 'AZURE-NET-103',
  title: 'Network interface is not reachable from the internet on every port',
  severity: 'critical',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nic',
  rationale:
    'Every port reachable from the internet exposes every listening service, including ones started later. An NSG ' +
    'rule allowing the whole internet in on every port is AZURE-NET-002\'s finding, ranked by whether it really ' +
    'reaches a NIC. This check reports what no such rule explains, above all a Basic SKU public IP on a NIC with no NSG ' +
    'at either place (open on every port with no rule to blame), and every port reachable through rules that are not ' +
    'internet-wide, or not all-ports, one by one.',
  remediation: {
    summary: 'Attach an NSG that allows only the ports the VM serves (and upgrade Basic public IPs to Standard, closed by default).',
    cli: 'az network nic update --resource-group RG --name NIC --network-security-group NSG',
    terraform: 'resource "azurerm_network_interface_security_group_association" "web" {\n  network_interface_id      = azurerm_network_interface.web.id\n  network_security_group_id = azurerm_network_security_group.web.id\n}',
    arm: '"networkSecurityGroup": { "id": "[resourceId(\'Microsoft.Network/networkSecurityGroups\', \'web-nsg\')]" }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku', 'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works'],
  evaluate(nic, ctx) {
    return nicExposure(nic, ctx, (row) => (opensAllPorts(row) ? [{ label: row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port` }] : []),
      'allow only the ports the VM serves', []);
  },
});
