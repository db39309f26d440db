/**
 * The example estate shows what examples/README.md says it shows. The Terraform plan example is checked in detail:
 * it is hand-written to the documented format (https://developer.hashicorp.com/terraform/internals/json-format), so
 * this test is what proves the loader reads it as `terraform show -json` output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../src/report/types.js';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLAN = 'examples/terraform-plan/plan.json';

function lineAt(f: Finding): string {
  return readFileSync(join(ROOT, f.location.file), 'utf8').split('\n')[f.location.startLine - 1]!;
}

describe('examples/terraform-plan', () => {
  let report: ScanReport;
  let plan: Record<string, unknown>;

  beforeAll(() => {
    const r = runCli(['scan', PLAN, '--format', 'json', '--quiet'], ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    report = JSON.parse(r.stdout) as ScanReport;
    plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8')) as Record<string, unknown>;
  });

  it('has the shape of `terraform show -json` for a saved plan', () => {
    expect(plan.format_version).toBe('1.2');
    expect(plan.terraform_version).toMatch(/^1\.\d+\.\d+$/);
    const planned = plan.planned_values as { root_module: { resources: unknown[]; child_modules: { address: string }[] } };
    expect(planned.root_module.child_modules.map((m) => m.address)).toEqual(['module.audit_bucket']);
    const changes = plan.resource_changes as { address: string; change: { actions: string[]; after_unknown: object; after_sensitive: object } }[];
    const addresses = changes.map((c) => c.address);
    expect(addresses).toEqual([...addresses].sort());
    for (const c of changes) {
      expect(c.change.actions).toEqual(['create']);
      expect(typeof c.change.after_unknown).toBe('object');
      expect(typeof c.change.after_sensitive).toBe('object');
    }
    const config = plan.configuration as { provider_config: Record<string, unknown>; root_module: { module_calls: Record<string, { source: string }> } };
    expect(Object.keys(config.provider_config).sort()).toEqual(['aws', 'azurerm']);
    expect(config.root_module.module_calls.audit_bucket!.source).toBe('./modules/secure-bucket');
  });

  it('loads with no input error', () => {
    expect(report.errors).toEqual([]);
    expect(report.summary.files).toBe(1);
    expect(report.summary.resources).toBeGreaterThanOrEqual(15);
  });

  // Each mistake: the check, the resource it lands on, and the text on the line the finding points at.
  const mistakes: [string, string, RegExp][] = [
    ['AWS-EC2-001', 'aws_security_group.bastion', /"cidr_blocks"/], // SSH open through aws_security_group_rule.bastion_ssh
    ['AWS-EC2-007', 'aws_instance.bastion', /"http_tokens": "optional"/], // IMDSv1
    ['AWS-S3-001', 'aws_s3_bucket.reports', /"block_public_acls": false/], // separate public access block, all off
    ['AWS-IAM-003', 'aws_iam_role.deployer', /"assume_role_policy".*\\"AWS\\":\\"\*\\"/], // trust open to any principal
    ['AZURE-NET-001', 'azurerm_network_security_group.app', /"destination_port_range": "3389"/], // RDP from anywhere
    ['AZURE-STORAGE-003', 'azurerm_storage_account.legacy_exports', /"min_tls_version": "TLS1_0"/], // TLS 1.0
  ];

  it.each(mistakes)('finds %s on %s, pointing at the offending value', (checkId, address, text) => {
    const f = report.findings.find((x) => x.checkId === checkId && x.resource.address === address);
    expect(f, `${checkId} on ${address}`).toBeDefined();
    expect(f!.location.file).toBe(PLAN);
    expect(lineAt(f!)).toMatch(text);
  });

  it('finds none of those mistakes on the hardened counterparts', () => {
    const hardened = [
      'aws_instance.app', 'aws_security_group.app', 'aws_iam_role.app', 'module.audit_bucket.aws_s3_bucket.this',
      'azurerm_storage_account.records',
    ];
    const ids = new Set(mistakes.map(([id]) => id));
    const onHardened = report.findings.filter((f) => hardened.includes(f.resource.address) && ids.has(f.checkId));
    expect(onHardened).toEqual([]);
    // The audit bucket module passes every S3 check; the app instance every EC2 check.
    expect(report.findings.filter((f) => f.resource.address.startsWith('module.audit_bucket.'))).toEqual([]);
    expect(report.findings.filter((f) => f.resource.address === 'aws_instance.app')).toEqual([]);
    // The NSG's finding names the RDP rule, not the Front Door rule.
    const nsg = report.findings.filter((f) => f.checkId === 'AZURE-NET-001');
    expect(nsg.map((f) => f.message).join('\n')).toContain('allow-rdp');
    expect(nsg.map((f) => f.message).join('\n')).not.toContain('allow-https-front-door');
  });
});

describe('examples/', () => {
  it('every folder of the README table contributes findings to `parapet scan examples`', () => {
    const report = JSON.parse(runCli(['scan', 'examples', '--format', 'json', '--quiet'], ROOT).stdout) as ScanReport;
    expect(report.errors).toEqual([]);
    const readme = readFileSync(join(ROOT, 'examples/README.md'), 'utf8');
    const folders = [...readme.matchAll(/^\| `([a-z/-]+)\/` \|/gm)].map((m) => m[1]!);
    expect(folders).toEqual(['aws/cloudformation', 'azure/arm', 'terraform/aws', 'terraform/azure', 'terraform-plan']);
    for (const folder of folders) {
      expect(report.findings.some((f) => f.location.file.startsWith(`examples/${folder}/`)), folder).toBe(true);
    }
  });
});
