import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AZURE-NET-106',
  title: 'NSG rule addresses fit its direction',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    'An inbound rule is matched against the address of the protected NIC as destination (after the public IP is ' +
    'translated); an outbound rule against it as source. A rule whose own-side addresses are none of the subnets and ' +
    'NICs the NSG protects can never match — typically an outbound rule created without `--direction`, which ' +
    '`az network nsg rule create` defaults to Inbound (the field guide\'s `allow-dns` to 168.63.129.16). AZURE-NET-005 ' +
    'covers rules whose name says the other direction; this check reads their addresses.',
  remediation: {
    summary: 'Recreate the rule with the direction its addresses need (`--direction Outbound`), or fix its addresses.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name allow-dns --direction Outbound',
    terraform: 'security_rule {\n  name                       = "allow-dns"\n  direction                  = "Outbound"\n  destination_address_prefix = "168.63.129.16"\n  # …\n}',
    arm: '{ "name": "allow-dns", "properties": { "direction": "Outbound", "destinationAddressPrefix": "168.63.129.16" } }',
  },
  references: [
    'https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-create',
    'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules',
  ],
  evaluate(nsg, ctx) {
    const net = ctx.services.network;
    if (!net) return ctx.notApplicable();
    const found = net.directionMismatches(nsg.key).filter((d) => d.reason === 'addresses');
    if (found.length === 0) return ctx.pass();
    return found.map((d) => {
      const rule = nsg.rules.find((r) => r.name.known && r.name.value === d.rule);
      return ctx.fail(rule?.direction ?? rule?.at ?? nsg.at, `NSG \`${nsg.native.name}\` rule \`${d.rule}\` is ${d.direction} but ${d.detail}; make it ${d.intended} or fix its addresses`);
    });
  },
});
