import { defineCheck } from '../../kit/define-check.js';
import { concernsIn, DATABASES, opensAllPorts } from '../../aws/reachability/exposure.js';
import { DATABASE_PORTS } from '../network/nsg-database-ports.js';
import { nicExposure } from './nic.js';

export default defineCheck({
  id: 'AZURE-NET-102',
  title: 'Network interface is not reachable from the internet on database ports',
  severity: 'high',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nic',
  rationale:
    'A database reachable from the internet is one weak password or unpatched flaw from a breach. An NSG rule allowing ' +
    'the whole internet in on a database port is AZURE-NET-003\'s finding (or AZURE-NET-002\'s), ranked by whether it ' +
    'really reaches a NIC. This check reports what no such rule explains: a NIC reachable on a database port from the ' +
    'whole internet (or at least half of it) through rules that are not internet-wide one by one, or with no NSG at ' +
    'all behind a Basic SKU public IP. It follows the whole path (public IP and its SKU, subnet NSG then NIC NSG, ASG ' +
    'membership).',
  remediation: {
    summary: 'Allow the database port only from the application tier: an application security group as the source.',
    cli: 'az network nsg rule create --resource-group RG --nsg-name NSG --name allow-app-to-db --priority 200 --direction Inbound --access Allow --protocol Tcp --source-asgs app-asg --destination-asgs db-asg --destination-port-ranges 5432',
    terraform: 'security_rule {\n  name                                       = "allow-app-to-db"\n  priority                                   = 200\n  direction                                  = "Inbound"\n  access                                     = "Allow"\n  protocol                                   = "Tcp"\n  source_application_security_group_ids      = [azurerm_application_security_group.app.id]\n  destination_application_security_group_ids = [azurerm_application_security_group.db.id]\n  source_port_range                          = "*"\n  destination_port_range                     = "5432"\n}',
    arm: '{ "name": "allow-app-to-db", "properties": { "priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceApplicationSecurityGroups": [{ "id": "[resourceId(\'Microsoft.Network/applicationSecurityGroups\', \'app-asg\')]" }], "destinationPortRange": "5432" } }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/application-security-groups', 'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works'],
  evaluate(nic, ctx) {
    // Every port open is AZURE-NET-103's finding.
    return nicExposure(nic, ctx, (row) => (opensAllPorts(row) ? [] : concernsIn(row, DATABASES).map((c) => ({ label: c.label, port: c.port }))),
      'allow the port only from the application tier\'s ASG', DATABASE_PORTS);
  },
});
