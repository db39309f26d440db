import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AZURE-NET-105',
  title: 'NSG has no rules shadowed by higher-priority rules',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    '"Once traffic matches a rule, processing stops": a rule whose every match is already matched by rules of higher ' +
    'priority (lower number) in the same direction is never used. When a shadowing rule has the opposite access, the ' +
    'rule\'s intent is silently overridden — an allow that never allows, or a deny that never denies.',
  remediation: {
    summary: 'Give the rule a priority above the rules that cover it, narrow those rules, or delete the dead rule.',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name RULE --priority 100',
    terraform: 'security_rule {\n  name     = "deny-ssh"\n  priority = 100 # before the broader allow\n  # …\n}',
    arm: '{ "name": "deny-ssh", "properties": { "priority": 100 } }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules'],
  evaluate(nsg, ctx) {
    const net = ctx.services.network;
    if (!net) return ctx.notApplicable();
    const found = net.shadowedNsgRules(nsg.key);
    if (found.length === 0) return ctx.pass();
    return found.map((s) => {
      const rule = nsg.rules.find((r) => r.name.known && r.name.value === s.rule);
      const by = s.shadowedBy.map((b) => `\`${b}\``).join(', ');
      const msg = s.conflicting
        ? `NSG \`${nsg.native.name}\` ${s.direction.toLowerCase()} rule \`${s.rule}\` (priority ${s.priority}, ${s.access}) never applies: ${by} with higher priority decide all its traffic first, with the opposite access; give it a higher priority or remove it`
        : `NSG \`${nsg.native.name}\` ${s.direction.toLowerCase()} rule \`${s.rule}\` (priority ${s.priority}) never applies: ${by} with higher priority already match all its traffic; remove it`;
      return ctx.fail(rule?.priority ?? rule?.at ?? nsg.at, msg, s.conflicting ? {} : { severity: 'low' });
    });
  },
});
