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
    'Every port reachable from the internet exposes every listening service, including ones started later. A Basic SKU ' +
    'public IP on a NIC with no NSG at either place is open on every port; so is an NSG rule allowing `*`. The check ' +
    'follows the whole path and fails where all ports really get through.',
  remediation: {
    summary: 'Attach an NSG that allows only the ports the VM serves (and upgrade Basic public IPs to Standard, closed by default).',
    cli: 'az network nic update --resource-group RG --name NIC --network-security-group NSG',
    terraform: 'resource "azurerm_network_interface_security_group_association" "web" {\n  network_interface_id      = azurerm_network_interface.web.id\n  network_security_group_id = azurerm_network_security_group.web.id\n}',
    arm: '"networkSecurityGroup": { "id": "[resourceId(\'Microsoft.Network/networkSecurityGroups\', \'web-nsg\')]" }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku', 'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works'],
  evaluate(nic, ctx) {
    return nicExposure(nic, ctx, (row) => (opensAllPorts(row) ? [{ label: row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port` }] : []),
      'allow only the ports the VM serves');
  },
});
