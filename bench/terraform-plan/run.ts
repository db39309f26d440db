// Terraform plan JSON loader speed. Generates a plan as `terraform show -json` writes it (one line): N resources in
// instances of a `for_each` module (security group + counted rules, bucket + access block, counted instances, role +
// attachment, KMS key, secret), with planned values, resource changes (after_unknown, after_sensitive), prior state and
// configuration expressions. Prints: size, a bare JSON.parse (baseline), loadTerraformPlan (positions from its own
// offset scanner), adaptTerraform, peak RSS, and for comparison jsonc-parser's parseTree of the same text.
// Run: npx tsx --expose-gc bench/terraform-plan/run.ts [N=20000]
import { parseTree } from 'jsonc-parser';
import { adaptTerraform } from '../../src/loaders/terraform/adapt/index.js';
import { loadTerraformPlan } from '../../src/loaders/terraform/plan/load-plan.js';

const total = Number(process.argv[2] ?? 20_000);
const PER_MODULE = 20;
const RULES = 8;
const INSTANCES = 5;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const U = Symbol('unknown');
type Gen = Json | typeof U | Gen[] | { [k: string]: Gen };

function planned(v: Gen): Json {
  if (v === U) return null;
  if (Array.isArray(v)) return v.map(planned);
  if (v !== null && typeof v === 'object') {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (x !== U) o[k] = planned(x);
    return o;
  }
  return v;
}

function unknowns(v: Gen): Json {
  if (v === U) return true;
  if (Array.isArray(v)) return v.map(unknowns);
  if (v !== null && typeof v === 'object') {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) {
      const u = unknowns(x);
      if (u !== false) o[k] = u;
    }
    return o;
  }
  return false;
}

const tags = { Environment: 'prod', Owner: 'platform', CostCenter: '4711' };
const ref = (addr: string, attr = 'id'): Json => ({ references: [`${addr}.${attr}`, addr] });
const c = (v: Json): Json => ({ constant_value: v });

function moduleResources(m: string): { type: string; name: string; index?: number; values: Gen }[] {
  const out: { type: string; name: string; index?: number; values: Gen }[] = [];
  out.push({ type: 'aws_security_group', name: 'this', values: { arn: U, description: `svc ${m}`, egress: U, id: U, ingress: [], name: `svc-${m}`, name_prefix: U, owner_id: U, revoke_rules_on_delete: false, tags, tags_all: tags, timeouts: null, vpc_id: 'vpc-0123456789abcdef0' } });
  for (let i = 0; i < RULES; i++) {
    out.push({ type: 'aws_security_group_rule', name: 'ingress', index: i, values: { cidr_blocks: [i === 0 ? '0.0.0.0/0' : `10.${i}.0.0/16`], description: `rule ${i}`, from_port: 8000 + i, id: U, ipv6_cidr_blocks: null, prefix_list_ids: null, protocol: 'tcp', security_group_id: U, security_group_rule_id: U, self: false, source_security_group_id: U, timeouts: null, to_port: 8000 + i, type: 'ingress' } });
  }
  out.push({ type: 'aws_s3_bucket', name: 'data', values: { acceleration_status: U, acl: U, arn: U, bucket: `acme-${m}-data`, bucket_domain_name: U, force_destroy: false, grant: U, id: U, logging: U, policy: U, server_side_encryption_configuration: U, tags, tags_all: tags, versioning: U } });
  out.push({ type: 'aws_s3_bucket_public_access_block', name: 'data', values: { block_public_acls: true, block_public_policy: true, bucket: U, id: U, ignore_public_acls: true, restrict_public_buckets: true } });
  for (let i = 0; i < INSTANCES; i++) {
    out.push({
      type: 'aws_instance', name: 'app', index: i, values: {
        ami: 'ami-0c1c30571d2dae5c9', arn: U, associate_public_ip_address: U, availability_zone: U, cpu_core_count: U, credit_specification: [], disable_api_termination: U,
        ebs_block_device: U, ebs_optimized: U, get_password_data: false, hibernation: null, iam_instance_profile: U, id: U, instance_type: 't3.medium', ipv6_addresses: U,
        key_name: U, metadata_options: [{ http_endpoint: 'enabled', http_protocol_ipv6: U, http_put_response_hop_limit: 2, http_tokens: 'required', instance_metadata_tags: U }],
        monitoring: U, network_interface: U, private_ip: U, public_ip: U, root_block_device: U, security_groups: U, source_dest_check: true, subnet_id: 'subnet-0a1b2c3d4e5f60718',
        tags: { ...tags, Name: `svc-${m}-${i}` }, tags_all: { ...tags, Name: `svc-${m}-${i}` }, tenancy: U, user_data: null, vpc_security_group_ids: [U],
      },
    });
  }
  out.push({ type: 'aws_iam_role', name: 'app', values: { arn: U, assume_role_policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}', create_date: U, id: U, inline_policy: U, managed_policy_arns: U, max_session_duration: 3600, name: `svc-${m}`, path: '/', permissions_boundary: null, tags: null, tags_all: tags, unique_id: U } });
  out.push({ type: 'aws_iam_role_policy_attachment', name: 'app', values: { id: U, policy_arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', role: `svc-${m}` } });
  out.push({ type: 'aws_kms_key', name: 'data', values: { arn: U, customer_master_key_spec: 'SYMMETRIC_DEFAULT', deletion_window_in_days: 30, enable_key_rotation: true, id: U, is_enabled: true, key_id: U, policy: U, tags, tags_all: tags } });
  out.push({ type: 'aws_secretsmanager_secret', name: 'db', values: { arn: U, id: U, kms_key_id: U, name: `svc/${m}/db`, recovery_window_in_days: 30, tags, tags_all: tags } });
  return out;
}

const moduleConfig: Json = {
  resources: [
    { address: 'aws_security_group.this', mode: 'managed', type: 'aws_security_group', name: 'this', expressions: { description: { references: ['each.key'] }, name: { references: ['var.name'] }, vpc_id: { references: ['var.vpc_id'] } } },
    { address: 'aws_security_group_rule.ingress', mode: 'managed', type: 'aws_security_group_rule', name: 'ingress', count_expression: c(RULES), expressions: { cidr_blocks: { references: ['local.cidrs', 'count.index'] }, from_port: { references: ['count.index'] }, protocol: c('tcp'), security_group_id: ref('aws_security_group.this'), to_port: { references: ['count.index'] }, type: c('ingress') } },
    { address: 'aws_s3_bucket.data', mode: 'managed', type: 'aws_s3_bucket', name: 'data', expressions: { bucket: { references: ['var.name'] }, tags: { references: ['var.tags'] } } },
    { address: 'aws_s3_bucket_public_access_block.data', mode: 'managed', type: 'aws_s3_bucket_public_access_block', name: 'data', expressions: { block_public_acls: c(true), block_public_policy: c(true), bucket: ref('aws_s3_bucket.data'), ignore_public_acls: c(true), restrict_public_buckets: c(true) } },
    { address: 'aws_instance.app', mode: 'managed', type: 'aws_instance', name: 'app', count_expression: c(INSTANCES), expressions: { ami: c('ami-0c1c30571d2dae5c9'), instance_type: c('t3.medium'), metadata_options: [{ http_put_response_hop_limit: c(2), http_tokens: c('required') }], subnet_id: { references: ['var.subnet_id'] }, vpc_security_group_ids: ref('aws_security_group.this') } },
    { address: 'aws_iam_role.app', mode: 'managed', type: 'aws_iam_role', name: 'app', expressions: { assume_role_policy: c('{}'), name: { references: ['var.name'] } } },
    { address: 'aws_iam_role_policy_attachment.app', mode: 'managed', type: 'aws_iam_role_policy_attachment', name: 'app', expressions: { policy_arn: c('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'), role: ref('aws_iam_role.app', 'name') } },
    { address: 'aws_kms_key.data', mode: 'managed', type: 'aws_kms_key', name: 'data', expressions: { enable_key_rotation: c(true) } },
    { address: 'aws_secretsmanager_secret.db', mode: 'managed', type: 'aws_secretsmanager_secret', name: 'db', expressions: { name: { references: ['var.name'] } } },
  ],
  variables: { name: {}, subnet_id: {}, tags: {}, vpc_id: {} },
};

function generate(n: number): string {
  const modules = Math.max(1, Math.ceil(n / PER_MODULE));
  const children: Json[] = [];
  const changes: Json[] = [];
  for (let i = 0; i < modules; i++) {
    const m = `s${String(i).padStart(4, '0')}`;
    const addr = `module.svc["${m}"]`;
    const resources: Json[] = [];
    for (const r of moduleResources(m)) {
      const address = `${addr}.${r.type}.${r.name}${r.index === undefined ? '' : `[${r.index}]`}`;
      const values = planned(r.values);
      resources.push({ address, mode: 'managed', type: r.type, name: r.name, ...(r.index === undefined ? {} : { index: r.index }), provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
      changes.push({ address, module_address: addr, mode: 'managed', type: r.type, name: r.name, ...(r.index === undefined ? {} : { index: r.index }), provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: values, after_unknown: unknowns(r.values), before_sensitive: false, after_sensitive: {} } });
    }
    children.push({ address: addr, resources });
  }
  const plan: Json = {
    format_version: '1.2', terraform_version: '1.9.8', variables: {},
    planned_values: { root_module: { child_modules: children } },
    resource_changes: changes,
    configuration: { provider_config: {}, root_module: { module_calls: { svc: { source: './modules/svc', for_each_expression: { references: ['local.services'] }, expressions: { name: { references: ['each.key'] } }, module: moduleConfig } } } },
    timestamp: '2025-03-14T09:26:53Z', applyable: true, complete: true, errored: false,
  };
  return JSON.stringify(plan);
}

/** Wall and CPU time: the machine is shared, so CPU time is what the code itself spends. */
function time<T>(f: () => T): { value: T; ms: number; cpu: number; toString(): string } {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(c);
  const ms = performance.now() - t;
  const cpu = (used.user + used.system) / 1000;
  return { value, ms, cpu, toString: () => `${ms.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU` };
}

const gc = (globalThis as { gc?: () => void }).gc;
const text = generate(total);
gc?.();
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`plan: ${total} resources, ${mb(Buffer.byteLength(text))} on one line`);

const parse = time(() => JSON.parse(text) as unknown);
console.log(`JSON.parse (baseline):           ${parse}`);
gc?.();
const load = time(() => loadTerraformPlan('bench/plan.json', text, parse.value));
console.log(`loadTerraformPlan (after parse): ${load} (${load.value.instances.length} instances, ${load.value.diagnostics.length} diagnostics)`);
const adapt = time(() => adaptTerraform(load.value.instances, load.value.variables));
console.log(`adaptTerraform:                  ${adapt} (${adapt.value.resources.length} resources, ${adapt.value.fragments.length} fragments)`);
const whole = parse.cpu + load.cpu + adapt.cpu;
console.log(`parse + load + adapt:            ${whole.toFixed(0)} ms CPU = ${(whole / parse.cpu).toFixed(1)}× JSON.parse`);
console.log(`peak RSS (parse, load, adapt):   ${mb(process.resourceUsage().maxRSS * 1024)}`);
gc?.();
// Last, so its memory does not count in the figure above.
const tree = time(() => parseTree(text));
console.log(`jsonc-parser parseTree:          ${tree} (for comparison: offsets of the whole text, nothing else)`);
