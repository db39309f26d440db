import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-COMPUTE-002',
  title: 'VM uses a managed identity',
  severity: 'low',
  provider: 'azure',
  service: 'compute',
  target: 'azure.compute.vm',
  rationale:
    'A workload without a managed identity authenticates to other Azure services with secrets kept on the machine ' +
    '(connection strings, keys, certificates). A managed identity gets tokens from the platform, nothing to store, leak ' +
    'or rotate.',
  remediation: {
    summary: 'Enable a system-assigned identity (or attach a user-assigned one) and grant it narrow roles.',
    cli: 'az vm identity assign --name VM --resource-group RG',
    terraform: 'resource "azurerm_linux_virtual_machine" "this" {\n  # …\n  identity {\n    type = "SystemAssigned"\n  }\n}',
    arm: '"identity": { "type": "SystemAssigned" }',
  },
  references: ['https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview'],
  evaluate(vm, ctx) {
    const t = vm.identityType;
    if (!t.known) return ctx.unknown(t, `cannot tell whether VM \`${displayName(vm)}\` has a managed identity`);
    return t.value.toLowerCase() === 'none' || t.value === ''
      ? ctx.fail(t, `VM \`${displayName(vm)}\` has no managed identity; assign one instead of storing credentials on the machine`)
      : ctx.pass();
  },
});
