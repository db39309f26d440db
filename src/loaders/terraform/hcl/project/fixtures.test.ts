import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, byAddress, field, lineOf, plain } from '../__fixtures__/helpers.js';
import { loadTerraformProjects } from './load.js';

const loadDir = (name: string) => {
  const dir = path.join(FIXTURES, name);
  return loadTerraformProjects([dir], { cwd: dir, env: {} });
};

describe('azure-app fixture (azurerm, for expressions, .tf.json)', async () => {
  const r = await loadDir('azure-app');

  it('evaluates for_each over a for expression with a filter', () => {
    expect(r.instances.filter((i) => i.type === 'azurerm_subnet_network_security_group_association').map((i) => i.address)).toEqual([
      'azurerm_subnet_network_security_group_association.web["web"]',
    ]);
    expect(r.instances.filter((i) => i.type === 'azurerm_network_security_rule').map((i) => i.address)).toEqual([
      'azurerm_network_security_rule.mgmt["rdp"]',
      'azurerm_network_security_rule.mgmt["ssh"]',
    ]);
    const ssh = byAddress(r.instances, 'azurerm_network_security_rule.mgmt["ssh"]');
    expect(plain(field(ssh, 'destination_port_range'))).toBe('22');
    expect(plain(field(ssh, 'source_address_prefix'))).toBe('*');
    expect(plain(field(ssh, 'priority'))).toBe(200);
  });

  it('evaluates string functions and conditionals', () => {
    const st = byAddress(r.instances, 'azurerm_storage_account.data');
    expect(plain(field(st, 'name'))).toBe('stshopprod');
    expect(plain(field(st, 'account_replication_type'))).toBe('GRS');
    expect(plain(field(st, 'network_rules'))).toEqual([{ default_action: 'Deny', ip_rules: ['198.51.100.7'], bypass: ['AzureServices'] }]);
  });

  it('reads data source attributes as unknown, naming the data source', () => {
    const kv = byAddress(r.instances, 'azurerm_key_vault.main');
    expect(plain(field(kv, 'tenant_id'))).toEqual({
      unknown: '`data.azurerm_client_config.current.tenant_id` is read from the provider, not known to the scan',
      refs: ['.::data.azurerm_client_config.current'],
    });
  });

  it('reads .tf.json files: templates in strings, nested blocks as lists, known maps as maps', () => {
    const law = byAddress(r.instances, 'azurerm_log_analytics_workspace.main');
    expect(plain(law.values)).toEqual({
      name: 'log-shop', location: 'westeurope', resource_group_name: 'rg-shop-prod', retention_in_days: 90, tags: { purpose: 'monitoring', env: 'prod' },
    });
    expect(law.at).toMatchObject({ file: 'monitoring.tf.json', line: lineOf('azure-app/monitoring.tf.json', '"main": {') });
    const diag = byAddress(r.instances, 'azurerm_monitor_diagnostic_setting.storage');
    expect(plain(field(diag, 'enabled_log'))).toEqual([{ category: 'StorageRead' }, { category: 'StorageWrite' }]);
    expect(plain(field(diag, 'metric'))).toEqual([{ category: 'Transaction', enabled: true }]);
    expect(plain(field(diag, 'target_resource_id'))).toMatchObject({ refs: ['.::azurerm_storage_account.data'] });
    expect(field(diag, 'name')?.at.line).toBe(lineOf('azure-app/monitoring.tf.json', '"name": "diag-storage"'));
  });

  it('has no diagnostics', () => {
    expect(r.diagnostics).toEqual([]);
  });
});

describe('registry-modules fixture', async () => {
  const r = await loadDir('registry-modules');

  it('uses the copies named in .terraform/modules/modules.json, nested modules included', () => {
    expect(r.instances.map((i) => i.address).sort()).toEqual([
      'aws_flow_log.extra',
      'module.vpc.aws_subnet.private[0]',
      'module.vpc.aws_subnet.private[1]',
      'module.vpc.aws_vpc.this',
      'module.vpc.module.flow_log.aws_flow_log.this',
    ]);
    expect(byAddress(r.instances, 'module.vpc.aws_vpc.this').at.file).toBe('.terraform/modules/vpc/main.tf');
    expect(plain(field(byAddress(r.instances, 'module.vpc.aws_subnet.private[1]'), 'cidr_block'))).toBe('10.1.2.0/24');
    expect(plain(field(byAddress(r.instances, 'module.vpc.module.flow_log.aws_flow_log.this'), 'vpc_id'))).toMatchObject({ refs: ['.::module.vpc.aws_vpc.this'] });
  });

  it('reports one "module not resolved" diagnostic for a module that was never downloaded, and goes on', () => {
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'module-not-resolved', severity: 'warning', file: 'main.tf', line: lineOf('registry-modules/main.tf', 'module "tagging"'), column: 1 }),
    ]);
    const tags = field(byAddress(r.instances, 'aws_flow_log.extra'), 'tags');
    expect(tags?.t).toBe('unknown');
    expect(plain(field(byAddress(r.instances, 'aws_flow_log.extra'), 'traffic_type'))).toBe('REJECT');
  });
});

describe('broken fixture: bad input yields diagnostics and the rest is scanned', async () => {
  const r = await loadDir('broken');

  it('reports syntax errors with file, line and column, and skips only the broken block', () => {
    const syntax = r.diagnostics.filter((d) => d.code === 'parse-error');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((d) => d.file === 'syntax.tf')).toBe(true);
    expect(syntax).toContainEqual(expect.objectContaining({ line: lineOf('broken/syntax.tf', 'resource "aws_s3_bucket" "broken"'), column: 1 }));
    expect(r.instances.some((i) => i.address === 'aws_s3_bucket.broken')).toBe(false);
    expect(plain(field(byAddress(r.instances, 'aws_s3_bucket.before'), 'bucket'))).toBe('before-error');
  });

  it('reports a cycle between locals once and makes the values unknown', () => {
    expect(r.diagnostics.filter((d) => d.code === 'cycle' && d.file === 'main.tf')).toEqual([
      expect.objectContaining({ line: lineOf('broken/main.tf', 'a = local.b'), message: 'cycle: local.a → local.b → local.c → local.a' }),
    ]);
    expect(plain(field(byAddress(r.instances, 'aws_s3_bucket.cyclic'), 'bucket'))).toEqual({ unknown: 'cycle: local.a → local.b → local.c → local.a', refs: [] });
    expect(plain(field(byAddress(r.instances, 'aws_s3_bucket.fine'), 'bucket'))).toBe('fine');
  });

  it('refuses a module that sources itself, keeping its own resources once', () => {
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'cycle', file: 'modules/loop/main.tf', line: 2 }));
    expect(r.instances.filter((i) => i.type === 'aws_sns_topic').map((i) => i.address)).toEqual(['module.loop.aws_sns_topic.inside']);
  });

  it('evaluates a for_each over an unknown value once, as [*], marked unknown', () => {
    const rule = byAddress(r.instances, 'aws_security_group_rule.per_group[*]');
    expect(rule.unknownExpansion).toBe('`for_each` of `aws_security_group_rule.per_group` is not known before apply (`aws_security_group.base.id` is known only after apply)');
    expect(rule.key).toBe('.::aws_security_group_rule.per_group[*]');
    expect(plain(field(rule, 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
    expect(plain(field(rule, 'security_group_id'))).toMatchObject({ refs: ['.::aws_security_group.base'] });
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-expansion', severity: 'warning', file: 'main.tf', line: lineOf('broken/main.tf', 'for_each          = toset') }));
  });

  it('survives a 10,000-deep nested expression with a too-deep diagnostic', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parapet-tf-deep-'));
    mkdirSync(dir, { recursive: true });
    const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    const list = '['.repeat(10_000) + ']'.repeat(10_000);
    const chain = Array.from({ length: 10_000 }, (_, i) => `"p${i}"`).join(' == ');
    writeFileSync(path.join(dir, 'deep.tf'), `locals {\n  a = ${deep}\n  b = ${list}\n  c = ${chain}\n}\nresource "null_resource" "x" {\n  triggers = { a = local.a, b = local.b, c = local.c }\n}\nresource "null_resource" "ok" {\n  triggers = { fine = "yes" }\n}\n`);
    writeFileSync(path.join(dir, 'deep.tf.json'), JSON.stringify({ locals: { j: JSON.parse('['.repeat(5_000) + ']'.repeat(5_000)) } }));
    const d = await loadTerraformProjects([dir], { cwd: dir, env: {} });
    expect(d.diagnostics.filter((x) => x.code === 'too-deep').map((x) => [x.file, x.line])).toEqual([['deep.tf', 2], ['deep.tf', 3], ['deep.tf', 4], ['deep.tf.json', 1]]);
    expect(plain(field(byAddress(d.instances, 'null_resource.ok'), 'triggers'))).toEqual({ fine: 'yes' });
    const triggers = plain(field(byAddress(d.instances, 'null_resource.x'), 'triggers')) as Record<string, unknown>;
    for (const k of ['a', 'c']) expect(triggers[k]).toEqual({ unknown: 'expression nested too deeply', refs: [] });
    // The list keeps its first 200 levels (MAX_EXPR_DEPTH); the part below is unknown.
    let b = triggers.b;
    let levels = 0;
    while (Array.isArray(b)) {
      b = b[0];
      levels++;
    }
    expect(levels).toBe(200);
    expect(b).toEqual({ unknown: 'expression nested too deeply', refs: [] });
  });
});
