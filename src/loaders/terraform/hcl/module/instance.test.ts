import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleFromText } from '../__fixtures__/harness.js';
import { byAddress, field, plain } from '../__fixtures__/helpers.js';
import { loadTerraformProjects } from '../project/load.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parapet-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// https://developer.hashicorp.com/terraform/language/expressions/type-constraints
describe('variable types', () => {
  it('converts values to the declared type, with optional() attribute defaults', async () => {
    const m = await moduleFromText(`
variable "cfg" {
  type = object({
    name    = string
    port    = optional(number, 443)
    tls     = optional(bool)
    origins = optional(set(string), ["b", "a", "b"])
  })
  default = { name = "api", port = "8080", extra = "dropped" }
}
variable "ports" {
  type    = list(string)
  default = [80, 443]
}
variable "flags" {
  type    = map(bool)
  default = { a = "true", b = false }
}
locals {
  cfg   = var.cfg
  ports = var.ports
  flags = var.flags
}
`);
    expect(plain(m.local('cfg'))).toEqual({ name: 'api', port: 8080, tls: null, origins: ['a', 'b'] });
    expect(plain(m.local('ports'))).toEqual(['80', '443']);
    expect(plain(m.local('flags'))).toEqual({ a: true, b: false });
  });

  it('a value that does not fit the type is an error, reported where it is used', async () => {
    const m = await moduleFromText('variable "n" {\n  type    = number\n  default = "many"\n}\nresource "x" "y" {\n  n = var.n\n}\n');
    const [i] = m.instances();
    expect(plain(i?.values.fields.get('n'))).toMatchObject({ unknown: 'a number is required, got "many"' });
    expect(m.host.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-value', line: 3 }));
  });
});

describe('modules', () => {
  it('count and for_each on module calls, outputs by instance, nested modules', async () => {
    const dir = project({
      'main.tf': `
module "svc" {
  source   = "./modules/svc"
  for_each = { api = 2, web = 1 }
  name     = each.key
  replicas = each.value
}
module "single" {
  source   = "./modules/svc"
  count    = 1
  name     = "one"
  replicas = 1
}
resource "aws_route53_record" "api" {
  name    = module.svc["api"].names[1]
  records = module.single[0].names
  all     = [for k, s in module.svc : s.names[0]]
}
`,
      'modules/svc/main.tf': `
variable "name" {}
variable "replicas" { type = number }
module "queue" {
  source = "../queue"
  owner  = var.name
}
resource "aws_instance" "node" {
  count = var.replicas
  tags  = { Name = "\${var.name}-\${count.index}", Queue = module.queue.name }
}
output "names" { value = aws_instance.node[*].tags.Name }
`,
      'modules/queue/main.tf': `
variable "owner" {}
resource "aws_sqs_queue" "q" { name = "q-\${var.owner}" }
output "name" { value = aws_sqs_queue.q.name }
`,
    });
    const r = await loadTerraformProjects([dir], { cwd: dir, env: {} });
    expect(r.roots.map((x) => x.dir)).toEqual(['.']);
    expect(r.instances.map((i) => i.address).sort()).toEqual([
      'aws_route53_record.api',
      'module.single[0].aws_instance.node[0]',
      'module.single[0].module.queue.aws_sqs_queue.q',
      'module.svc["api"].aws_instance.node[0]',
      'module.svc["api"].aws_instance.node[1]',
      'module.svc["api"].module.queue.aws_sqs_queue.q',
      'module.svc["web"].aws_instance.node[0]',
      'module.svc["web"].module.queue.aws_sqs_queue.q',
    ]);
    const rec = byAddress(r.instances, 'aws_route53_record.api');
    expect(plain(field(rec, 'name'))).toBe('api-1');
    expect(plain(field(rec, 'records'))).toEqual(['one-0']);
    expect(plain(field(rec, 'all'))).toEqual(['api-0', 'web-0']);
    expect(plain(field(byAddress(r.instances, 'module.svc["web"].aws_instance.node[0]'), 'tags'))).toEqual({ Name: 'web-0', Queue: 'q-web' });
    expect(r.diagnostics).toEqual([]);
  });

  it('a module call with an unknown count is evaluated once as [*], its resources marked', async () => {
    const dir = project({
      'main.tf': `
variable "enabled" { type = bool }
module "opt" {
  source = "./opt"
  count  = var.enabled ? 1 : 0
}
`,
      'opt/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "opt-${count.index}"\n}\n'.replace('${count.index}', 'x'),
    });
    const r = await loadTerraformProjects([dir], { cwd: dir, env: {} });
    const b = byAddress(r.instances, 'module.opt[*].aws_s3_bucket.b');
    expect(b.unknownExpansion).toBe('`count` of `module.opt` is not known before apply (`var.enabled` has no value)');
    expect(plain(field(b, 'bucket'))).toBe('opt-x');
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['unknown-expansion', 'unresolved-reference']);
  });

  it('references between module outputs and root resources do not form false cycles', async () => {
    const dir = project({
      'main.tf': `
module "m" {
  source = "./m"
  in     = aws_s3_bucket.root.bucket
}
resource "aws_s3_bucket" "root" {
  bucket = "root"
  tags   = { Other = module.m.independent }
}
`,
      'm/main.tf': 'variable "in" {}\noutput "echo" { value = var.in }\noutput "independent" { value = "fixed" }\n',
    });
    const r = await loadTerraformProjects([dir], { cwd: dir, env: {} });
    expect(plain(field(byAddress(r.instances, 'aws_s3_bucket.root'), 'tags'))).toEqual({ Other: 'fixed' });
    expect(r.diagnostics).toEqual([]);
  });

  it('override files merge into the blocks they override', async () => {
    const dir = project({
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "orig"\n  acl    = "private"\n}\n',
      'main_override.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n',
    });
    const r = await loadTerraformProjects([dir], { cwd: dir, env: {} });
    expect(plain(byAddress(r.instances, 'aws_s3_bucket.b').values)).toEqual({ bucket: 'orig', acl: 'public-read' });
  });
});
