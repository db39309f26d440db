import { describe, expect, it } from 'vitest';
import { adaptPlan } from './testing.js';

/**
 * Arguments that name another resource by a value known only after apply (`aws_kms_key.data.arn`,
 * `aws_s3_bucket.logs.id`) are set, and name that resource: they read as its key, not as unknown. A literal stays as
 * written, and an argument left out stays null.
 */
function resource(type: string, name: string, values: Record<string, unknown>, unknownPaths: Record<string, unknown>, expressions: Record<string, unknown>) {
  const address = `${type}.${name}`;
  return {
    planned: { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} },
    change: { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: unknownPaths, before_sensitive: false, after_sensitive: {} } },
    config: { address, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0 },
  };
}

const ref = (...refs: string[]) => ({ references: refs });
const rs = [
  resource('aws_kms_key', 'data', { description: 'data', enable_key_rotation: true }, { arn: true, id: true, key_id: true }, {}),
  resource('aws_s3_bucket', 'logs', { bucket: 'acme-logs' }, { arn: true, id: true }, { bucket: { constant_value: 'acme-logs' } }),
  resource('aws_s3_bucket', 'data', { bucket: 'acme-data' }, { arn: true, id: true }, { bucket: { constant_value: 'acme-data' } }),
  resource('aws_s3_bucket_server_side_encryption_configuration', 'data', { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }], bucket_key_enabled: true }] },
    { bucket: true, id: true, rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] },
    { bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data'), rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: ref('aws_kms_key.data.arn', 'aws_kms_key.data'), sse_algorithm: { constant_value: 'aws:kms' } }] }] }),
  resource('aws_s3_bucket_logging', 'data', { target_prefix: 'data/' }, { bucket: true, id: true, target_bucket: true },
    { bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data'), target_bucket: ref('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'), target_prefix: { constant_value: 'data/' } }),
  resource('aws_cloudtrail', 'main', { name: 'main', s3_bucket_name: 'acme-logs', is_multi_region_trail: true, enable_logging: true, cloud_watch_logs_group_arn: null },
    { arn: true, id: true, kms_key_id: true }, { kms_key_id: ref('aws_kms_key.data.arn', 'aws_kms_key.data') }),
];
const plan = JSON.stringify({
  format_version: '1.2',
  terraform_version: '1.9.8',
  planned_values: { root_module: { resources: rs.map((r) => r.planned) } },
  resource_changes: rs.map((r) => r.change),
  configuration: { root_module: { resources: rs.map((r) => r.config) } },
});

describe('references to other resources', () => {
  const a = adaptPlan(plan);

  it('read a KMS key reference as that key', () => {
    const data = a.one('aws.s3.bucket', 'acme-data');
    const enc = data.encryption.known ? data.encryption.value : undefined;
    expect(enc?.kmsKey).toMatchObject({ known: true, value: 'infra::aws_kms_key.data' });
    const key = enc?.kmsKey.known ? enc.kmsKey.value : null;
    expect(a.linked.lookup(key ?? '', 'aws.kms.key')[0]?.native.name).toBe('data');
    const trail = a.one('aws.cloudtrail.trail', 'main');
    expect(trail.kmsKey).toMatchObject({ known: true, value: 'infra::aws_kms_key.data' });
  });

  it('read a log bucket reference as that bucket, so it can be followed', () => {
    const data = a.one('aws.s3.bucket', 'acme-data');
    expect(data.logging).toMatchObject({ known: true, value: 'infra::aws_s3_bucket.logs' });
    expect(a.linked.lookup(data.logging.known ? (data.logging.value ?? '') : '', 'aws.s3.bucket')[0]?.native.name).toBe('logs');
  });

  it('leave an argument that is not set as null', () => {
    expect(a.one('aws.cloudtrail.trail', 'main').cloudWatchLogsGroup).toMatchObject({ known: true, value: null });
  });
});
