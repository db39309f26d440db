import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-COMPUTE-003',
  title: 'VM admin password is not written in the template',
  severity: 'high',
  provider: 'azure',
  service: 'compute',
  target: 'azure.compute.vm',
  rationale:
    'An administrator password in a template or a parameter default is in source control and deployment history for ' +
    'good: anyone who can read the repository can log in.',
  remediation: {
    summary: 'Pass the password from a secure parameter without a default or a Key Vault reference, or use SSH keys.',
    cli: 'az vm create … --admin-password "$(az keyvault secret show --vault-name VAULT --name vm-admin --query value -o tsv)"',
    terraform: 'resource "azurerm_windows_virtual_machine" "this" {\n  # …\n  admin_password = random_password.admin.result\n}',
    arm: '"parameters": { "adminPassword": { "type": "securestring" } },\n…\n"osProfile": { "adminPassword": "[parameters(\'adminPassword\')]" }',
  },
  references: ['https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter', 'https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#parameters'],
  evaluate(vm, ctx) {
    const pw = vm.adminPassword;
    // Unknown means supplied at deployment time, which is what this check asks for.
    if (!pw.known || pw.value === null || pw.value === '') return ctx.pass();
    return ctx.fail(pw, `VM \`${displayName(vm)}\` has its admin password written in the template; pass it at deployment time from a secure parameter or Key Vault`);
  },
});
