import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObjectValue, Value } from '../../common/value.js';
import type { TfResourceInstance } from '../types.js';
import { isTerraformPlan, loadTerraformPlan } from './load-plan.js';

// Fixtures are `terraform show -json` output laid out as `jq .` prints it; keys use the directory of the file name
// given to the loader (`infra/plan.json` → `infra::<address>`).
// Format: https://developer.hashicorp.com/terraform/internals/json-format
const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./__fixtures__/${name}/plan.json`, import.meta.url)), 'utf8');
const AWS = fixture('aws-web');
const AZURE = fixture('azure-app');

function load(text: string, file = 'infra/plan.json') {
  return loadTerraformPlan(file, text, JSON.parse(text));
}

function byAddress(instances: readonly TfResourceInstance[], address: string): TfResourceInstance {
  const i = instances.find((x) => x.address === address);
  if (!i) throw new Error(`no instance ${address}`);
  return i;
}

function get(v: Value | undefined, ...path: (string | number)[]): Value | undefined {
  let cur = v;
  for (const p of path) {
    if (cur === undefined) return undefined;
    if (typeof p === 'number') cur = cur.t === 'list' ? cur.items[p] : undefined;
    else cur = cur.t === 'object' ? cur.fields.get(p) : undefined;
  }
  return cur;
}

const values = (i: TfResourceInstance): ObjectValue => i.values;

/** 1-based line of the first line containing `needle` at or after line `from`. */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if ((lines[i] ?? '').includes(needle)) return i + 1;
  throw new Error(`not found: ${needle}`);
}

describe('isTerraformPlan', () => {
  it('recognises plans and states by content', () => {
    expect(isTerraformPlan(JSON.parse(AWS))).toBe(true);
    expect(isTerraformPlan({ format_version: '1.0', terraform_version: '1.9.0', values: { root_module: {} } })).toBe(true);
  });

  it('rejects other JSON', () => {
    expect(isTerraformPlan({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} })).toBe(false);
    expect(isTerraformPlan({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [] })).toBe(false);
    expect(isTerraformPlan({ planned_values: {} })).toBe(false);
    expect(isTerraformPlan([{ format_version: '1.2' }])).toBe(false);
    expect(isTerraformPlan(null)).toBe(false);
  });
});

describe('loadTerraformPlan: AWS plan with modules, count, for_each', () => {
  const r = load(AWS);

  it('reads every planned instance, keyed by the plan directory and address, and skips deletions', () => {
    expect(r.diagnostics).toEqual([]);
    const addresses = r.instances.map((i) => i.address);
    expect(addresses).toContain('aws_subnet.public[1]');
    expect(addresses).toContain('aws_s3_bucket.logs["audit"]');
    expect(addresses).toContain('module.db.aws_db_instance.main');
    expect(addresses).toContain('module.replica[0].aws_s3_bucket.this');
    // `aws_s3_bucket.old` is only being destroyed.
    expect(addresses).not.toContain('aws_s3_bucket.old');
    expect(byAddress(r.instances, 'module.db.aws_db_instance.main').key).toBe('infra::module.db.aws_db_instance.main');
    const bucket = byAddress(r.instances, 'aws_s3_bucket.logs["app"]');
    expect(bucket).toMatchObject({ mode: 'managed', type: 'aws_s3_bucket', name: 'logs', key: 'infra::aws_s3_bucket.logs["app"]' });
  });

  it('reads data sources from the prior state', () => {
    const caller = byAddress(r.instances, 'data.aws_caller_identity.current');
    expect(caller.mode).toBe('data');
    expect(get(values(caller), 'account_id')).toMatchObject({ t: 'string', v: '111122223333' });
  });

  it('marks values known after apply as unknown, linked to the resource the expression references', () => {
    const rule = byAddress(r.instances, 'aws_security_group_rule.web_egress');
    const sg = get(values(rule), 'security_group_id');
    expect(sg).toMatchObject({ t: 'unknown', refs: ['infra::aws_security_group.web'] });
    expect(sg?.t === 'unknown' && sg.why).toBe('known after apply (from `aws_security_group.web.id`)');
  });

  it('resolves an indexed reference to that instance', () => {
    const web = byAddress(r.instances, 'aws_instance.web');
    expect(get(values(web), 'subnet_id')).toMatchObject({ t: 'unknown', refs: ['infra::aws_subnet.public[0]'] });
  });

  it('resolves `resource[count.index]` and `each.value` to the sibling instance with the same key', () => {
    const assoc1 = byAddress(r.instances, 'aws_route_table_association.public[1]');
    expect(get(values(assoc1), 'subnet_id')).toMatchObject({ t: 'unknown', refs: ['infra::aws_subnet.public[1]'] });
    const pab = byAddress(r.instances, 'aws_s3_bucket_public_access_block.logs["audit"]');
    expect(get(values(pab), 'bucket')).toMatchObject({ t: 'unknown', refs: ['infra::aws_s3_bucket.logs["audit"]'] });
  });

  it('follows module outputs down and module inputs up', () => {
    const ingress = byAddress(r.instances, 'aws_vpc_security_group_ingress_rule.db_from_web');
    expect(get(values(ingress), 'security_group_id')).toMatchObject({ t: 'unknown', refs: ['infra::module.db.aws_security_group.db'] });
    // `vpc_id = var.vpc_id` inside the module; the call passes `aws_vpc.main.id`.
    const dbSg = byAddress(r.instances, 'module.db.aws_security_group.db');
    expect(get(values(dbSg), 'vpc_id')).toMatchObject({ t: 'unknown', refs: ['infra::aws_vpc.main'] });
    // `module.replica[0].bucket_id`: the output of one instance of a counted module.
    const versioning = byAddress(r.instances, 'aws_s3_bucket_versioning.replica');
    expect(get(values(versioning), 'bucket')).toMatchObject({ t: 'unknown', refs: ['infra::module.replica[0].aws_s3_bucket.this'] });
  });

  it('gives each unknown list element the reference written for it', () => {
    const web = byAddress(r.instances, 'aws_instance.web');
    const ids = get(values(web), 'vpc_security_group_ids');
    expect(ids?.t).toBe('list');
    expect(get(ids, 0)).toMatchObject({ t: 'unknown', refs: ['infra::aws_security_group.web'] });
    expect(get(ids, 1)).toMatchObject({ t: 'string', v: 'sg-0a1b2c3d4e5f60718' });
  });

  it('marks attributes the configuration leaves to the provider as unset, not as unknown settings', () => {
    const sg = byAddress(r.instances, 'aws_security_group.web');
    expect(get(values(sg), 'egress')).toMatchObject({ t: 'unknown', unset: true });
    // Written in the configuration: an ordinary unknown.
    expect(get(values(sg), 'vpc_id')).not.toHaveProperty('unset');
    const web = byAddress(r.instances, 'aws_instance.web');
    expect(get(values(web), 'public_ip')).toMatchObject({ t: 'unknown', unset: true });
    // Inside a written block: `instance_metadata_tags` is not written in `metadata_options`.
    expect(get(values(web), 'metadata_options', 0, 'instance_metadata_tags')).toMatchObject({ t: 'unknown', unset: true });
    expect(get(values(web), 'metadata_options', 0, 'http_tokens')).toMatchObject({ t: 'string', v: 'optional' });
  });

  it('keeps sensitive values (they are in the plan) and records the mark', () => {
    const db = byAddress(r.instances, 'module.db.aws_db_instance.main');
    expect(get(values(db), 'password')).toMatchObject({ t: 'string', v: 'Sup3rS3cret!' });
    expect(db.sensitive).toEqual(['password']);
    expect(byAddress(r.instances, 'aws_s3_bucket.logs["app"]').sensitive).toBeUndefined();
  });

  it('positions each instance at its object in planned_values, and values at their members', () => {
    const web = byAddress(r.instances, 'aws_instance.web');
    const addressLine = lineOf(AWS, '"address": "aws_instance.web"');
    expect(web.at).toMatchObject({ file: 'infra/plan.json', line: addressLine - 1, column: 9 });
    expect(web.at.endLine).toBeGreaterThan(addressLine + 40);
    const tokens = get(values(web), 'metadata_options', 0, 'http_tokens');
    const tokensLine = lineOf(AWS, '"http_tokens": "optional"', addressLine);
    expect(tokens?.at.line).toBe(tokensLine);
    expect(tokens?.at.column).toBe((AWS.split('\n')[tokensLine - 1] ?? '').indexOf('"http_tokens"') + 1);
    // An unknown value has no text of its own: it points at the object that would hold it.
    const subnet = get(values(web), 'subnet_id');
    expect(subnet?.at.line).toBe(lineOf(AWS, '"values": {', addressLine));
  });

  it('reads root variables with their defaults and sensitivity', () => {
    const byName = new Map(r.variables.map((v) => [v.name, v]));
    expect(byName.get('db_password')).toMatchObject({ sensitive: true, default: null, key: 'infra::var.db_password' });
    expect(byName.get('admin_cidr')).toMatchObject({ sensitive: false, default: '0.0.0.0/0' });
    expect(byName.get('azs')?.default).toBe('["eu-west-1a","eu-west-1b"]');
    const declared = lineOf(AWS, '"admin_cidr": {', lineOf(AWS, '"configuration": {'));
    expect(byName.get('admin_cidr')?.at.line).toBe(declared);
  });
});

describe('loadTerraformPlan: Azure plan', () => {
  const r = load(AZURE, 'envs/prod/tfplan.json');

  it('links identities, custom roles and parents by reference', () => {
    expect(r.diagnostics).toEqual([]);
    const owner = byAddress(r.instances, 'azurerm_role_assignment.app_owner');
    expect(get(values(owner), 'principal_id')).toMatchObject({ t: 'unknown', refs: ['envs/prod::azurerm_user_assigned_identity.app'] });
    const ops = byAddress(r.instances, 'azurerm_role_assignment.ops');
    expect(get(values(ops), 'role_definition_id')).toMatchObject({ t: 'unknown', refs: ['envs/prod::azurerm_role_definition.network_operator'] });
    // Values read from data sources at plan time are known.
    expect(get(values(owner), 'scope')).toMatchObject({ t: 'string', v: '/subscriptions/6c1f0b2e-8d4a-4f6e-9a3b-2f1e5d7c9a10' });
  });

  it('resolves references inside nested blocks', () => {
    const nic = byAddress(r.instances, 'azurerm_network_interface.web');
    expect(get(values(nic), 'ip_configuration', 0, 'subnet_id')).toMatchObject({ t: 'unknown', refs: ['envs/prod::azurerm_subnet.web'] });
    expect(get(values(nic), 'ip_configuration', 0, 'public_ip_address_id')).toMatchObject({ t: 'unknown', refs: ['envs/prod::azurerm_public_ip.web'] });
  });
});

describe('loadTerraformPlan: plan variants', () => {
  it('reads a plan written on one line (as `terraform show -json` prints it) with columns as offsets', () => {
    const compact = JSON.stringify(JSON.parse(AWS));
    const r = load(compact);
    const web = byAddress(r.instances, 'aws_instance.web');
    const offset = compact.indexOf('{"address":"aws_instance.web"');
    expect(web.at).toMatchObject({ line: 1, column: offset + 1, endLine: 1 });
    const tokens = get(values(web), 'metadata_options', 0, 'http_tokens');
    expect(tokens?.at.column).toBe(compact.indexOf('"http_tokens":"optional"', offset) + 1);
  });

  it('without a configuration section, unknowns stay plain unknowns without links', () => {
    const plan = JSON.parse(AWS) as Record<string, unknown>;
    delete plan['configuration'];
    const r = load(JSON.stringify(plan, null, 2));
    const rule = byAddress(r.instances, 'aws_security_group_rule.web_egress');
    expect(get(values(rule), 'security_group_id')).toMatchObject({ t: 'unknown', refs: [], why: 'known after apply' });
    expect(get(values(byAddress(r.instances, 'aws_security_group.web')), 'egress')).not.toHaveProperty('unset');
  });

  it('reads resources from resource_changes when planned_values is missing', () => {
    const plan = JSON.parse(AWS) as Record<string, unknown>;
    delete plan['planned_values'];
    const text = JSON.stringify(plan, null, 2);
    const r = load(text);
    const rule = byAddress(r.instances, 'aws_security_group_rule.web_egress');
    expect(get(values(rule), 'security_group_id')).toMatchObject({ t: 'unknown', refs: ['infra::aws_security_group.web'] });
    expect(get(values(rule), 'type')).toMatchObject({ t: 'string', v: 'egress' });
    expect(rule.at.line).toBe(lineOf(text, '"address": "aws_security_group_rule.web_egress"') - 1);
    expect(r.instances.map((i) => i.address)).not.toContain('aws_s3_bucket.old');
  });

  it('reads a plan saved with a byte-order mark, positions unchanged', () => {
    const r = loadTerraformPlan('infra/plan.json', `\ufeff${AWS}`);
    expect(r.diagnostics).toEqual([]);
    const web = byAddress(r.instances, 'aws_instance.web');
    expect(web.at.line).toBe(lineOf(AWS, '"address": "aws_instance.web"') - 1);
  });

  it('reads a state file (`terraform show -json` without a plan) as known values', () => {
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: { root_module: { resources: [{ address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: { key_id: 'abc', enable_key_rotation: true }, sensitive_values: {} }] } },
    };
    const r = load(JSON.stringify(state));
    expect(r.diagnostics).toEqual([]);
    expect(get(values(byAddress(r.instances, 'aws_kms_key.k')), 'enable_key_rotation')).toMatchObject({ t: 'bool', v: true });
  });
});

describe('loadTerraformPlan: bad input', () => {
  it('reports a truncated plan with the position where it ends', () => {
    const cut = AWS.slice(0, 5000);
    const r = loadTerraformPlan('infra/plan.json', cut);
    expect(r.instances).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d).toMatchObject({ code: 'parse-error', severity: 'error', file: 'infra/plan.json' });
    expect(d?.message).toMatch(/^invalid JSON: /);
    const lines = cut.split('\n');
    expect(d?.line).toBe(lines.length);
  });

  it('reports a syntax error at its position', () => {
    const r = loadTerraformPlan('p.json', '{\n  "format_version": "1.2",\n  "planned_values": {,}\n}');
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 3, column: 22 });
  });

  it('reports valid JSON that is not a plan', () => {
    const r = load(JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'not-a-template', severity: 'error', line: 1, column: 1 })]);
    expect(r.instances).toEqual([]);
  });

  it('refuses a plan format major version it does not know', () => {
    const r = load('{\n  "format_version": "2.0",\n  "planned_values": {}\n}');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-template', severity: 'error', line: 2, column: 3 })]);
  });

  it('warns about a plan from a failed run and still reads it', () => {
    const plan = JSON.parse(AWS) as Record<string, unknown>;
    plan['errored'] = true;
    const r = load(JSON.stringify(plan, null, 2));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-template', severity: 'warning' })]);
    expect(r.instances.length).toBeGreaterThan(10);
  });

  it('survives hostile shapes: wrong types, unreadable addresses, deep nesting', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = { x: deep };
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.ok', mode: 'managed', type: 'aws_s3_bucket', name: 'ok', values: { bucket: 'b', tags: deep } },
            { address: 'not an address!', mode: 'managed', type: 'x', name: 'y', values: {} },
            { address: 42 },
            'junk',
          ],
          child_modules: 'nope',
        },
      },
      resource_changes: { not: 'a list' },
      configuration: { root_module: { resources: 'nope', module_calls: [] } },
      variables: [],
    };
    const text = JSON.stringify(plan);
    const r = load(text);
    expect(r.instances.map((i) => i.address)).toEqual(['aws_s3_bucket.ok']);
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['invalid-value', 'too-deep']);
    expect(get(values(byAddress(r.instances, 'aws_s3_bucket.ok')), 'bucket')).toMatchObject({ t: 'string', v: 'b' });
  });
});
