import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Attr } from '../../model/core/index.js';
import type { Resource, ResourceKind, ResourceOfKind } from '../../model/index.js';
import type { LoadResult } from '../types.js';
import { isArmParametersFile, isArmTemplate, loadArmTemplate, readArmParameters } from './index.js';
import type { ArmLoadOptions } from './index.js';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const read = (name: string): string => readFileSync(dir + name, 'utf8');

function load(name: string, options?: ArmLoadOptions): LoadResult & { text: string } {
  const text = read(name);
  return { ...loadArmTemplate(name, text, options), text };
}

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
function where(text: string, needle: string, nth = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`\`${needle}\` not found`);
  }
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

function ofKind<K extends ResourceKind>(r: LoadResult, kind: K): ResourceOfKind<K>[] {
  return r.resources.filter((x): x is Extract<Resource, { kind: K }> => x.kind === kind) as ResourceOfKind<K>[];
}

function one<K extends ResourceKind>(r: LoadResult, kind: K, nameEndsWith: string): ResourceOfKind<K> {
  const all = ofKind(r, kind).filter((x) => x.key.endsWith(nameEndsWith.toLowerCase()));
  if (all.length !== 1) throw new Error(`${all.length} ${kind} ending with ${nameEndsWith}: ${ofKind(r, kind).map((x) => x.key).join(', ')}`);
  return all[0] as ResourceOfKind<K>;
}

function nsgFragments(r: LoadResult) {
  return r.fragments.flatMap((f) => (f.targetKind === 'azure.network.nsg' ? [f] : []));
}

function value<T>(a: Attr<T>): T | { unknown: string } {
  return a.known ? a.value : { unknown: a.why };
}

const RG = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}';

describe('quickstart-style Linux VM', () => {
  // Template shape: https://learn.microsoft.com/azure/virtual-machines/linux/quick-create-template
  const r = load('vm-simple-linux.json');

  it('loads every modelled resource with ids built from resourceId() placeholders', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.resources.filter((x) => x.kind !== 'iac.parameter').map((x) => x.key).sort()).toEqual([
      `${RG}/providers/Microsoft.Compute/virtualMachines/simpleLinuxVM`,
      `${RG}/providers/Microsoft.Network/networkInterfaces/simpleLinuxVMNetInt`,
      `${RG}/providers/Microsoft.Network/networkSecurityGroups/SecGroupNet`,
      `${RG}/providers/Microsoft.Network/publicIPAddresses/simpleLinuxVMPublicIP`,
      `${RG}/providers/Microsoft.Network/virtualNetworks/vNet`,
      `${RG}/providers/Microsoft.Network/virtualNetworks/vNet/subnets/Subnet`,
    ].map((k) => k.toLowerCase()).sort());
  });

  it('links the NIC to its subnet, public IP and NSG, and the VM to its NIC, by the same ids', () => {
    const nic = one(r, 'azure.network.nic', 'simpleLinuxVMNetInt');
    const ip = nic.ipConfigurations[0]!;
    expect(value(ip.subnet)).toBe(`${RG}/providers/Microsoft.Network/virtualNetworks/vNet/subnets/Subnet`);
    expect(ip.publicIp && value(ip.publicIp)).toBe(`${RG}/providers/Microsoft.Network/publicIPAddresses/simpleLinuxVMPublicIP`);
    expect(nic.nsg && value(nic.nsg)).toBe(`${RG}/providers/Microsoft.Network/networkSecurityGroups/SecGroupNet`);
    const vm = one(r, 'azure.compute.vm', 'simpleLinuxVM');
    expect(vm.networkInterfaces.map(value)).toEqual([nic.native.address]);
    // Every link resolves to a resource of this template (keys are the lowercased ids).
    const keys = new Set(r.resources.map((x) => x.key));
    for (const link of [ip.subnet, ip.publicIp!, nic.nsg!, vm.networkInterfaces[0]!]) {
      expect(link.known && keys.has(link.value.toLowerCase())).toBe(true);
    }
  });

  it('reads the SSH rule with its positions and canonical spellings', () => {
    const nsg = one(r, 'azure.network.nsg', 'SecGroupNet');
    const rule = nsg.rules[0]!;
    expect(value(rule.name)).toBe('SSH');
    expect(value(rule.protocol)).toBe('Tcp'); // written "TCP"
    expect(value(rule.sourcePrefixes)).toEqual(['*']);
    expect(value(rule.destinationPorts)).toEqual(['22']);
    expect(rule.destinationPorts.at).toMatchObject(where(r.text, '"22"'));
    expect(nsg.at).toMatchObject({ line: where(r.text, '"Microsoft.Network/networkSecurityGroups"').line - 1 });
  });

  it('password sign-in by default: `linuxConfiguration` is null when authenticationType is password', () => {
    const vm = one(r, 'azure.compute.vm', 'simpleLinuxVM');
    expect(value(vm.osType)).toBe('Linux');
    expect(vm.passwordAuthentication).toMatchObject({ known: true, value: true, defaulted: true, at: where(r.text, "\"[if(equals(parameters('authenticationType')") });
    expect(vm.adminPassword).toMatchObject({ known: false, why: 'parameter `adminPasswordOrKey` has no default value and no value was supplied' });
    expect(value(vm.identityType)).toBe('None');
  });

  it('with the parameters file, key authentication turns password sign-in off', () => {
    const params = readArmParameters(JSON.parse(read('vm-simple-linux.parameters.json')));
    expect(params).toEqual({ adminUsername: 'azureuser', authenticationType: 'sshPublicKey' });
    const withKey = load('vm-simple-linux.json', { parameters: params });
    const vm = one(withKey, 'azure.compute.vm', 'simpleLinuxVM');
    const setting = where(r.text, '"disablePasswordAuthentication": true');
    expect(vm.passwordAuthentication).toMatchObject({ known: true, value: false, at: { line: setting.line, column: setting.column + '"disablePasswordAuthentication": '.length } });
  });

  it('keeps the public IP basic SKU and an unknown DNS-derived name out of the id', () => {
    const pip = one(r, 'azure.network.publicIp', 'simpleLinuxVMPublicIP');
    expect(value(pip.sku)).toBe('Basic');
    expect(value(pip.ipAddress)).toBe(null);
  });

  it('records every parameter, hiding securestring ones', () => {
    const params = ofKind(r, 'iac.parameter');
    expect(params.map((p) => p.name)).toContain('adminPasswordOrKey');
    const secret = params.find((p) => p.name === 'adminPasswordOrKey')!;
    expect(secret).toMatchObject({ key: 'vm-simple-linux.json#adminPasswordOrKey', hidden: { known: true, value: true } });
    expect(value(secret.defaultValue)).toBe(null);
    const dns = params.find((p) => p.name === 'dnsLabelPrefix')!;
    expect(dns.defaultValue).toMatchObject({ known: false, why: '`uniqueString()` is a hash Azure computes at deployment' });
    expect(params.find((p) => p.name === 'vmSize')!.defaultValue).toMatchObject({ known: true, value: 'Standard_B2s' });
  });
});

describe('storage accounts and Key Vault', () => {
  const r = load('storage-keyvault.json');

  it('expands the copy loop into one storage account per iteration and drops the resource whose condition is false', () => {
    const names = ofKind(r, 'azure.storage.account').map((s) => value(s.name));
    expect(names).toEqual(['stdev0', 'stdev1', 'stlogs001']);
    const prod = load('storage-keyvault.json', { parameters: { environment: 'prod', storageCount: 1 } });
    expect(ofKind(prod, 'azure.storage.account').map((s) => value(s.name))).toEqual(['stprod0', 'stprodarchive', 'stlogs001']);
  });

  it('applies API-version-dependent defaults: 2019-06-01 allows public blob access by default, 2023-05-01 does not', () => {
    // https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent
    const old = one(r, 'azure.storage.account', 'stdev0');
    expect(old.allowBlobPublicAccess).toMatchObject({ known: true, value: true, defaulted: true });
    expect(old.allowBlobPublicAccess.at).toMatchObject({ line: where(r.text, '"type": "Microsoft.Storage/storageAccounts"').line - 1 });
    const logs = one(r, 'azure.storage.account', 'stlogs001');
    expect(logs.allowBlobPublicAccess).toMatchObject({ known: true, value: false });
    expect(logs.allowBlobPublicAccess.at).toMatchObject(where(r.text, 'false,', 1));
  });

  it('reads values through variables, if() and object variables', () => {
    const dev = one(r, 'azure.storage.account', 'stdev1');
    expect(value(dev.httpsOnly)).toBe(false);
    expect(value(dev.minimumTlsVersion)).toBe('TLS1_0');
    expect(value(dev.networkDefaultAction)).toBe('Allow');
    const logs = one(r, 'azure.storage.account', 'stlogs001');
    expect(value(logs.encryptionKeySource)).toBe('Microsoft.Keyvault');
    expect(value(logs.infrastructureEncryption)).toBe(true);
    expect(value(logs.sharedKeyAccess)).toBe(false);
    expect(value(logs.publicNetworkAccess)).toBe('Disabled');
    expect(value(logs.networkDefaultAction)).toBe('Deny');
  });

  it('names the vault with a uniqueString() stand-in: unknown name, stable key, children linked to it', () => {
    const kv = ofKind(r, 'azure.keyvault.vault')[0]!;
    expect(kv.name).toMatchObject({ known: false, why: '`uniqueString()` is a hash Azure computes at deployment' });
    expect(kv.key).toMatch(/^\/subscriptions\/\{subscriptionid\}\/resourcegroups\/\{resourcegroup\}\/providers\/microsoft\.keyvault\/vaults\/kv-dev-\{[a-z2-7]{13}\}$/);
    expect(value(kv.purgeProtection)).toBe(false);
    expect(kv.purgeProtection).toMatchObject({ defaulted: true });
    expect(value(kv.softDelete)).toBe(true);
    expect(kv.rbacAuthorization).toMatchObject({ known: true, value: false, defaulted: true });
    for (const s of [...ofKind(r, 'azure.keyvault.secret'), ...ofKind(r, 'azure.keyvault.key')]) {
      expect(s.vault.known && s.vault.value.toLowerCase()).toBe(kv.key);
    }
  });

  it('reads nested and separate secrets, their values and expiry', () => {
    const db = one(r, 'azure.keyvault.secret', '/secrets/db-password');
    expect(value(db.name)).toBe('db-password');
    expect(value(db.value)).toBe('changeme'); // the securestring parameter's default
    expect(db.expires).toMatchObject({ known: true, value: '2026-01-01T00:00:00Z', at: where(r.text, '1767225600') });
    const sk = one(r, 'azure.keyvault.secret', '/secrets/storage-key');
    expect(sk.value).toMatchObject({ known: false, why: '`listKeys()` returns values known only at deployment' });
    expect(sk.expires).toMatchObject({ known: false, why: '`utcNow()` is the time of deployment' });
    const key = one(r, 'azure.keyvault.key', '/keys/cmk');
    expect(key.expires).toMatchObject({ known: true, value: null, defaulted: true });
  });

  it('scopes an extension role assignment to the storage account named in `scope`', () => {
    const ra = ofKind(r, 'azure.authorization.roleAssignment')[0]!;
    expect(value(ra.scope)).toBe(`${RG}/providers/Microsoft.Storage/storageAccounts/stlogs001`);
    expect(ra.scope.at).toMatchObject(where(r.text, "\"[format('Microsoft.Storage/storageAccounts/{0}'"));
    expect(value(ra.role)).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    expect(ra.principalId).toMatchObject({ known: false });
    expect(value(ra.principalType)).toBe('Group');
    expect(ra.key.startsWith(`${RG}/providers/Microsoft.Storage/storageAccounts/stlogs001/providers/Microsoft.Authorization/roleAssignments/{`.toLowerCase())).toBe(true);
  });

  it('reads a resource diagnostic setting: target, enabled categories, destinations', () => {
    const ds = ofKind(r, 'azure.insights.diagnosticSetting')[0]!;
    const kv = ofKind(r, 'azure.keyvault.vault')[0]!;
    expect(ds.target.known && ds.target.value.toLowerCase()).toBe(kv.key);
    expect(value(ds.logCategories)).toEqual(['audit']);
    expect(value(ds.workspace)).toBe(null);
    expect(value(ds.storageAccount)).toBe(`${RG}/providers/Microsoft.Storage/storageAccounts/stlogs001`);
  });

  it('keeps secrets written as parameter defaults', () => {
    const token = ofKind(r, 'iac.parameter').find((p) => p.name === 'apiToken')!;
    expect(token).toMatchObject({ hidden: { value: false }, defaultValue: { known: true, value: 'sk_live_51HExampleExampleExample' } });
    const pw = ofKind(r, 'iac.parameter').find((p) => p.name === 'databasePassword')!;
    expect(pw).toMatchObject({ hidden: { value: true }, defaultValue: { value: 'changeme', at: where(r.text, '"changeme"') } });
  });
});

describe('subscription-scope baseline', () => {
  const r = load('subscription-baseline.json');

  it('exports the Activity Log: a subscription-scope diagnostic setting targets the subscription', () => {
    const ds = one(r, 'azure.insights.diagnosticSetting', 'activity-log-to-law');
    expect(ds.key).toBe('/subscriptions/{subscriptionid}/providers/microsoft.insights/diagnosticsettings/activity-log-to-law');
    expect(value(ds.target)).toBe('/subscriptions/{subscriptionId}');
    expect(value(ds.logCategories)).toEqual(['Administrative', 'Security', 'Policy']);
    expect(ds.workspace).toMatchObject({ known: false });
  });

  it('turns on Defender plans through a copy loop over an array parameter', () => {
    const plans = ofKind(r, 'azure.security.defenderPlan').map((p) => [value(p.plan), value(p.tier)]);
    expect(plans).toEqual([
      ['VirtualMachines', 'Standard'], ['StorageAccounts', 'Standard'], ['KeyVaults', 'Standard'], ['Arm', 'Standard'], ['SqlServers', 'Free'],
    ]);
  });

  it('links a custom role and its assignment through the same guid() stand-in', () => {
    const def = ofKind(r, 'azure.authorization.roleDefinition')[0]!;
    expect(value(def.roleName)).toBe('Virtual Machine Operator (custom)');
    expect(def.custom).toBe(true);
    expect(value(def.assignableScopes)).toEqual(['/subscriptions/{subscriptionId}']);
    expect(value(def.permissions)).toEqual([{
      actions: ['Microsoft.Compute/virtualMachines/*', 'Microsoft.Authorization/*/write'],
      notActions: ['Microsoft.Compute/virtualMachines/delete'], dataActions: [], notDataActions: [], condition: null,
    }]);
    const guid = value(def.roleId) as string;
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [custom, owner] = ofKind(r, 'azure.authorization.roleAssignment');
    expect(custom!.role.known && custom!.role.value.toLowerCase()).toBe(def.key);
    expect(def.aliases).toContain(guid);
    expect(value(custom!.scope)).toBe('/subscriptions/{subscriptionId}');
    expect(value(owner!.role)).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
    expect(value(owner!.principalId)).toBe('6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f');
    expect(owner!.principalType).toMatchObject({ known: true, value: null, defaulted: true });
  });

  it('loads an inline nested deployment (inner scope) into its resource group, with property copy loops', () => {
    const nsg = one(r, 'azure.network.nsg', 'nsg-mgmt');
    expect(nsg.key).toBe('/subscriptions/{subscriptionid}/resourcegroups/rg-network/providers/microsoft.network/networksecuritygroups/nsg-mgmt');
    expect(nsg.rules.map((x) => [value(x.name), value(x.priority), value(x.destinationPorts)])).toEqual([
      ['allow-in-22', 100, ['22']], ['allow-in-3389', 101, ['3389']], ['allow-in-443', 102, ['443']],
    ]);
    // The copied rule points at the `input` written once in the template.
    expect(nsg.rules[1]!.at).toMatchObject({ line: where(r.text, '"input": {').line });
    const nested = ofKind(r, 'iac.parameter').filter((p) => p.key.includes('#network/'));
    expect(nested.map((p) => [p.name, value(p.hidden), value(p.defaultValue)])).toEqual([
      ['ports', false, null], ['adminPassword', true, null], ['sharedKey', false, 'hunter2'],
    ]);
  });

  it('reports a linked template it does not fetch, as a warning at the link', () => {
    expect(r.diagnostics).toEqual([{
      code: 'module-not-resolved', severity: 'warning', file: 'subscription-baseline.json', ...where(r.text, '"templateLink"', 1),
      message: 'linked template `https://example.org/templates/policies.json` is not fetched; its resources are not loaded',
    }].map((d) => ({ ...d, column: where(r.text, '{ "uri"').column })));
  });
});

describe('PIM schedule requests', () => {
  // https://learn.microsoft.com/azure/templates/microsoft.authorization/roleeligibilityschedulerequests
  const r = load('pim-schedules.json');

  it('eligible and active schedules become assignments with their end, removals none', () => {
    const all = ofKind(r, 'azure.authorization.roleAssignment');
    expect(all.map((a) => [a.via, value(a.role).toString().slice(-36), value(a.endsAt)])).toEqual([
      ['pimEligible', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', '2026-04-01T08:00:00Z'],
      ['pimActive', 'b24988ac-6180-42a0-ab88-20f7382dd24c', '2026-03-31T00:00:00Z'],
      ['pimEligible', 'b24988ac-6180-42a0-ab88-20f7382dd24c', null],
    ]);
    expect(all.every((a) => value(a.scope) === '/subscriptions/{subscriptionId}')).toBe(true);
    expect(all[0]!.endsAt.at).toMatchObject(where(r.text, '"P90D"'));
    expect(all[0]!.key).toMatch(/^\/subscriptions\/\{subscriptionid\}\/providers\/microsoft\.authorization\/roleeligibilityschedulerequests\/\{/);
  });

  it('a duration from an unknown start has an unknown end', () => {
    const t = JSON.parse(r.text) as { resources: { properties: { scheduleInfo?: { startDateTime?: string } } }[] };
    t.resources[0]!.properties.scheduleInfo!.startDateTime = '[utcNow()]';
    const u = loadArmTemplate('pim.json', JSON.stringify(t, null, 2));
    expect(ofKind(u, 'azure.authorization.roleAssignment')[0]!.endsAt).toMatchObject({ known: false, why: '`utcNow()` is the time of deployment' });
  });
});

describe('portal export: separate rule and subnet resources, ASGs, identities', () => {
  const r = load('portal-export-network.json');

  it('turns separate security rule resources into fragments on their group', () => {
    const nsgKey = `${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-web`;
    expect(r.fragments).toHaveLength(2);
    expect(nsgFragments(r).map((f) => [f.targetKind, f.target.known && f.target.value, f.fields.rules?.map((x) => value(x.name))])).toEqual([
      ['azure.network.nsg', nsgKey, ['AllowHttpsInbound']],
      ['azure.network.nsg', nsgKey, ['DenyAllOutbound']],
    ]);
    const deny = nsgFragments(r)[1]!.fields.rules![0]!;
    expect(value(deny.direction)).toBe('Inbound');
    expect(value(deny.access)).toBe('Deny');
    expect(value(deny.protocol)).toBe('*');
    expect(deny.direction.at).toMatchObject(where(r.text, '"Inbound"', 3));
    expect(r.fragments[1]!.source).toMatchObject({ type: 'Microsoft.Network/networkSecurityGroups/securityRules', address: `${nsgKey}/securityRules/DenyAllOutbound` });
  });

  it('does not count a rule twice when the export writes it inline and as a resource', () => {
    const nsg = one(r, 'azure.network.nsg', 'nsg-web');
    expect(nsg.rules).toEqual([]);
  });

  it('keeps ASG references on rules and NIC IP configurations', () => {
    const asg = one(r, 'azure.network.asg', 'asg-web');
    const nic = one(r, 'azure.network.nic', 'nic-web01');
    expect(nic.ipConfigurations[0]!.asgs.map(value)).toEqual([asg.native.address]);
    expect(value(nic.ipConfigurations[0]!.privateIp)).toBe('10.20.1.4');
    expect(nic.ipConfigurations[0]!.publicIp).toBe(null);
    expect(nic.nsg).toBe(null);
  });

  it('reads subnets inline in the VNet and as child resources, with the subnet NSG', () => {
    const web = one(r, 'azure.network.subnet', '/subnets/snet-web');
    const data = one(r, 'azure.network.subnet', '/subnets/snet-data');
    const vnet = one(r, 'azure.network.vnet', 'vnet-prod');
    expect(web.vnet.known && web.vnet.value.toLowerCase()).toBe(vnet.key);
    expect(data.vnet.known && data.vnet.value.toLowerCase()).toBe(vnet.key);
    expect(value(web.addressPrefixes)).toEqual(['10.20.1.0/24']);
    expect(value(data.addressPrefixes)).toEqual(['10.20.2.0/24', '10.20.3.0/24']);
    expect(web.nsg && value(web.nsg)).toBe(`${RG}/providers/Microsoft.Network/networkSecurityGroups/nsg-web`);
    expect(data.nsg).toBe(null);
    expect(web.at).toMatchObject({ line: where(r.text, '"name": "snet-web"').line - 1 });
    expect(value(vnet.addressSpace)).toEqual(['10.20.0.0/16']);
  });

  it('reads VM identities from expression keys, and Windows means password sign-in', () => {
    const vm = one(r, 'azure.compute.vm', 'vm-web01');
    const id = one(r, 'azure.managedidentity.userAssigned', 'id-web');
    expect(value(vm.identityType)).toBe('SystemAssigned, UserAssigned');
    expect(vm.userAssignedIdentities.map(value)).toEqual([id.native.address]);
    expect(value(vm.osType)).toBe('Windows');
    expect(vm.passwordAuthentication).toMatchObject({ known: true, value: true });
    expect(vm.adminPassword).toMatchObject({ known: true, value: null });
  });
});

describe('languageVersion 2.0 (Bicep output)', () => {
  const r = load('bicep-symbolic.json');

  it('reads resources keyed by symbolic names and skips `existing` references', () => {
    expect(r.diagnostics).toEqual([]);
    expect(ofKind(r, 'azure.keyvault.vault')).toEqual([]);
    const secret = one(r, 'azure.keyvault.secret', 'sql-admin-password');
    expect(value(secret.vault)).toBe(`${RG}/providers/Microsoft.KeyVault/vaults/kv-shared-001`);
    expect(secret.value).toMatchObject({ known: false, why: 'parameter `sqlAdminPassword` has no default value and no value was supplied' });
  });

  it('links reference(symbolicName) to the resource it names', () => {
    const ra = ofKind(r, 'azure.authorization.roleAssignment')[0]!;
    const storage = ofKind(r, 'azure.storage.account')[0]!;
    expect(ra.principalId).toMatchObject({ known: false, why: "`reference('storage')` is the resource's state at deployment" });
    expect(value(ra.scope)).toBe(`${RG}/providers/Microsoft.KeyVault/vaults/kv-shared-001`);
    expect(storage.name).toMatchObject({ known: false });
    expect(value(storage.encryptionKeySource)).toBe('Microsoft.Keyvault');
  });

  it('evaluates lambdas and user-defined functions into NSG rules', () => {
    const nsg = one(r, 'azure.network.nsg', 'nsg-app');
    expect(nsg.rules.map((x) => [value(x.name), value(x.priority), value(x.destinationPorts)])).toEqual([
      ['allow-ssh-in', 200, ['22']], ['allow-https-in', 201, ['443']],
    ]);
  });
});

describe('extension resources, outer nested deployments, unknown counts and conditions', () => {
  const r = load('extension-forms.json');
  const stdata = `${RG}/providers/Microsoft.Storage/storageAccounts/stdata`;

  it('reads the old extension forms: nested `providers/diagnosticSettings` and `.../providers/roleAssignments`', () => {
    // https://learn.microsoft.com/azure/azure-resource-manager/templates/scope-extension-resources
    const ds = ofKind(r, 'azure.insights.diagnosticSetting')[0]!;
    expect(ds.key).toBe(`${stdata}/providers/Microsoft.Insights/diagnosticSettings/service`.toLowerCase());
    expect(value(ds.target)).toBe(stdata);
    expect(value(ds.logCategories)).toEqual(['StorageRead']);
    const ra = ofKind(r, 'azure.authorization.roleAssignment')[0]!;
    expect(value(ra.scope)).toBe(stdata);
    expect(value(ra.role)).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(ra.native.type).toBe('Microsoft.Storage/storageAccounts/providers/roleAssignments');
  });

  it('evaluates an outer-scope nested template with the parent parameters, and the 2026-02-01 Key Vault RBAC default', () => {
    // https://learn.microsoft.com/azure/key-vault/general/access-control-default
    const kv = one(r, 'azure.keyvault.vault', 'kv-outer-001');
    expect(kv.rbacAuthorization).toMatchObject({ known: true, value: true, defaulted: true });
    expect(value(kv.publicNetworkAccess)).toBe('Disabled'); // written "disabled"
    expect(value(kv.networkDefaultAction)).toBe('Deny');
  });

  it('an unknown copy count gives one representative instance and an unknown-expansion warning', () => {
    const vms = ofKind(r, 'azure.compute.vm');
    expect(vms).toHaveLength(1);
    expect(vms[0]!.name).toMatchObject({ known: false, why: 'the number of `vms` copies is not known' });
    expect(value(vms[0]!.adminPassword)).toBe('Winter2024!');
    expect(value(vms[0]!.passwordAuthentication)).toBe(true);
    expect(r.diagnostics).toContainEqual({
      code: 'unknown-expansion', severity: 'warning', file: 'extension-forms.json', ...where(r.text, "\"[parameters('vmCount')]\""),
      message: 'the count of copy loop `vms` is not known before deployment: one instance stands for all of them',
    });
  });

  it('an undecided condition keeps the resource and says so', () => {
    expect(ofKind(r, 'azure.network.publicIp').map((p) => value(p.name))).toEqual(['pip-maybe']);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({
      code: 'conditional', severity: 'warning', ...where(r.text, "\"[parameters('createPublicIp')]\""),
    }));
    expect(r.diagnostics).toHaveLength(2);
  });

  it('an unknown rule list is one rule whose every field is unknown', () => {
    const nsg = one(r, 'azure.network.nsg', 'nsg-param-rules');
    expect(nsg.rules).toHaveLength(1);
    const rule = nsg.rules[0]!;
    for (const a of [rule.name, rule.access, rule.direction, rule.sourcePrefixes, rule.destinationPorts]) {
      expect(a).toMatchObject({ known: false, why: 'parameter `extraRules` has no default value and no value was supplied' });
    }
  });

  it('child resources nested with a full or a short type, and the `[[` escape', () => {
    expect(value(one(r, 'azure.network.subnet', '/subnets/snet-full').addressPrefixes)).toEqual(['10.9.1.0/24']);
    expect(value(one(r, 'azure.network.subnet', '/subnets/snet-short').addressPrefixes)).toEqual(['[10.9.2.0/24]']);
  });
});

describe('deployment scopes and context', () => {
  const mgTemplate = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{
      type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: '0d5c6a8e-1111-4b7e-9c3a-2f6b9e1d4a70',
      properties: { roleDefinitionId: "[tenantResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]", principalId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
    }],
  }, null, 2);

  it('a management group template assigns at the management group', () => {
    const r = loadArmTemplate('mg.json', mgTemplate);
    const ra = ofKind(r, 'azure.authorization.roleAssignment')[0]!;
    expect(value(ra.scope)).toBe('/providers/Microsoft.Management/managementGroups/{managementGroup}');
    expect(value(ra.role)).toBe('/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
    const named = loadArmTemplate('mg.json', mgTemplate, { deployment: { managementGroup: 'contoso-platform' } });
    expect(value(ofKind(named, 'azure.authorization.roleAssignment')[0]!.scope)).toBe('/providers/Microsoft.Management/managementGroups/contoso-platform');
  });

  it('a known subscription, resource group and location replace the placeholders', () => {
    const r = load('vm-simple-linux.json', { deployment: { subscriptionId: '0b1f6471-1bf0-4dda-aec3-111122223333', resourceGroup: 'rg-app', location: 'westeurope' } });
    const nic = ofKind(r, 'azure.network.nic')[0]!;
    expect(nic.key).toBe('/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/rg-app/providers/microsoft.network/networkinterfaces/simplelinuxvmnetint');
    expect(value(nic.ipConfigurations[0]!.subnet)).toBe('/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vNet/subnets/Subnet');
    expect(ofKind(r, 'iac.parameter').find((p) => p.name === 'location')!.defaultValue).toMatchObject({ known: true, value: 'westeurope' });
  });
});

describe('adapter details', () => {
  const template = (resources: unknown[]) => JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources,
  }, null, 2);

  it('canonicalises identity types whatever their case and spacing', () => {
    const r = loadArmTemplate('id.json', template([{
      type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: 'vm1', identity: { type: 'systemassigned,userassigned' },
      properties: { storageProfile: { osDisk: { osType: 'Windows', createOption: 'Attach' } } },
    }]));
    const vm = ofKind(r, 'azure.compute.vm')[0]!;
    expect(value(vm.identityType)).toBe('SystemAssigned, UserAssigned');
    expect(value(vm.osType)).toBe('Windows');
    // No osProfile: the VM boots an attached disk; how it signs users in is not in the template.
    expect(vm.passwordAuthentication).toMatchObject({ known: false });
  });

  it('storage defaults by API version: HTTPS-only was off before 2019-04-01', () => {
    // https://learn.microsoft.com/rest/api/storagerp/storage-accounts/create (supportsHttpsTrafficOnly)
    const r = loadArmTemplate('old.json', template([
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2018-07-01', name: 'stold', properties: {} },
      { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2019-04-01', name: 'stnew', properties: {} },
    ]));
    const [old, recent] = ofKind(r, 'azure.storage.account');
    expect(old!.httpsOnly).toMatchObject({ known: true, value: false, defaulted: true });
    expect(recent!.httpsOnly).toMatchObject({ known: true, value: true, defaulted: true });
  });

  it('security rules: singular and plural fields merged, unknown parts stay unknown', () => {
    const r = loadArmTemplate('rules.json', template([{
      type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: 'nsg',
      properties: {
        securityRules: [{
          name: 'mixed',
          properties: {
            priority: '300', direction: 'OUTBOUND', access: 'deny', protocol: 'udp',
            sourceAddressPrefix: '10.0.0.0/8', sourceAddressPrefixes: ['192.168.0.0/16'],
            destinationPortRanges: ['53', '[reference(resourceId(\'Microsoft.Network/publicIPAddresses\', \'pip\')).ipAddress]'],
            sourcePortRange: '*', destinationAddressPrefix: 'Internet',
          },
        }],
      },
    }]));
    const rule = ofKind(r, 'azure.network.nsg')[0]!.rules[0]!;
    expect([value(rule.priority), value(rule.direction), value(rule.access), value(rule.protocol)]).toEqual([300, 'Outbound', 'Deny', 'Udp']);
    expect(value(rule.sourcePrefixes)).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    expect(rule.destinationPorts).toMatchObject({ known: false, why: "`reference('/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/publicIPAddresses/pip')` is the resource's state at deployment" });
  });
});

describe('bad input', () => {
  it('invalid JSON: one parse error at the position the parser stopped, nothing loaded', () => {
    const r = load('truncated.json');
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    const lines = r.text.split('\n');
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error', file: 'truncated.json', line: lines.length });
  });

  it('valid JSON that is not a template: not-a-template at 1:1', () => {
    const r = load('not-a-template.json');
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ code: 'not-a-template', line: 1, column: 1 }]);
  });

  it('a parameters file is not a template and not an error', () => {
    const doc: unknown = JSON.parse(read('vm-simple-linux.parameters.json'));
    expect(isArmParametersFile(doc)).toBe(true);
    expect(isArmTemplate(doc)).toBe(false);
    expect(load('vm-simple-linux.parameters.json')).toMatchObject({ resources: [], fragments: [], diagnostics: [] });
  });

  it('a broken template: each problem reported where it is written, the rest still loads', () => {
    const r = load('broken-template.json');
    const at = (needle: string, nth = 1) => where(r.text, needle, nth);
    const brace = (needle: string) => ({ line: at(needle).line - 2, column: 5 });
    expect(r.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message }))).toEqual([
      { code: 'invalid-template', ...brace('"name": "no-type-here"'), message: 'a resource needs a `type` and a `name`' },
      { code: 'invalid-template', line: at('"type": "Microsoft.Network/networkSecurityGroups"').line - 1, column: 5, message: 'a resource needs a `type` and a `name` (type `Microsoft.Network/networkSecurityGroups`)' },
      { code: 'invalid-template', ...at('"only-one-segment"'), message: 'the name `only-one-segment` does not have one segment per level of the type `Microsoft.Network/virtualNetworks/subnets`' },
      { code: 'invalid-template', ...at('"not an object"'), message: 'a resource must be an object' },
      { code: 'invalid-template', line: at("'stg']").line, column: at("'stg']").column + 5, message: 'invalid template expression: expected `,` or `)` in the arguments of `concat`, found end of expression' },
      { code: 'invalid-template', ...at('{ "not": "an array" }'), message: '`resources` must be an array' },
      { code: 'invalid-template', ...at('toLower('), message: '`toLower` takes 1 argument(s), got 2' },
      { code: 'unresolved-reference', ...at("parameters('missingParam')"), message: 'parameter `missingParam` is not declared' },
      { code: 'unsupported-function', ...at('magic()'), message: 'unsupported function `magic`' },
    ]);
    const accounts = ofKind(r, 'azure.storage.account');
    expect(accounts.map((a) => a.native.name)).toEqual([`{name@${at('"[concat(parameters(\'prefix\'), \'stg\']"').line}:15}`, 'appdata']);
    const data = accounts[1]!;
    expect(value(data.sharedKeyAccess)).toBe(false);
    expect(data.minimumTlsVersion).toMatchObject({ known: false, why: '`toLower` takes 1 argument(s), got 2' });
    expect(data.allowBlobPublicAccess).toMatchObject({ known: false, why: 'parameter `missingParam` is not declared' });
    expect(data.httpsOnly).toMatchObject({ known: false, why: 'unsupported function `magic`' });
  });

  it('caps copy counts at the documented 800 with a diagnostic at the count', () => {
    const r = load('huge-copy.json');
    expect(ofKind(r, 'azure.network.asg')).toHaveLength(800);
    expect(r.diagnostics).toEqual([{
      code: 'invalid-value', severity: 'error', file: 'huge-copy.json', ...where(r.text, '1000000'),
      message: 'copy `many` count 1000000 exceeds the limit of 800; only the first 800 are loaded',
    }]);
  });

  it('refuses deep nesting before parsing', () => {
    const deep = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = loadArmTemplate('deep.json', deep);
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ code: 'too-deep', line: 1 }]);
  });

  it('binary and empty input are parse errors, not crashes', () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 11) % 256)).toString('latin1');
    expect(loadArmTemplate('blob.bin', bytes).diagnostics).toMatchObject([{ code: 'parse-error' }]);
    expect(loadArmTemplate('empty.json', '').diagnostics).toMatchObject([{ code: 'parse-error', line: 1, column: 1 }]);
    expect(loadArmTemplate('array.json', '[1, 2]').diagnostics).toMatchObject([{ code: 'not-a-template' }]);
  });

  it('a long chain of variables is cut off, not a stack overflow', () => {
    const variables: Record<string, string> = { v0: 'end' };
    for (let i = 1; i <= 5000; i++) variables[`v${i}`] = `[variables('v${i - 1}')]`;
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', variables,
      resources: [{ type: 'Microsoft.Network/applicationSecurityGroups', apiVersion: '2023-09-01', name: "[variables('v5000')]" }],
    };
    const r = loadArmTemplate('chain.json', JSON.stringify(t));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    expect(ofKind(r, 'azure.network.asg')[0]!.name).toMatchObject({ known: false, why: 'references nested too deeply' });
  });

  it('hostile expressions: self-referencing variables, huge strings and ranges become unknown with diagnostics', () => {
    const t = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      variables: { a: "[variables('b')]", b: "[concat(variables('a'), 'x')]", big: "[range(0, 100000)]" },
      resources: [{
        type: 'Microsoft.Network/applicationSecurityGroups', apiVersion: '2023-09-01', name: "[variables('a')]",
        properties: { big: "[variables('big')]" },
      }],
    };
    const r = loadArmTemplate('hostile.json', JSON.stringify(t, null, 1));
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['cycle', 'invalid-value']);
    expect(ofKind(r, 'azure.network.asg')).toHaveLength(1);
  });
});

describe('content detection', () => {
  it('recognises templates by schema or by ARM-shaped resources', () => {
    expect(isArmTemplate({ $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#' })).toBe(true);
    expect(isArmTemplate({ $schema: 'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#' })).toBe(true);
    expect(isArmTemplate({ resources: [{ type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', name: 'x' }] })).toBe(true);
    expect(isArmTemplate({ languageVersion: '2.0', resources: { st: { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01' } } })).toBe(true);
    // CloudFormation and Terraform plan JSON are not ARM.
    expect(isArmTemplate({ AWSTemplateFormatVersion: '2010-09-09', Resources: { B: { Type: 'AWS::S3::Bucket' } } })).toBe(false);
    expect(isArmTemplate({ format_version: '1.2', planned_values: {} })).toBe(false);
    expect(isArmTemplate({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe(false);
  });
});
