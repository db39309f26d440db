import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AZURE-DEFENDER-001',
  title: 'Defender for Cloud plan is enabled (Standard tier)',
  severity: 'medium',
  provider: 'azure',
  service: 'defender',
  target: 'azure.security.defenderPlan',
  rationale:
    'A Defender for Cloud plan on the Free tier gives posture recommendations only: no threat detection for the ' +
    'resource type (servers, storage, Key Vault, Resource Manager …). Azure\'s counterpart of GuardDuty is the ' +
    'Standard tier of each plan.',
  remediation: {
    summary: 'Set the plan\'s pricing tier to Standard.',
    cli: 'az security pricing create --name VirtualMachines --tier Standard',
    terraform: 'resource "azurerm_security_center_subscription_pricing" "servers" {\n  tier          = "Standard"\n  resource_type = "VirtualMachines"\n}',
    arm: '{ "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "VirtualMachines", "properties": { "pricingTier": "Standard" } }',
  },
  references: ['https://learn.microsoft.com/azure/defender-for-cloud/defender-for-cloud-introduction', 'https://learn.microsoft.com/rest/api/defenderforcloud/pricings'],
  compliance: { 'cis-azure-2.1': ['2.1.1'] },
  evaluate(plan, ctx) {
    const name = plan.plan.known ? plan.plan.value : plan.native.name;
    if (!plan.tier.known) return ctx.unknown(plan.tier, `cannot tell the tier of Defender plan \`${name}\``);
    return plan.tier.value.toLowerCase() === 'standard'
      ? ctx.pass()
      : ctx.fail(plan.tier, `Defender plan \`${name}\` is on the \`${plan.tier.value}\` tier: no threat detection; set it to \`Standard\``);
  },
});
