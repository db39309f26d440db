import { defineCheck } from '../../kit/define-check.js';

export default defineCheck({
  id: 'AZURE-DEFENDER-002',
  title: 'Microsoft Defender for Cloud threat protection is enabled',
  severity: 'medium',
  provider: 'azure',
  service: 'defender',
  target: 'estate',
  rationale:
    'Without at least one Defender for Cloud plan on the Standard tier nothing watches the subscription for threats: ' +
    'no alerts on suspicious sign-ins to VMs, anomalous storage access or Resource Manager operations.',
  remediation: {
    summary: 'Enable Defender plans for the resource types you run (at least servers, storage, Key Vault and Resource Manager).',
    cli: 'az security pricing create --name Arm --tier Standard',
    terraform: 'resource "azurerm_security_center_subscription_pricing" "arm" {\n  tier          = "Standard"\n  resource_type = "Arm"\n}',
    arm: '{ "type": "Microsoft.Security/pricings", "apiVersion": "2024-01-01", "name": "Arm", "properties": { "pricingTier": "Standard" } }',
  },
  references: ['https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security'],
  evaluate(view, ctx) {
    const plans = view.graph.ofKind('azure.security.defenderPlan');
    if (plans.some((p) => p.tier.known && p.tier.value.toLowerCase() === 'standard')) return ctx.pass();
    const undecided = plans.find((p) => !p.tier.known);
    if (undecided) return ctx.unknown(undecided.tier, 'a Defender plan has a tier that is unknown before deployment');
    const where = { file: view.files[0] ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 };
    return ctx.fail(where, `no Defender for Cloud plan on the Standard tier in the inputs (looked at ${view.files.map((f) => `\`${f}\``).join(', ')}); enable Defender for the resource types you run`);
  },
});
