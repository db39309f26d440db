import { defineCheck } from '../../kit/define-check.js';
import type { NsgPort } from './internet-ports.js';
import { internetPortsOutcome } from './internet-ports.js';

export const DATABASE_PORTS: readonly NsgPort[] = [
  { port: 1433, protocol: 'Tcp', label: 'SQL Server (1433)' },
  { port: 3306, protocol: 'Tcp', label: 'MySQL (3306)' },
  { port: 5432, protocol: 'Tcp', label: 'PostgreSQL (5432)' },
  { port: 1521, protocol: 'Tcp', label: 'Oracle (1521)' },
  { port: 27017, protocol: 'Tcp', label: 'MongoDB (27017)' },
  { port: 6379, protocol: 'Tcp', label: 'Redis (6379)' },
  { port: 9200, protocol: 'Tcp', label: 'Elasticsearch (9200)' },
  { port: 9042, protocol: 'Tcp', label: 'Cassandra (9042)' },
];

export default defineCheck({
  id: 'AZURE-NET-003',
  title: 'NSG does not allow database ports from the internet',
  severity: 'high',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'Databases reachable from the internet are brute-forced and exploited directly; they belong behind the ' +
    'application tier or private endpoints. An Allow from `*` or `Internet` to a database port that no earlier rule ' +
    'denies exposes every database behind the NSG. Each such rule is one finding, ranked by the network engine: high ' +
    'where the internet really reaches a NIC through it, low where nothing it protects is reachable (it says what ' +
    'blocks it) or the NSG is attached to nothing. A rule opening every port is AZURE-NET-002\'s.',
  remediation: {
    summary: 'Allow database ports only from the application tier (an ASG or the subnet), or use private endpoints.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name RULE --source-asgs app-tier-asg',
    terraform: 'security_rule {\n  name                                  = "allow-app-to-db"\n  priority                              = 110\n  direction                             = "Inbound"\n  access                                = "Allow"\n  protocol                              = "Tcp"\n  source_application_security_group_ids = [azurerm_application_security_group.app.id]\n  source_port_range                     = "*"\n  destination_address_prefix            = "*"\n  destination_port_range                = "5432"\n}',
    arm: '{ "name": "allow-app-to-db", "properties": { "priority": 110, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "sourceApplicationSecurityGroups": [ { "id": "[resourceId(\'Microsoft.Network/applicationSecurityGroups\', \'app-tier-asg\')]" } ], "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "5432" } }',
  },
  references: [
    'https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works',
    'https://learn.microsoft.com/azure/private-link/private-endpoint-overview',
  ],
  evaluate(nsg, ctx) {
    return internetPortsOutcome(nsg, ctx, DATABASE_PORTS, 'allow the port only from the application tier (an ASG or its subnet), or use private endpoints');
  },
});
