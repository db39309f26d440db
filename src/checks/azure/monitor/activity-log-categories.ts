import { defineCheck } from '../../kit/define-check.js';
import { isSubscriptionScope } from '../shared/scope.js';
import { displayName } from '../../kit/expect.js';

const NEEDED = ['Administrative', 'Security', 'Policy', 'Alert'] as const;

export default defineCheck({
  id: 'AZURE-MONITOR-002',
  title: 'Activity Log export captures the security-relevant categories',
  severity: 'medium',
  provider: 'azure',
  service: 'monitor',
  target: 'azure.insights.diagnosticSetting',
  rationale:
    'An Activity Log export that leaves out Administrative (every write, delete and action), Security, Policy or ' +
    'Alert events keeps the bulk but drops exactly what an investigation needs.',
  remediation: {
    summary: 'Enable the Administrative, Security, Policy and Alert categories (or the `allLogs` category group) in the subscription diagnostic setting.',
    cli: 'az monitor diagnostic-settings subscription update --name export-activity-log --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true},{"category":"Alert","enabled":true}]\'',
    terraform: 'enabled_log { category = "Administrative" }\nenabled_log { category = "Security" }\nenabled_log { category = "Policy" }\nenabled_log { category = "Alert" }',
    arm: '"logs": [ { "category": "Administrative", "enabled": true }, { "category": "Security", "enabled": true }, { "category": "Policy", "enabled": true }, { "category": "Alert", "enabled": true } ]',
  },
  references: ['https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema'],
  compliance: { 'cis-azure-2.1': ['5.1.2'] },
  evaluate(setting, ctx) {
    if (!setting.target.known) return ctx.unknown(setting.target, `cannot tell what diagnostic setting \`${displayName(setting)}\` monitors`);
    if (!isSubscriptionScope(setting.target.value)) return ctx.notApplicable();
    const cats = setting.logCategories;
    if (!cats.known) return ctx.unknown(cats, `cannot tell which categories diagnostic setting \`${displayName(setting)}\` exports`);
    const have = new Set(cats.value.map((c) => c.toLowerCase()));
    if (have.has('alllogs')) return ctx.pass();
    const missing = NEEDED.filter((c) => !have.has(c.toLowerCase()));
    return missing.length === 0
      ? ctx.pass()
      : ctx.fail(cats, `Activity Log export \`${displayName(setting)}\` leaves out ${missing.map((m) => `\`${m}\``).join(', ')}; enable them`);
  },
});
