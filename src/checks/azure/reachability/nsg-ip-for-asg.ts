import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AZURE-NET-107',
  title: 'NSG rules use application security groups rather than VM addresses',
  severity: 'low',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'A rule listing the private addresses of particular VMs breaks when they are redeployed or scaled and keeps letting ' +
    'in whatever later gets those addresses. Application security groups group NICs by role; rules that name them ' +
    'follow the VMs.',
  remediation: {
    summary: 'Put the NICs in an application security group and use it as the rule\'s source or destination.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name RULE --source-asgs web-asg --source-address-prefixes ""',
    terraform: 'security_rule {\n  name                                  = "allow-web-to-db"\n  source_application_security_group_ids = [azurerm_application_security_group.web.id]\n  # …\n}',
    arm: '{ "name": "allow-web-to-db", "properties": { "sourceApplicationSecurityGroups": [{ "id": "[resourceId(\'Microsoft.Network/applicationSecurityGroups\', \'web-asg\')]" }] } }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/application-security-groups'],
  evaluate(nsg, ctx) {
    const net = ctx.services.network;
    if (!net) return ctx.notApplicable();
    const found = net.groupSuggestions(nsg.key).filter((s) => s.provider === 'azure');
    if (found.length === 0) return ctx.pass();
    return found.map((s) => {
      const rule = nsg.rules.find((r) => r.name.known && r.name.value === s.rule);
      const attr = rule ? (s.side === 'source' ? rule.sourcePrefixes : rule.destinationPrefixes) : undefined;
      const which = s.suggest.length > 0 ? `use the ASG ${s.suggest.map((a) => `\`${a}\``).join(' or ')}, which they all belong to` : 'put them in an application security group and use it';
      return ctx.fail(attr ?? nsg.at, `NSG \`${nsg.native.name}\` rule \`${s.rule}\` lists the ${s.side} addresses ${s.addresses.map((a) => `\`${a}\``).join(', ')} of NIC ${s.interfaces.map((x) => `\`${x}\``).join(', ')}; ${which}`);
    });
  },
});
