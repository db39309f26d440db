import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, byAddress, field, lineOf, plain } from '../__fixtures__/helpers.js';
import { loadTerraformProjects } from './load.js';

// A realistic multi-environment layout (envs/prod calling local modules), modelled on common open-source projects.
const dir = path.join(FIXTURES, 'aws-platform');
const load = (opts: Parameters<typeof loadTerraformProjects>[1] = {}) => loadTerraformProjects([dir], { cwd: dir, env: {}, ...opts });

describe('aws-platform fixture', async () => {
  const r = await load();
  const managed = r.instances.filter((i) => i.mode === 'managed').map((i) => i.address);

  it('finds the one root module: the folders it calls as local modules are not roots', () => {
    expect(r.roots.map((x) => x.dir)).toEqual(['envs/prod']);
    expect(r.instances.every((i) => i.key === `envs/prod::${i.address}`)).toBe(true);
  });

  it('expands count and for_each on resources and modules into one instance each', () => {
    expect(managed.sort()).toEqual(
      [
        'aws_iam_policy.app',
        'aws_iam_role.app',
        'aws_iam_role_policy_attachment.app',
        'aws_iam_role_policy_attachment.ssm',
        'aws_kms_key.data',
        'module.app[0].aws_instance.this',
        'module.app[1].aws_instance.this',
        'module.buckets["data"].aws_s3_bucket.this',
        'module.buckets["data"].aws_s3_bucket_public_access_block.this[0]',
        'module.buckets["data"].aws_s3_bucket_server_side_encryption_configuration.this',
        'module.buckets["data"].aws_s3_bucket_versioning.this',
        'module.buckets["logs"].aws_s3_bucket.this',
        'module.buckets["logs"].aws_s3_bucket_public_access_block.this[0]',
        'module.buckets["logs"].aws_s3_bucket_server_side_encryption_configuration.this',
        'module.buckets["logs"].aws_s3_bucket_versioning.this',
        'module.buckets["site"].aws_s3_bucket.this',
        'module.buckets["site"].aws_s3_bucket_policy.this[0]',
        'module.buckets["site"].aws_s3_bucket_server_side_encryption_configuration.this',
        'module.buckets["site"].aws_s3_bucket_versioning.this',
        'module.network.aws_eip.nat[0]',
        'module.network.aws_nat_gateway.this[0]',
        'module.network.aws_security_group.web',
        'module.network.aws_security_group_rule.ssh["203.0.113.0/24"]',
        'module.network.aws_subnet.private["us-east-1a"]',
        'module.network.aws_subnet.private["us-east-1b"]',
        'module.network.aws_subnet.private["us-east-1c"]',
        'module.network.aws_subnet.public["us-east-1a"]',
        'module.network.aws_subnet.public["us-east-1b"]',
        'module.network.aws_subnet.public["us-east-1c"]',
        'module.network.aws_vpc.this',
      ].sort(),
    );
    expect(r.instances.filter((i) => i.mode === 'data').map((i) => i.address).sort()).toEqual([
      'data.aws_iam_policy_document.app',
      'module.app[0].data.aws_ami.al2023',
      'module.app[1].data.aws_ami.al2023',
    ]);
  });

  it('evaluates variables from terraform.tfvars and *.auto.tfvars, locals, functions and module inputs', () => {
    expect(plain(field(byAddress(r.instances, 'module.buckets["site"].aws_s3_bucket.this'), 'bucket'))).toBe('acme-prod-site');
    expect(plain(field(byAddress(r.instances, 'module.network.aws_subnet.private["us-east-1c"]'), 'cidr_block'))).toBe('10.0.102.0/24');
    expect(plain(field(byAddress(r.instances, 'module.network.aws_vpc.this'), 'tags'))).toEqual({
      Environment: 'prod', ManagedBy: 'terraform', Project: 'acme', Name: 'acme-prod',
    });
    expect(plain(field(byAddress(r.instances, 'module.buckets["logs"].aws_s3_bucket_versioning.this'), 'versioning_configuration'))).toEqual([{ status: 'Suspended' }]);
    // kms_key_arn defaults to null for "logs": AES256, the optional argument left out as in a plan.
    expect(plain(field(byAddress(r.instances, 'module.buckets["logs"].aws_s3_bucket_server_side_encryption_configuration.this'), 'rule'))).toEqual([
      { bucket_key_enabled: false, apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256', kms_master_key_id: null }] },
    ]);
  });

  it('expands dynamic blocks and keeps nested blocks as lists of objects (plan JSON shape)', () => {
    const sg = byAddress(r.instances, 'module.network.aws_security_group.web');
    expect(plain(field(sg, 'ingress'))).toEqual([
      { description: 'HTTP(S) port 80', from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
      { description: 'HTTP(S) port 443', from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
    ]);
    expect(plain(field(sg, 'egress', 0, 'protocol'))).toBe('-1');
  });

  it('makes provider-computed attributes unknown, naming the resource they derive from', () => {
    const pab = byAddress(r.instances, 'module.buckets["data"].aws_s3_bucket_public_access_block.this[0]');
    expect(plain(field(pab, 'bucket'))).toEqual({
      unknown: '`module.buckets["data"].aws_s3_bucket.this.id` is known only after apply',
      refs: ['envs/prod::module.buckets["data"].aws_s3_bucket.this'],
    });
    const rule = byAddress(r.instances, 'module.network.aws_security_group_rule.ssh["203.0.113.0/24"]');
    expect(plain(field(rule, 'security_group_id'))).toMatchObject({ refs: ['envs/prod::module.network.aws_security_group.web'] });
    // Through a module output and an index expression over a for_each resource.
    const app = byAddress(r.instances, 'module.app[1].aws_instance.this');
    expect(plain(field(app, 'subnet_id'))).toMatchObject({ refs: ['envs/prod::module.network.aws_subnet.private["us-east-1b"]'] });
    // Attributes set in configuration are known when referenced.
    expect(plain(field(byAddress(r.instances, 'aws_iam_role_policy_attachment.app'), 'role'))).toBe('acme-prod-app');
  });

  it('renders aws_iam_policy_document like the provider, with unknown leaves kept in the document shape', () => {
    const policy = field(byAddress(r.instances, 'aws_iam_policy.app'), 'policy');
    expect(policy?.t).toBe('unknown');
    const doc = policy?.t === 'unknown' ? policy.json : undefined;
    const stmts = plain(doc) as { Statement: unknown[] };
    expect(stmts.Statement[0]).toEqual({
      Sid: 'ReadOwnPrefix',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: { unknown: '`module.buckets["data"].aws_s3_bucket.this.arn` is known only after apply', refs: ['envs/prod::module.buckets["data"].aws_s3_bucket.this'] },
    });
    expect(stmts.Statement[1]).toEqual({
      Sid: 'DenyInsecure',
      Effect: 'Deny',
      NotAction: 's3:GetBucketLocation',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(stmts.Statement[2]).toEqual({
      Sid: 'Admins',
      Effect: 'Allow',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::acme-admin', 'arn:aws:s3:::acme-admin/*'],
      Principal: { AWS: ['arn:aws:iam::111122223333:role/admin', 'arn:aws:iam::111122223333:role/breakglass'] },
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'platform', 'aws:RequestedRegion': 'us-east-1' } },
    });
    // Each statement points at its `statement` block.
    const first = doc?.t === 'object' ? doc.fields.get('Statement') : undefined;
    const s0 = first?.t === 'list' ? first.items[0] : undefined;
    expect(s0?.at.line).toBe(lineOf('aws-platform/envs/prod/iam.tf', 'statement {'));
  });

  it('keeps jsonencode() structure beside the string', () => {
    const trust = field(byAddress(r.instances, 'aws_iam_role.app'), 'assume_role_policy');
    expect(trust?.t).toBe('string');
    if (trust?.t !== 'string') return;
    expect(trust.v).toBe('{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}');
    expect(plain(trust.json)).toEqual(JSON.parse(trust.v));
  });

  it('renders templatefile() with directives, and optional() attribute defaults', () => {
    const app = byAddress(r.instances, 'module.app[0].aws_instance.this');
    expect(plain(field(app, 'user_data'))).toBe('#!/bin/bash\ndnf install -y nginx\necho "listen 8080" > /etc/app.conf\naws s3 cp /var/log/app.log s3://acme-prod-logs/\n');
    expect(plain(field(app, 'metadata_options', 0, 'http_tokens'))).toBe('required');
  });

  it('points every value at its line inside the resource block, even when it came from a variable', () => {
    const bucket = byAddress(r.instances, 'module.buckets["data"].aws_s3_bucket.this');
    expect(bucket.at).toMatchObject({ file: 'modules/bucket/main.tf', line: 1, column: 1, endLine: 4 });
    expect(field(bucket, 'bucket')?.at).toMatchObject({ file: 'modules/bucket/main.tf', line: 2 });
    const sg = byAddress(r.instances, 'module.network.aws_security_group.web');
    const ingressLine = lineOf('aws-platform/modules/network/main.tf', 'from_port   = ingress.value');
    expect(field(sg, 'ingress', 1, 'from_port')?.at).toMatchObject({ file: 'modules/network/main.tf', line: ingressLine });
    expect(field(sg, 'ingress', 1, 'cidr_blocks', 0)?.at.line).toBe(lineOf('aws-platform/modules/network/main.tf', 'cidr_blocks = ["0.0.0.0/0"]'));
    const tags = field(byAddress(r.instances, 'module.network.aws_vpc.this'), 'tags');
    expect(tags?.at).toMatchObject({ file: 'modules/network/main.tf', line: lineOf('aws-platform/modules/network/main.tf', 'tags                 = merge') });
  });

  it('reports root variables with their sensitivity and default', () => {
    const pw = r.variables.find((v) => v.name === 'db_password');
    expect(pw).toMatchObject({ sensitive: true, default: 'changeme123', key: 'envs/prod::var.db_password' });
    expect(pw?.at).toMatchObject({ file: 'envs/prod/variables.tf', line: lineOf('aws-platform/envs/prod/variables.tf', 'variable "db_password"') });
    expect(r.variables.find((v) => v.name === 'environment')?.default).toBeNull();
    expect(r.variables.find((v) => v.name === 'azs')?.default).toBe('["us-east-1a","us-east-1b"]');
  });

  it('has no diagnostics for valid configuration', () => {
    expect(r.diagnostics).toEqual([]);
  });

  it('applies --var over tfvars, and TF_VAR_ below them', async () => {
    const r2 = await load({ vars: { app_instances: '3', enable_nat: 'false' }, env: { TF_VAR_environment: 'ignored', TF_VAR_instance_type: 'm5.large' } });
    const apps = r2.instances.filter((i) => i.type === 'aws_instance').map((i) => i.address);
    expect(apps).toEqual(['module.app[0].aws_instance.this', 'module.app[1].aws_instance.this', 'module.app[2].aws_instance.this']);
    expect(r2.instances.some((i) => i.type === 'aws_nat_gateway')).toBe(false);
    expect(plain(field(byAddress(r2.instances, 'module.app[2].aws_instance.this'), 'instance_type'))).toBe('m5.large');
    expect(plain(field(byAddress(r2.instances, 'aws_iam_role.app'), 'name'))).toBe('acme-prod-app');
  });

  it('reads --var-file after the automatic files', async () => {
    const r3 = await load({ varFiles: [path.join(FIXTURES, 'var-files', 'staging.tfvars')] });
    expect(plain(field(byAddress(r3.instances, 'aws_iam_role.app'), 'name'))).toBe('acme-staging-app');
    const web = byAddress(r3.instances, 'module.network.aws_security_group.web');
    expect((plain(field(web, 'ingress')) as unknown[]).length).toBe(2);
    expect(r3.instances.filter((i) => i.type === 'aws_security_group_rule').map((i) => i.address)).toEqual([
      'module.network.aws_security_group_rule.ssh["10.8.0.0/16"]',
      'module.network.aws_security_group_rule.ssh["192.0.2.0/24"]',
    ]);
  });

  it('treats a module folder scanned alone as its own root, with its required inputs unknown', async () => {
    const alone = await loadTerraformProjects([path.join(dir, 'modules', 'bucket')], { cwd: dir, env: {} });
    expect(alone.roots.map((x) => x.dir)).toEqual(['modules/bucket']);
    const b = byAddress(alone.instances, 'aws_s3_bucket.this');
    expect(plain(field(b, 'bucket'))).toEqual({ unknown: '`var.name` has no value', refs: [] });
    expect(alone.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-reference', file: 'modules/bucket/variables.tf', line: 1 }));
    // Defaults apply: public_read = false → one public access block.
    expect(alone.instances.map((i) => i.address)).toContain('aws_s3_bucket_public_access_block.this[0]');
  });
});
