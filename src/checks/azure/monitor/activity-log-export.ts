import { defineCheck } from '../../kit/define-check.js';
import { isSubscriptionScope } from '../shared/scope.js';

export default defineCheck({
  id: 'AZURE-MONITOR-001',
  title: 'Activity Log is exported by a diagnostic setting',
  severity: 'high',
  provider: 'azure',
  service: 'monitor',
  target: 'estate',
  rationale:
    'Azure keeps the Activity Log for 90 days. Keeping it longer, alerting on it, or querying it with other logs ' +
    'needs a subscription diagnostic setting that sends it to a Log Analytics workspace, a storage account or Event ' +
    'Hubs. Without one, the record of who changed what is gone after 90 days and is not watched before.',
  remediation: {
    summary: 'Create a subscription-level diagnostic setting that sends the Administrative, Security, Policy and Alert categories to a Log Analytics workspace (and/or a storage account for retention).',
    cli: 'az monitor diagnostic-settings subscription create --name export-activity-log --location westeurope --workspace /subscriptions/SUB/resourceGroups/monitoring/providers/Microsoft.OperationalInsights/workspaces/prod-logs --logs \'[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true},{"category":"Alert","enabled":true}]\'',
    terraform: 'resource "azurerm_monitor_diagnostic_setting" "activity_log" {\n  name                       = "export-activity-log"\n  target_resource_id         = data.azurerm_subscription.current.id\n  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id\n  enabled_log { category = "Administrative" }\n  enabled_log { category = "Security" }\n  enabled_log { category = "Policy" }\n  enabled_log { category = "Alert" }\n}',
    arm: '{ "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "export-activity-log", "properties": { "workspaceId": "[parameters(\'workspaceId\')]", "logs": [ { "category": "Administrative", "enabled": true }, { "category": "Security", "enabled": true } ] } }',
  },
  references: [
    'https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log',
    'https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings',
  ],
  compliance: { 'cis-azure-2.1': ['5.1.1'] },
  evaluate(view, ctx) {
    const settings = view.graph.ofKind('azure.insights.diagnosticSetting');
    const exporting = settings.filter((s) => s.target.known && isSubscriptionScope(s.target.value));
    if (exporting.length > 0) return ctx.pass();
    const undecided = settings.find((s) => !s.target.known);
    const where = { file: view.files[0] ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 };
    if (undecided) return ctx.unknown(undecided.target, 'a diagnostic setting targets a scope that is unknown before deployment; cannot tell whether it exports the Activity Log');
    return ctx.fail(where, `no diagnostic setting exports the Activity Log in the inputs (looked at ${view.files.map((f) => `\`${f}\``).join(', ')}); it is kept only 90 days — export it to Log Analytics or storage`);
  },
});
