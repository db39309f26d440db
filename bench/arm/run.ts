// ARM template loader speed on a generated estate: N resources in templates of 100 (ARM allows at most 800 per
// template), every Azure kind the model reads, written with the expressions real templates use (parameters,
// variables, format/concat, resourceId, uniqueString, if, copy loops). Baseline: a bare JSON.parse of the same
// bytes. Run: npx tsx --expose-gc bench/arm/run.ts [N=10000]
import { parseTree } from 'jsonc-parser';
import { loadArmTemplate } from '../../src/loaders/arm/index.js';

const total = Number(process.argv[2] ?? 10_000);
const perTemplate = 100;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function resource(i: number, r: () => number): unknown {
  const open = r() < 0.3;
  const loc = "[parameters('location')]";
  switch (i % 10) {
    case 0:
      return {
        type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: `[format('nsg-{0}-${i}', parameters('env'))]`, location: loc,
        properties: {
          securityRules: [0, 1, 2].map((j) => ({
            name: `rule-${j}`,
            properties: {
              priority: 100 + j, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePortRange: '*',
              sourceAddressPrefix: open && j === 0 ? '*' : '10.0.0.0/8', destinationAddressPrefix: '*',
              destinationPortRange: j === 0 ? '22' : `[string(add(8000, ${j}))]`,
            },
          })),
        },
      };
    case 1:
      return {
        type: 'Microsoft.Storage/storageAccounts', apiVersion: open ? '2021-09-01' : '2023-05-01', location: loc,
        name: `[concat('st${i}', uniqueString(resourceGroup().id))]`, sku: { name: 'Standard_LRS' }, kind: 'StorageV2',
        properties: { minimumTlsVersion: "[if(equals(parameters('env'), 'prod'), 'TLS1_2', 'TLS1_0')]", networkAcls: { defaultAction: open ? 'Allow' : 'Deny' } },
      };
    case 2:
      return {
        type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-09-01', name: `nic-${i}`, location: loc,
        properties: {
          networkSecurityGroup: { id: `[resourceId('Microsoft.Network/networkSecurityGroups', format('nsg-{0}-${i - 2}', parameters('env')))]` },
          ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', variables('vnetName'), 'default')]" } } }],
        },
      };
    case 3:
      return {
        type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-09-01', name: `vm-${i}`, location: loc,
        identity: { type: open ? 'None' : 'SystemAssigned' },
        properties: {
          storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu', sku: '22_04-lts', version: 'latest' } },
          osProfile: { computerName: `vm-${i}`, adminUsername: 'azureuser', adminPassword: "[parameters('adminPassword')]", linuxConfiguration: { disablePasswordAuthentication: !open } },
          networkProfile: { networkInterfaces: [{ id: `[resourceId('Microsoft.Network/networkInterfaces', 'nic-${i - 1}')]` }] },
        },
      };
    case 4:
      return {
        type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: `[format('kv{0}{1}', ${i}, uniqueString(resourceGroup().id))]`, location: loc,
        properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, enablePurgeProtection: open ? null : true },
        resources: [{ type: 'secrets', apiVersion: '2023-07-01', name: 'db', properties: { value: open ? 'changeme' : "[parameters('adminPassword')]" } }],
      };
    case 5:
      return {
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: `vnet-${i}`, location: loc,
        properties: {
          addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
          subnets: [0, 1].map((j) => ({ name: `snet-${j}`, properties: { addressPrefix: `[cidrSubnet('10.0.0.0/16', 24, ${j})]` } })),
        },
      };
    case 6:
      return {
        type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: `[guid(resourceGroup().id, '${i}')]`,
        properties: { roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${open ? '8e3af657-a8ff-443c-a75c-2fe8c4bcb635' : 'acdd72a7-3385-48ef-bd42-f606fba81ae7'}')]`, principalId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f' },
      };
    case 7:
      return { type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-09-01', name: `pip-${i}`, location: loc, sku: { name: open ? 'Basic' : 'Standard' }, properties: {} };
    case 8:
      return {
        type: 'Microsoft.Network/applicationSecurityGroups', apiVersion: '2023-09-01', name: `[format('asg-{0}', copyIndex())]`, location: loc,
        copy: { name: `asgs${i}`, count: 1 }, properties: {},
      };
    default:
      return {
        type: 'Microsoft.Insights/diagnosticSettings', apiVersion: '2021-05-01-preview', name: `diag-${i}`,
        scope: `[format('Microsoft.KeyVault/vaults/kv{0}', ${i})]`,
        properties: { workspaceId: '[parameters(\'workspaceId\')]', logs: [{ categoryGroup: 'audit', enabled: true }] },
      };
  }
}

const r = rng(42);
const texts: string[] = [];
for (let t = 0; t * perTemplate < total; t++) {
  const resources: unknown[] = [];
  for (let i = t * perTemplate; i < Math.min(total, (t + 1) * perTemplate); i++) resources.push(resource(i, r));
  texts.push(JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      env: { type: 'string', defaultValue: 'dev' },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
      adminPassword: { type: 'securestring' },
      workspaceId: { type: 'string', defaultValue: '' },
    },
    variables: { vnetName: "[format('vnet-{0}', parameters('env'))]" },
    resources,
  }, null, 2));
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const gc = (globalThis as { gc?: () => void }).gc;

function best(rounds: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    gc?.();
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const parseMs = best(3, () => { for (const t of texts) JSON.parse(t); });
const treeMs = best(3, () => { for (const t of texts) parseTree(t, []); });
let resources = 0;
let diagnostics = 0;
gc?.();
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const loadMs = best(3, () => {
  resources = 0;
  diagnostics = 0;
  texts.forEach((t, i) => {
    const res = loadArmTemplate(`t${i}.json`, t);
    resources += res.resources.length;
    diagnostics += res.diagnostics.length;
  });
  peak = Math.max(peak, process.memoryUsage().rss);
});

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`ARM loader: ${texts.length} templates, ${total} resources declared, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`  model resources out: ${resources} (incl. parameters and inline subnets), diagnostics: ${diagnostics}`);
console.log(`  load (best of 3):    ${loadMs.toFixed(0)} ms  (${(loadMs / texts.length).toFixed(1)} ms per template)`);
console.log(`  JSON.parse baseline: ${parseMs.toFixed(0)} ms  ratio ${(loadMs / parseMs).toFixed(0)}x`);
console.log(`  of which positions:  jsonc-parser parseTree alone takes ${treeMs.toFixed(0)} ms`);
console.log(`  RSS after loading:   ${mb(peak)} (before: ${mb(rssBefore)})`);
