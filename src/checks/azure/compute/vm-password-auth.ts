import { defineCheck } from '../../kit/define-check.js';
import { displayName } from '../../kit/expect.js';

export default defineCheck({
  id: 'AZURE-COMPUTE-001',
  title: 'Linux VM allows SSH keys only',
  severity: 'medium',
  provider: 'azure',
  service: 'compute',
  target: 'azure.compute.vm',
  rationale:
    'Password authentication on a Linux VM invites brute force and credential stuffing, and passwords end up in ' +
    'templates and scripts. SSH keys (or Microsoft Entra login) remove the guessable secret.',
  remediation: {
    summary: 'Disable password authentication and configure SSH public keys.',
    cli: 'az vm create … --authentication-type ssh --generate-ssh-keys',
    terraform: 'resource "azurerm_linux_virtual_machine" "this" {\n  # …\n  disable_password_authentication = true\n  admin_ssh_key {\n    username   = "azureuser"\n    public_key = file("~/.ssh/id_ed25519.pub")\n  }\n}',
    arm: '"osProfile": { "linuxConfiguration": { "disablePasswordAuthentication": true, "ssh": { "publicKeys": [ … ] } } }',
  },
  references: ['https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed'],
  evaluate(vm, ctx) {
    const name = displayName(vm);
    if (!vm.osType.known) return ctx.unknown(vm.osType, `cannot tell the OS of VM \`${name}\``);
    if (vm.osType.value !== 'Linux') return ctx.notApplicable();
    const pw = vm.passwordAuthentication;
    if (!pw.known) return ctx.unknown(pw, `cannot tell whether VM \`${name}\` allows password authentication`);
    return pw.value ? ctx.fail(pw, `Linux VM \`${name}\` allows password authentication; disable it and use SSH keys`) : ctx.pass();
  },
});
