/**
 * ARM parameter files paired with their templates. Naming convention and file format:
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files
 * Key Vault references in parameter files: https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../report/types.js';
import { pairArmParameterFiles, templateNameFor } from './arm-parameters.js';
import type { InputFile } from './read-inputs.js';
import { scan } from './scan.js';

describe('templateNameFor', () => {
  it.each([
    ['azuredeploy.parameters.json', { template: 'azuredeploy.json' }],
    ['main.parameters-prod.json', { template: 'main.json', environment: 'prod' }],
    ['main.parameters.dev.json', { template: 'main.json', environment: 'dev' }],
    ['Storage.Parameters.JSON', { template: 'Storage.json' }],
  ])('%s names its template', (file, expected) => {
    expect(templateNameFor(file)).toEqual(expected);
  });

  it.each(['parameters.json', 'main.json', 'main.parametersx.json', 'main.parameters.dev.eu.json', 'main.parameters-.json', 'main.parameters.yaml'])(
    '%s is not a parameter file name', (file) => {
      expect(templateNameFor(file)).toBeUndefined();
    },
  );
});

describe('pairArmParameterFiles', () => {
  const f = (path: string): InputFile => ({ path, absolute: `/repo/${path}`, explicit: false });

  it('pairs only with a template among the inputs in the same folder, preferring the plain file', () => {
    const files = [
      f('infra/main.json'), f('infra/main.parameters.json'), f('infra/main.parameters-prod.json'),
      f('infra/orphan.parameters.json'), f('other/network.parameters.json'), f('infra/network.json'),
    ];
    const { byTemplate, diagnostics } = pairArmParameterFiles(files);
    expect([...byTemplate].map(([t, p]) => [t, p.path])).toEqual([['/repo/infra/main.json', 'infra/main.parameters.json']]);
    expect(diagnostics).toEqual([]);
  });

  it('uses the only environment file, and none of several (with a warning on the template)', () => {
    expect(pairArmParameterFiles([f('a/app.json'), f('a/app.parameters-dev.json')]).byTemplate.get('/repo/a/app.json')?.path).toBe('a/app.parameters-dev.json');
    const several = pairArmParameterFiles([f('a/app.json'), f('a/app.parameters-prod.json'), f('a/app.parameters-dev.json')]);
    expect(several.byTemplate.size).toBe(0);
    expect(several.diagnostics).toHaveLength(1);
    expect(several.diagnostics[0]).toMatchObject({ file: 'a/app.json', severity: 'warning', line: 1, column: 1 });
    expect(several.diagnostics[0]!.message).toContain('`a/app.parameters-dev.json`, `a/app.parameters-prod.json`');
  });
});

describe('scan with ARM parameter files', () => {
  let dir: string;

  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      storageName: { type: 'string' },
      minimumTlsVersion: { type: 'string', defaultValue: 'TLS1_2', allowedValues: ['TLS1_0', 'TLS1_1', 'TLS1_2'] },
      allowBlobPublicAccess: { type: 'bool', defaultValue: false },
      adminPassword: { type: 'securestring' },
    },
    resources: [
      {
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: "[parameters('storageName')]",
        location: '[resourceGroup().location]',
        sku: { name: 'Standard_ZRS' },
        kind: 'StorageV2',
        properties: {
          minimumTlsVersion: "[parameters('minimumTlsVersion')]",
          allowBlobPublicAccess: "[parameters('allowBlobPublicAccess')]",
          supportsHttpsTrafficOnly: true,
        },
      },
    ],
  };
  const parameterFile = (values: Record<string, unknown>) => JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
      // A Key Vault reference: resolved at deployment, so it stays unknown, and it is not an error.
      adminPassword: { reference: { keyVault: { id: '/subscriptions/0000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-payroll' }, secretName: 'admin-password' } },
    },
  }, null, 2);

  const write = (folder: string, files: Record<string, string>) => {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, folder, name), text);
  };
  const ids = (r: ScanReport) => r.findings.filter((x) => x.resource.type !== 'estate').map((x) => x.checkId).sort();
  const run = async (paths: string[], parameters?: Record<string, string>) =>
    (await scan(paths, { cwd: dir, ...(parameters ? { parameters } : {}) })).report;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parapet-armparams-'));
    const prod = { storageName: 'stpayrollprod01', minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: true };
    const dev = { storageName: 'stpayrolldev01', minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: true };
    write('plain', { 'azuredeploy.json': JSON.stringify(template, null, 2), 'azuredeploy.parameters.json': parameterFile(prod) });
    write('alone', { 'azuredeploy.json': JSON.stringify(template, null, 2) });
    write('envs', {
      'azuredeploy.json': JSON.stringify(template, null, 2),
      'azuredeploy.parameters-prod.json': parameterFile(prod),
      'azuredeploy.parameters-dev.json': parameterFile(dev),
    });
    write('elsewhere/params', { 'azuredeploy.parameters.json': parameterFile(prod) });
    write('elsewhere/template', { 'azuredeploy.json': JSON.stringify(template, null, 2) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the template defaults (secure here) without a parameter file', async () => {
    const r = await run(['alone']);
    expect(r.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(ids(r)).not.toContain('AZURE-STORAGE-003');
    expect(ids(r)).not.toContain('AZURE-STORAGE-001');
  });

  it('loads the template with the values of the parameter file beside it', async () => {
    const r = await run(['plain']);
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual(expect.arrayContaining(['AZURE-STORAGE-001', 'AZURE-STORAGE-003']));
    const tls = r.findings.find((x) => x.checkId === 'AZURE-STORAGE-003')!;
    expect(tls.location.file).toBe('plain/azuredeploy.json');
    expect(tls.message).toContain('stpayrollprod01');
    expect(tls.message).toContain('TLS1_0');
  });

  it('lets --param win over the parameter file', async () => {
    const r = await run(['plain'], { minimumTlsVersion: 'TLS1_2' });
    expect(ids(r)).not.toContain('AZURE-STORAGE-003');
    expect(ids(r)).toContain('AZURE-STORAGE-001');
  });

  it('applies none of several environment files, says so, and applies the one named with the template', async () => {
    const all = await run(['envs']);
    expect(ids(all)).not.toContain('AZURE-STORAGE-003');
    expect(all.errors).toEqual([expect.objectContaining({ file: 'envs/azuredeploy.json', code: 'unlinked', severity: 'warning' })]);
    const prod = await run(['envs/azuredeploy.json', 'envs/azuredeploy.parameters-prod.json']);
    expect(prod.errors).toEqual([]);
    expect(ids(prod)).toContain('AZURE-STORAGE-003');
    const dev = await run(['envs/azuredeploy.json', 'envs/azuredeploy.parameters-dev.json']);
    expect(ids(dev)).not.toContain('AZURE-STORAGE-003');
    expect(ids(dev)).toContain('AZURE-STORAGE-001');
  });

  it('does not pair files in different folders', async () => {
    const r = await run(['elsewhere']);
    expect(ids(r)).not.toContain('AZURE-STORAGE-003');
  });
});
