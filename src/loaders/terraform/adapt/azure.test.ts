import { describe, expect, it } from 'vitest';
import type { Attr } from '../../../model/core/index.js';
import { adaptPlan, planFixture } from './testing.js';

// azurerm 3.x plan (azure-app) and azurerm 4.x plan with legacy resources and a for_each module (azure-legacy).
const app = adaptPlan(planFixture('azure-app'), 'envs/prod/tfplan.json');
const legacy = adaptPlan(planFixture('azure-legacy'));

const value = <T>(a: Attr<T>): T | undefined => (a.known ? a.value : undefined);
const SUB = '6c1f0b2e-8d4a-4f6e-9a3b-2f1e5d7c9a10';

describe('azurerm: split resources (azure-app plan)', () => {
  it('links every fragment', () => {
    expect(app.linkDiagnostics).toEqual([]);
    expect(app.result.diagnostics).toEqual([]);
  });

  it('appends separate NSG rules to their group by resource group and name', () => {
    const nsg = app.one('azure.network.nsg', 'envs/prod::azurerm_network_security_group.web');
    expect(nsg.aliases).toContain('/subscriptions/{subscriptionid}/resourcegroups/rg-acme-app/providers/microsoft.network/networksecuritygroups/nsg-web');
    const rules = nsg.rules.map((r) => [value(r.name), value(r.priority), value(r.direction), value(r.access), value(r.destinationPorts)] as const);
    expect([...rules].sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))).toEqual([
      ['allow-https-inbound', 100, 'Inbound', 'Allow', ['443']],
      ['allow-ssh', 110, 'Inbound', 'Allow', ['22']],
      // The field guide's "deny-all-outbound" written without a direction: Inbound.
      ['deny-all-outbound', 4096, 'Inbound', 'Deny', ['*']],
    ]);
    expect(value(nsg.rules[0]?.sourcePrefixes ?? { known: false, why: '', at: nsg.at })).toEqual(['Internet']);
  });

  it('associates the NSG with the subnet, the ASG with the NIC, and the VM with the NIC', () => {
    const subnet = app.one('azure.network.subnet', 'envs/prod::azurerm_subnet.web');
    expect(subnet.nsg && value(subnet.nsg)).toBe('envs/prod::azurerm_network_security_group.web');
    expect(value(subnet.vnet)).toBe('/subscriptions/{subscriptionid}/resourcegroups/rg-acme-app/providers/microsoft.network/virtualnetworks/vnet-acme-app');
    expect(app.linked.resolve(subnet.vnet, 'azure.network.vnet')).toMatchObject({ key: 'envs/prod::azurerm_virtual_network.app' });
    const nic = app.one('azure.network.nic', 'nic-web');
    expect(nic.ipConfigurations).toHaveLength(1);
    const ip = nic.ipConfigurations[0];
    expect(ip?.asgs.map(value)).toEqual(['envs/prod::azurerm_application_security_group.web']);
    expect(ip && value(ip.subnet)).toBe('envs/prod::azurerm_subnet.web');
    expect(ip?.publicIp && value(ip.publicIp)).toBe('envs/prod::azurerm_public_ip.web');
    expect(ip?.privateIp.known).toBe(false);
    expect(nic.virtualMachine && value(nic.virtualMachine)).toBe('envs/prod::azurerm_linux_virtual_machine.web');
  });

  it('maps a Linux VM that allows passwords, with its user-assigned identity', () => {
    const vm = app.one('azure.compute.vm', 'vm-web');
    expect([value(vm.osType), value(vm.passwordAuthentication), value(vm.adminPassword)]).toEqual(['Linux', true, 'P@ssw0rd1234!']);
    expect([value(vm.identityType), vm.userAssignedIdentities.map(value)]).toEqual(['UserAssigned', ['envs/prod::azurerm_user_assigned_identity.app']]);
  });

  it('reads storage as the provider sets it, with the separate network rules', () => {
    // Provider defaults: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
    const sa = app.one('azure.storage.account', 'stacmeappdata');
    expect(value(sa.allowBlobPublicAccess)).toBe(true);
    expect(value(sa.minimumTlsVersion)).toBe('TLS1_0');
    expect(value(sa.httpsOnly)).toBe(true);
    expect(value(sa.publicNetworkAccess)).toBe('Enabled');
    expect(value(sa.networkDefaultAction)).toBe('Deny');
    expect(sa.encryptionKeySource).toMatchObject({ value: 'Microsoft.Storage', defaulted: true });
  });

  it('maps Key Vault with the v3 argument names, its secret value and key expiry', () => {
    const kv = app.one('azure.keyvault.vault', 'kv-acme-app');
    expect([value(kv.purgeProtection), value(kv.rbacAuthorization), value(kv.publicNetworkAccess)]).toEqual([false, true, 'Enabled']);
    expect(kv.networkDefaultAction).toMatchObject({ value: 'Allow', defaulted: true });
    const secret = app.one('azure.keyvault.secret', 'envs/prod::azurerm_key_vault_secret.db');
    expect([value(secret.value), value(secret.expires), value(secret.vault)]).toEqual(['Sup3rS3cret!', null, 'envs/prod::azurerm_key_vault.app']);
    expect(value(app.one('azure.keyvault.key', 'envs/prod::azurerm_key_vault_key.cmk').expires)).toBe('2026-12-31T00:00:00Z');
  });

  it('maps role assignments by role name and by a custom role created in the same plan', () => {
    const owner = app.one('azure.authorization.roleAssignment', 'envs/prod::azurerm_role_assignment.app_owner');
    expect([value(owner.scope), value(owner.role), owner.via]).toEqual([`/subscriptions/${SUB}`, 'Owner', 'standing']);
    // The identity's principal id exists only after apply: the assignment names the identity.
    expect(app.linked.resolve(owner.principalId, 'azure.managedidentity.userAssigned')).toMatchObject({ key: 'envs/prod::azurerm_user_assigned_identity.app' });
    const ops = app.one('azure.authorization.roleAssignment', 'envs/prod::azurerm_role_assignment.ops');
    expect(app.linked.resolve(ops.role, 'azure.authorization.roleDefinition')).toMatchObject({ key: 'envs/prod::azurerm_role_definition.network_operator' });
    expect(value(ops.principalType)).toBe('Group');
    // A new resource group's id is not in the plan: the scope is built from its name, so its level is known.
    expect(value(ops.scope)).toBe('/subscriptions/{subscriptionId}/resourceGroups/rg-acme-app');
    const role = app.one('azure.authorization.roleDefinition', 'envs/prod::azurerm_role_definition.network_operator');
    expect(role.custom).toBe(true);
    expect(role.roleId.known).toBe(false);
    expect(value(role.permissions)?.[0]?.actions).toContain('Microsoft.Authorization/*/write');
    expect(value(role.assignableScopes)).toEqual([`/subscriptions/${SUB}`]);
  });

  it('maps the Activity Log export and Defender plans', () => {
    const diag = app.one('azure.insights.diagnosticSetting', 'envs/prod::azurerm_monitor_diagnostic_setting.activity');
    expect([value(diag.target), value(diag.logCategories)]).toEqual([`/subscriptions/${SUB}`, ['Administrative', 'allLogs']]);
    expect(diag.workspace.known).toBe(false);
    const plans = app.linked.ofKind('azure.security.defenderPlan').map((p) => [value(p.plan), value(p.tier)]);
    expect(plans.sort()).toEqual([['StorageAccounts', 'Free'], ['VirtualMachines', 'Standard']]);
  });

  it('maps the public IP and variables; ignores types the model does not hold', () => {
    expect(value(app.one('azure.network.publicIp', 'pip-web').sku)).toBe('Standard');
    expect(value(app.one('iac.parameter', 'envs/prod::var.db_password').defaultValue)).toBe('changeme');
    expect(value(app.one('iac.parameter', 'envs/prod::var.admin_password').hidden)).toBe(true);
    const natives = new Set(app.result.resources.map((r) => r.native.type));
    expect(natives.has('azurerm_resource_group')).toBe(false);
    expect(natives.has('azurerm_log_analytics_workspace')).toBe(false);
  });
});

describe('azurerm: v4 names, legacy VM, inline subnets, PIM and a for_each module (azure-legacy plan)', () => {
  it('links every fragment (including by existing resource ids)', () => {
    // The Windows VM's NIC is outside this configuration: that one fragment cannot land.
    expect(legacy.linkDiagnostics.map((d) => d.message)).toEqual([expect.stringContaining('networkInterfaces/nic-win')]);
    expect(legacy.result.diagnostics).toEqual([]);
  });

  it('turns inline subnets into subnets, and attaches for_each rules to an existing NSG', () => {
    const subnet = legacy.one('azure.network.subnet', '/subscriptions/b2f6a3d4-1c9e-4e7a-8f2b-5d6c7e8f9a01/resourceGroups/rg-legacy/providers/Microsoft.Network/virtualNetworks/vnet-legacy/subnets/default');
    expect(subnet.key).toBe('infra::azurerm_virtual_network.legacy/subnet/default');
    expect(legacy.linked.resolve(subnet.nsg ?? { known: false, why: '', at: subnet.at }, 'azure.network.nsg')).toMatchObject({ key: 'infra::azurerm_network_security_group.legacy' });
    const nsg = legacy.one('azure.network.nsg', 'nsg-legacy');
    expect(nsg.rules.map((r) => [value(r.name), value(r.sourcePrefixes), value(r.destinationPrefixes)])).toEqual([
      ['allow-mgmt', ['0.0.0.0/0'], ['10.40.0.4', '10.40.0.5']],
      ['allow-winrm', ['0.0.0.0/0'], ['10.40.0.4', '10.40.0.5']],
    ]);
  });

  it('links module instances keyed by for_each to their own subnets', () => {
    for (const spoke of ['app', 'data']) {
      const s = legacy.one('azure.network.subnet', `infra::module.spoke["${spoke}"].azurerm_subnet.workload`);
      expect(s.nsg && value(s.nsg)).toContain('networkSecurityGroups/nsg-legacy');
      expect(legacy.linked.resolve(s.vnet, 'azure.network.vnet')).toMatchObject({ key: `infra::module.spoke["${spoke}"].azurerm_virtual_network.this` });
    }
  });

  it('maps the legacy VM resource and a Windows VM', () => {
    // `os_profile_linux_config.disable_password_authentication` defaults to false on the legacy resource.
    // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine
    const jump = legacy.one('azure.compute.vm', 'vm-jump');
    expect([value(jump.osType), value(jump.passwordAuthentication), value(jump.adminPassword), value(jump.identityType)]).toEqual(['Linux', true, 'changeme', 'SystemAssigned']);
    const nic = legacy.one('azure.network.nic', 'nic-jump');
    expect(nic.nsg && value(nic.nsg)).toContain('nsg-legacy');
    expect(nic.virtualMachine && value(nic.virtualMachine)).toBe('infra::azurerm_virtual_machine.jump');
    const win = legacy.one('azure.compute.vm', 'vm-win');
    expect([value(win.osType), value(win.passwordAuthentication)]).toEqual(['Windows', true]);
    expect(win.identityType).toMatchObject({ value: 'None', defaulted: true });
  });

  it('reads v4 argument names for storage and Key Vault, and the separate customer-managed key', () => {
    const sa = legacy.one('azure.storage.account', 'stlegacysecure');
    expect([value(sa.allowBlobPublicAccess), value(sa.httpsOnly), value(sa.sharedKeyAccess), value(sa.publicNetworkAccess), value(sa.networkDefaultAction), value(sa.infrastructureEncryption)])
      .toEqual([false, true, false, 'Disabled', 'Deny', true]);
    expect(value(sa.encryptionKeySource)).toBe('Microsoft.Keyvault');
    const kv = legacy.one('azure.keyvault.vault', 'kv-legacy');
    expect([value(kv.purgeProtection), value(kv.rbacAuthorization), value(kv.publicNetworkAccess), value(kv.networkDefaultAction)]).toEqual([true, true, 'Disabled', 'Deny']);
    expect(kv.aliases).toContain('/subscriptions/b2f6a3d4-1c9e-4e7a-8f2b-5d6c7e8f9a01/resourcegroups/rg-legacy/providers/microsoft.keyvault/vaults/kv-legacy');
  });

  it('maps PIM schedules and a custom role named by an assignment', () => {
    const eligible = legacy.one('azure.authorization.roleAssignment', 'infra::azurerm_pim_eligible_role_assignment.ops');
    expect([eligible.via, value(eligible.endsAt)]).toEqual(['pimEligible', '2026-06-30T00:00:00Z']);
    expect(value(eligible.role)).toContain('b24988ac-6180-42a0-ab88-20f7382dd24c');
    const active = legacy.one('azure.authorization.roleAssignment', 'infra::azurerm_pim_active_role_assignment.break_glass');
    expect(active.via).toBe('pimActive');
    expect(active.endsAt.known).toBe(false);
    const assignment = legacy.one('azure.authorization.roleAssignment', 'infra::azurerm_role_assignment.reader_plus');
    expect(value(assignment.role)).toBe('Reader Plus');
    expect(legacy.linked.resolve(assignment.role, 'azure.authorization.roleDefinition')).toMatchObject({ key: 'infra::azurerm_role_definition.reader_plus' });
    const def = legacy.one('azure.authorization.roleDefinition', '/providers/microsoft.authorization/roledefinitions/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f');
    expect(value(def.roleId)).toBe('c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f');
    // `assignable_scopes` left empty defaults to the definition's scope.
    expect(def.assignableScopes).toMatchObject({ value: ['/subscriptions/b2f6a3d4-1c9e-4e7a-8f2b-5d6c7e8f9a01'], defaulted: true });
  });

  it('keeps only enabled categories of the older `log` blocks', () => {
    const d = legacy.one('azure.insights.diagnosticSetting', 'infra::azurerm_monitor_diagnostic_setting.kv');
    expect(value(d.logCategories)).toEqual(['AuditEvent']);
    expect(legacy.linked.lookup(value(d.target) ?? '', 'azure.keyvault.vault')[0]?.key).toBe('infra::azurerm_key_vault.legacy');
  });

  it('maps the management-group tree and subscription placement', () => {
    const prod = legacy.one('azure.management.managementGroup', 'mg-prod');
    expect(value(prod.parent)).toBe('/providers/Microsoft.Management/managementGroups/mg-platform');
    // No parent written: Azure places it under the tenant root group, whose id the plan does not carry.
    expect(legacy.one('azure.management.managementGroup', 'mg-platform').parent.known).toBe(false);
    const placed = legacy.one('azure.management.subscription', '/subscriptions/b2f6a3d4-1c9e-4e7a-8f2b-5d6c7e8f9a01');
    expect([value(placed.subscriptionId), value(placed.managementGroup)]).toEqual(['b2f6a3d4-1c9e-4e7a-8f2b-5d6c7e8f9a01', '/providers/Microsoft.Management/managementGroups/mg-prod']);
    const sandbox = legacy.one('azure.management.subscription', '/subscriptions/0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f');
    expect(value(sandbox.managementGroup)).toBe('/providers/Microsoft.Management/managementGroups/mg-platform');
  });

  it('maps PIM role settings, leaving what the configuration does not set unknown', () => {
    // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_management_policy
    const p = legacy.one('azure.authorization.roleManagementPolicy', 'infra::azurerm_role_management_policy.contributor');
    expect([value(p.permanentEligibleAllowed), value(p.eligibleMaxDuration), value(p.permanentActiveAllowed)]).toEqual([false, 'P365D', true]);
    expect([value(p.activationMaxDuration), value(p.activationRequiresMfa), value(p.activationRequiresJustification), value(p.activationRequiresApproval)])
      .toEqual(['PT4H', true, true, false]);
    expect(p.activationRequiresTicket.known).toBe(false);
    expect(p.activeAssignmentRequiresMfa.known).toBe(false);
    expect(value(p.role)).toContain('b24988ac-6180-42a0-ab88-20f7382dd24c');
  });

  it('maps Entra groups with members written on the group and added by member resources', () => {
    const g = legacy.one('azure.entra.group', 'infra::azuread_group.ops');
    expect(value(g.displayName)).toBe('acme-ops');
    expect(value(g.members)).toEqual(['6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d']);
    expect(g.groupId.known).toBe(false);
  });
});
