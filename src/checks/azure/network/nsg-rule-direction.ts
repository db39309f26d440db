import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

const SAYS_OUTBOUND = /(^|[^a-z])(outbound|egress)([^a-z]|$)|(^|[-_ ])out([-_ ]|$)/i;
const SAYS_INBOUND = /(^|[^a-z])(inbound|ingress)([^a-z]|$)|(^|[-_ ])in([-_ ]|$)/i;

export default defineCheck({
  id: 'AZURE-NET-005',
  title: 'NSG rule direction matches its name',
  severity: 'medium',
  provider: 'azure',
  service: 'network',
  target: 'azure.network.nsg',
  rationale:
    '`az network nsg rule create` defaults `--direction` to Inbound (and `--destination-port-ranges` to 80). A rule ' +
    'named "deny-all-outbound" created without `--direction Outbound` silently denies inbound traffic instead, and the ' +
    'egress it was meant to block stays open. A name that says one direction on a rule of the other is almost always ' +
    'this mistake.',
  remediation: {
    summary: 'Recreate the rule with the direction its name says (or rename it if the direction is intended).',
    cli: 'az network nsg rule update --resource-group RG --nsg-name NSG --name RULE --direction Outbound',
    terraform: 'security_rule {\n  name      = "deny-all-outbound"\n  direction = "Outbound"\n  # …\n}',
    arm: '{ "name": "deny-all-outbound", "properties": { "direction": "Outbound" } }',
  },
  references: ['https://learn.microsoft.com/cli/azure/network/nsg/rule#az-network-nsg-rule-create'],
  evaluate(nsg, ctx) {
    const out = [];
    for (const rule of nsg.rules) {
      if (!rule.name.known || !rule.direction.known) continue;
      const name = rule.name.value;
      const says = SAYS_OUTBOUND.test(name) && !SAYS_INBOUND.test(name) ? 'Outbound' : SAYS_INBOUND.test(name) && !SAYS_OUTBOUND.test(name) ? 'Inbound' : null;
      if (says && says !== rule.direction.value) {
        out.push(ctx.fail(rule.direction, `NSG \`${displayName(nsg)}\` rule \`${name}\` is ${rule.direction.value} although its name says ${says.toLowerCase()}; set its direction to ${says}`));
      }
    }
    return out.length ? out : ctx.pass();
  },
});
