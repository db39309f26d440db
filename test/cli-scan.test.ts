/**
 * `parapet scan`, `parapet checks` and `parapet explain` end to end: the built CLI run as a user runs it, on the
 * example estate and on bad inputs written to a temporary folder. Issue 2, items 5, 6 and 8.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport, Severity } from '../src/report/types.js';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const rank = (s: Severity) => SEVERITIES.length - SEVERITIES.indexOf(s);

const reportSchema = JSON.parse(readFileSync(join(ROOT, 'docs/schema/scan-report.schema.json'), 'utf8')) as object;
const validateReport = new Ajv2020({ allErrors: true, strict: true }).compile(reportSchema);

/** A stack trace line (`    at fn (file:1:2)`) anywhere in the text. */
const STACK = /\n\s+at .+[:(]/;

function scanJson(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): { code: number; report: ScanReport; stderr: string; stdout: string } {
  const r = runCli(['scan', ...args, '--format', 'json'], cwd, env);
  return { code: r.code, report: JSON.parse(r.stdout) as ScanReport, stderr: r.stderr, stdout: r.stdout };
}

let full: ScanReport;

beforeAll(() => {
  const r = scanJson(['examples', '-q']);
  expect(r.stderr).toBe('');
  full = r.report;
});

describe('JSON output of the example estate', () => {
  it('validates against docs/schema/scan-report.schema.json, with findings on both clouds and no input error', () => {
    const ok = validateReport(full);
    expect(validateReport.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(full.errors).toEqual([]);
    expect(new Set(full.findings.map((f) => f.provider))).toEqual(new Set(['aws', 'azure', 'iac']));
    expect(full.summary.findings).toBe(full.findings.length);
    expect(Object.values(full.summary.bySeverity).reduce((a, b) => a + b, 0)).toBe(full.findings.length);
  });

  it('uses native resource types and 1-based locations relative to the working directory that exist', () => {
    const types = new Set(full.findings.map((f) => f.resource.type));
    for (const t of ['AWS::S3::Bucket', 'Microsoft.Storage/storageAccounts', 'aws_s3_bucket']) expect(types).toContain(t);
    for (const f of full.findings) {
      expect(f.location.file.startsWith('examples/')).toBe(true);
      expect(existsSync(join(ROOT, f.location.file))).toBe(true);
      const lines = readFileSync(join(ROOT, f.location.file), 'utf8').split('\n').length;
      expect(f.location.startLine).toBeGreaterThanOrEqual(1);
      expect(f.location.startLine).toBeLessThanOrEqual(lines);
      expect(f.location.endLine).toBeGreaterThanOrEqual(f.location.startLine);
      expect(f.location.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it('points a finding at the offending attribute: the line of `MinimumTlsVersion: TLS1_0`-style values', () => {
    // insecure-workload.json sets minimumTlsVersion to TLS1_0; the finding must sit on that line, not on the resource.
    const tls = full.findings.find((f) => f.location.file === 'examples/azure/arm/insecure-workload.json' && /TLS/i.test(f.title));
    expect(tls).toBeDefined();
    const line = readFileSync(join(ROOT, tls!.location.file), 'utf8').split('\n')[tls!.location.startLine - 1]!;
    expect(line).toMatch(/minimumTlsVersion/);
  });
});

describe('exit codes and --fail-on', () => {
  it('exits 1 when a finding is at or above --fail-on and 0 below it', () => {
    const input = 'examples/azure/arm/insecure-workload.json';
    const { report } = scanJson([input, '-q']);
    const worst = SEVERITIES.find((s) => report.findings.some((f) => f.severity === s))!;
    // The input has findings below critical and none at it: its worst severity fails, the one above passes.
    expect(worst).not.toBe('critical');
    const above = SEVERITIES[SEVERITIES.indexOf(worst) - 1]!;
    expect(rank(above)).toBeGreaterThan(rank(worst));
    expect(runCli(['scan', input, '-q', '--fail-on', worst], ROOT).code).toBe(1);
    expect(runCli(['scan', input, '-q', '--fail-on', above], ROOT).code).toBe(0);
  });

  it('the whole example estate fails even at --fail-on critical', () => {
    expect(full.summary.bySeverity.critical).toBeGreaterThan(0);
    expect(runCli(['scan', 'examples', '-q', '--fail-on', 'CRITICAL'], ROOT).code).toBe(1);
  });

  it('fails on low findings by default', () => {
    // A check whose findings on the examples are all low: exit 1 without --fail-on, 0 with --fail-on medium.
    const bySeverity = new Map<string, Set<Severity>>();
    for (const f of full.findings) bySeverity.set(f.checkId, (bySeverity.get(f.checkId) ?? new Set()).add(f.severity));
    const lowOnly = [...bySeverity].filter(([, s]) => s.size === 1 && s.has('low')).map(([id]) => id).sort()[0];
    expect(lowOnly).toBeDefined();
    expect(runCli(['scan', 'examples', '-q', '--check', lowOnly!], ROOT).code).toBe(1);
    expect(runCli(['scan', 'examples', '-q', '--check', lowOnly!, '--fail-on', 'medium'], ROOT).code).toBe(0);
  });

  it('exits 0 on a hardened input with no finding', () => {
    const r = scanJson(['examples/aws/cloudformation/hardened-app.yaml', '-q']);
    expect(r.report.findings).toEqual([]);
    expect(r.report.summary.resources).toBeGreaterThan(10);
    expect(r.code).toBe(0);
  });
});

describe('--check and --skip-check', () => {
  const picked = (): [string, string] => {
    const ids = [...new Set(full.findings.map((f) => f.checkId))].sort();
    return [ids[0]!, ids[ids.length - 1]!];
  };

  it('runs only the checks named, in any case, comma-separated or repeated', () => {
    const [a, b] = picked();
    const comma = runCli(['scan', 'examples', '-q', '-f', 'json', '--check', `${a},${b.toLowerCase()}`], ROOT);
    const repeated = runCli(['scan', 'examples', '-q', '-f', 'json', '--check', b, '--check', a], ROOT);
    expect(comma.stdout).toBe(repeated.stdout);
    const report = JSON.parse(comma.stdout) as ScanReport;
    expect(new Set(report.findings.map((f) => f.checkId))).toEqual(new Set([a, b]));
    const expected = full.findings.filter((f) => f.checkId === a || f.checkId === b);
    expect(report.findings).toEqual(expected);
    expect(comma.code).toBe(1);
  });

  it('skips the checks named and keeps every other finding', () => {
    const [a, b] = picked();
    const r = scanJson(['examples', '-q', '--skip-check', `${a},${b}`]);
    expect(r.report.findings).toEqual(full.findings.filter((f) => f.checkId !== a && f.checkId !== b));
  });

  it('refuses a check id that does not exist, instead of silently running nothing', () => {
    for (const flag of ['--check', '--skip-check']) {
      const r = runCli(['scan', 'examples', '-q', flag, 'AWS-S3-01'], ROOT);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('AWS-S3-01');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
  });
});

describe('parapet checks and parapet explain', () => {
  it('lists the catalogue as a table and as JSON, the same checks in both', () => {
    const table = runCli(['checks'], ROOT);
    const json = runCli(['checks', '--format', 'json'], ROOT);
    expect(table.code).toBe(0);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { id: string; title: string; severity: Severity; provider: string; service: string; target: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(45);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${rows.length} checks`);
    for (const row of rows) {
      expect(SEVERITIES).toContain(row.severity);
      expect(lines.some((l) => l.startsWith(`${row.id} `) && l.includes(row.title) && l.includes(row.severity))).toBe(true);
    }
    const azure = JSON.parse(runCli(['checks', '--format', 'json', '--provider', 'Azure'], ROOT).stdout) as { provider: string }[];
    expect(azure.length).toBeGreaterThan(10);
    expect(azure.every((r) => r.provider === 'azure')).toBe(true);
    const typo = runCli(['checks', '--provider', 'azrue'], ROOT);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('azrue');
    expect(typo.stdout).toBe('');
  });

  it('explains a check: rationale, fix with a CLI command and IaC, compliance and references', () => {
    const r = runCli(['explain', 'aws-s3-001'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^AWS-S3-001 {2}\S/);
    expect(r.stdout).toContain('severity: ');
    expect(r.stdout).toMatch(/\nFix: /);
    expect(r.stdout).toMatch(/\nCLI:\n {2}aws s3api /);
    expect(r.stdout).toMatch(/\n(Terraform|CloudFormation):\n/);
    expect(r.stdout).toMatch(/\nReferences:\n {2}https:\/\//);
    expect(r.stderr).toBe('');
  });

  it('explains the first and last checks of the catalogue', () => {
    const rows = JSON.parse(runCli(['checks', '--format', 'json'], ROOT).stdout) as { id: string }[];
    // Each is a process as a user runs it; both ends of the catalogue are enough to catch a broken entry point.
    for (const id of [rows[0]!.id, rows.at(-1)!.id]) {
      const r = runCli(['explain', id], ROOT);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`${id}  `)).toBe(true);
    }
  });
});

describe('deterministic output', () => {
  it('prints the same bytes on two runs (SARIF twice in test/sarif.test.ts)', () => {
    const again = runCli(['scan', 'examples', '-q', '-f', 'json'], ROOT).stdout;
    expect(again.length).toBeGreaterThan(1000);
    expect(again).toBe(`${JSON.stringify(full, null, 2)}\n`);
  });

  it('does not depend on the order of the paths, or on naming a file twice', () => {
    const paths = ['examples/terraform', 'examples/azure/arm/insecure-workload.json', 'examples/aws', 'examples/azure'];
    // (SARIF is rendered from the same report, so JSON equality carries over to it.)
    const forward = runCli(['scan', ...paths, '-q', '-f', 'json'], ROOT).stdout;
    const backward = runCli(['scan', ...[...paths].reverse(), '-q', '-f', 'json'], ROOT).stdout;
    expect(forward.length).toBeGreaterThan(1000);
    expect(backward).toBe(forward);
    const twice = runCli(['scan', 'examples/aws', 'examples', 'examples/aws/cloudformation/insecure-app.yaml', '-q', '-f', 'json'], ROOT).stdout;
    expect(twice).toBe(`${JSON.stringify(full, null, 2)}\n`);
  });
});

describe('--output and the working directory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parapet-out-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly what stdout would carry to --output, and nothing to stdout', () => {
    const out = join(dir, 'report.json');
    const r = runCli(['scan', 'examples', '-q', '-f', 'json', '--output', out], ROOT);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(full, null, 2)}\n`);
    const sarif = join(dir, 'report.sarif');
    expect(runCli(['scan', 'examples/azure', '-q', '-f', 'sarif', '-o', sarif], ROOT).stdout).toBe('');
    expect(readFileSync(sarif, 'utf8')).toBe(runCli(['scan', 'examples/azure', '-q', '-f', 'sarif'], ROOT).stdout);
  });

  it('writes a table without colour to --output even when colour is forced', () => {
    const out = join(dir, 'report.txt');
    const r = runCli(['scan', 'examples/azure', '-q', '-o', out], ROOT, { FORCE_COLOR: '1' });
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('examples/azure/arm/insecure-workload.json:');
  });

  it('reports locations relative to the folder it runs in', () => {
    const sub = join(EXAMPLES, 'aws');
    const here = scanJson(['.', '-q'], sub).report;
    expect(here.findings.length).toBeGreaterThan(0);
    expect(new Set(here.findings.map((f) => f.location.file))).toEqual(new Set(['cloudformation/insecure-app.yaml']));
    // The same findings as from the root, with the prefix removed.
    const fromRoot = full.findings.filter((f) => f.location.file.startsWith('examples/aws/'));
    expect(here.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`).sort())
      .toEqual(fromRoot.map((f) => `${f.checkId} ${f.location.file.slice('examples/aws/'.length)}:${f.location.startLine}`).sort());
    // A path outside the working directory stays relative to it.
    const up = scanJson(['../azure/arm/insecure-workload.json', '-q'], sub).report;
    expect(new Set(up.findings.map((f) => f.location.file))).toEqual(new Set(['../azure/arm/insecure-workload.json']));
    const sarif = JSON.parse(runCli(['scan', '.', '-q', '-f', 'sarif'], sub).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('cloudformation/insecure-app.yaml');
  });
});

describe('bad inputs (issue 2, item 8)', () => {
  let dir: string;
  const bad = () => join(dir, 'repo');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parapet-bad-'));
    const repo = bad();
    mkdirSync(repo);
    // A good template beside the bad ones: it must still be scanned and reported.
    copyFileSync(join(EXAMPLES, 'aws/cloudformation/insecure-app.yaml'), join(repo, 'app.yaml'));
    // Truncated YAML: an upload cut off inside a flow sequence (`!Select [0, !Cidr [!Ref `).
    const yaml = readFileSync(join(EXAMPLES, 'aws/cloudformation/insecure-app.yaml'), 'utf8');
    const cut = yaml.indexOf('!Cidr [!Ref') + '!Cidr [!Ref '.length;
    writeFileSync(join(repo, 'truncated.yaml'), yaml.slice(0, cut));
    // Invalid JSON: a trailing comma, the commonest hand-edit mistake.
    writeFileSync(join(repo, 'invalid.json'), '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Logs": { "Type": "AWS::S3::Bucket", }\n  }\n}\n');
    // Valid JSON that is not a template, named explicitly on the command line.
    writeFileSync(join(repo, 'tsconfig.json'), '{\n  "compilerOptions": { "strict": true }\n}\n');
    // 50 MB: a CloudFormation template padded with a huge Metadata string, over the default 25 MB limit.
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const head = Buffer.from('{"AWSTemplateFormatVersion":"2010-09-09","Metadata":{"blob":"');
    head.copy(big, 0);
    Buffer.from('"},"Resources":{}}').copy(big, big.length - 18);
    writeFileSync(join(repo, 'huge.json'), big);
    // Binary files: a PNG saved under a template name, and a gzip archive named explicitly.
    writeFileSync(join(repo, 'diagram.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(repo, 'backup.tgz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expectedErrors = {
    'repo/truncated.yaml': 'parse-error',
    'repo/invalid.json': 'parse-error',
    'repo/tsconfig.json': 'not-a-template',
    'repo/huge.json': 'too-large',
    'repo/diagram.json': 'binary',
    'repo/backup.tgz': 'binary',
  };

  it('gives each bad input exactly one error with file, line and column, scans the rest, and exits 2', () => {
    const r = scanJson(['repo', 'repo/tsconfig.json', 'repo/backup.tgz'], dir);
    expect(r.code).toBe(2);
    expect(validateReport(r.report)).toBe(true);
    const errors = r.report.errors.filter((e) => e.severity === 'error');
    expect(errors.map((e) => e.file).sort()).toEqual(Object.keys(expectedErrors).sort());
    for (const e of errors) {
      expect(e.code).toBe(expectedErrors[e.file as keyof typeof expectedErrors]);
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.message).not.toMatch(STACK);
    }
    const byFile = Object.fromEntries(errors.map((e) => [e.file, e]));
    // Where each problem is: the cut-off last line, the trailing comma, the first NUL byte.
    const truncatedLines = readFileSync(join(bad(), 'truncated.yaml'), 'utf8').split('\n').length;
    expect(byFile['repo/truncated.yaml']!.line).toBe(truncatedLines);
    expect(byFile['repo/invalid.json']).toMatchObject({ line: 4, column: 42 }); // the `}` after the trailing comma
    expect(byFile['repo/diagram.json']).toMatchObject({ line: 3, column: 1 });
    expect(byFile['repo/huge.json']!.message).toMatch(/50\.0 MB.*25\.0 MB/);
    // The good template beside them was scanned and reported in full.
    // (Estate-wide checks differ: the example folder also holds the hardened trail and detector.)
    const good = r.report.findings.filter((f) => f.location.file === 'repo/app.yaml' && f.resource.type !== 'estate');
    const fromExamples = full.findings.filter((f) => f.location.file === 'examples/aws/cloudformation/insecure-app.yaml' && f.resource.type !== 'estate');
    expect(good.length).toBeGreaterThan(20);
    expect(good.map((f) => `${f.checkId}:${f.location.startLine}`).sort()).toEqual(fromExamples.map((f) => `${f.checkId}:${f.location.startLine}`).sort());
    expect(r.stderr).not.toMatch(STACK);
  });

  it('shows the errors in the table with file:line:column, progress on stderr without a stack trace', () => {
    const r = runCli(['scan', 'repo', 'repo/tsconfig.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/error repo\/invalid\.json:4:42\b/);
    expect(r.stdout).toMatch(/error repo\/huge\.json:1:1\b/);
    expect(r.stdout).toMatch(/error repo\/tsconfig\.json:1:1\b/);
    expect(r.stderr).toContain('parapet:');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('puts input errors in SARIF as tool execution notifications, still valid SARIF', async () => {
    const { sarifValidator } = await import('./sarif-schema.js');
    const r = runCli(['scan', 'repo', '-q', '-f', 'sarif'], dir);
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] };
    const validate = sarifValidator();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications.filter((n) => n.level === 'error');
    expect(notes.map((n) => n.message.text.split(':')[0]).sort()).toEqual(['binary', 'parse-error', 'parse-error', 'too-large']);
  });

  it('reads a file over the default limit when --max-file-size allows it', () => {
    const r = scanJson(['repo/huge.json', '-q', '--max-file-size', '60MB'], dir);
    expect(r.report.errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reads UTF-16 exports (Windows PowerShell redirects) as text, not as binary', () => {
    const template = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Logs: { Type: 'AWS::S3::Bucket', Properties: { AccessControl: 'PublicRead' } } } }, null, 2);
    const sub = join(dir, 'utf16');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'le.json'), Buffer.from(`\ufeff${template}`, 'utf16le'));
    writeFileSync(join(sub, 'utf8.json'), template);
    const r = scanJson(['utf16', '-q'], dir);
    expect(r.report.errors).toEqual([]);
    const at = (file: string) => r.report.findings.filter((f) => f.location.file === file && f.resource.type !== 'estate').map((f) => `${f.checkId}:${f.location.startLine}:${f.location.startColumn}`).sort();
    expect(at('utf16/le.json').length).toBeGreaterThan(0);
    expect(at('utf16/le.json')).toEqual(at('utf16/utf8.json'));
  });
});

describe('nothing from a scanned file is executed', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parapet-exec-'));
    const marker = join(dir, 'MARKER');
    const js = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
    mkdirSync(join(dir, 'in', 'tf'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'secret.txt'), 'TOKEN-7f3a9c-outside-the-scan');
    // YAML tags that js-yaml (unsafe schema) and PyYAML would turn into code, and shell substitutions.
    writeFileSync(join(dir, 'in', 'evil.yaml'), [
      "AWSTemplateFormatVersion: '2010-09-09'",
      `Description: !!js/function "function () { ${js.replace(/"/g, '\\"')} }"`,
      'Parameters:',
      '  Cmd:',
      '    Type: String',
      `    Default: "$(touch ${marker}) \`touch ${marker}\`"`,
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      `      BucketName: !Sub "$(touch ${marker})-\${AWS::AccountId}"`,
      '      Tags:',
      '        - Key: run',
      `          Value: !!python/object/apply:os.system ["touch ${marker}"]`,
      '        - Key: eval',
      `          Value: !!js/regexp /$(touch ${marker})/`,
      '',
    ].join('\n'));
    // ARM: a deployment script and expressions built from shell text; a __proto__ variable.
    writeFileSync(join(dir, 'in', 'evil.json'), JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { cmd: { type: 'string', defaultValue: `$(touch ${marker})` } },
      // Relative to the working directory: a name with `/` would be rejected as an ARM name before anything else.
      variables: { ['__proto__']: { polluted: true }, x: "[concat('$(touch ', 'MARKER)')]" },
      resources: [
        { type: 'Microsoft.Resources/deploymentScripts', apiVersion: '2020-10-01', name: 'run', location: 'westeurope', kind: 'AzureCLI', properties: { azCliVersion: '2.40.0', scriptContent: 'touch MARKER', retentionInterval: 'P1D' } },
        { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-01-01', name: "[concat('st', variables('x'))]", location: 'westeurope', sku: { name: 'Standard_LRS' }, kind: 'StorageV2', properties: { minimumTlsVersion: 'TLS1_0' } },
      ],
    }, null, 2));
    // Terraform: an external data source, a local-exec provisioner, and a file() read outside the scanned folders.
    writeFileSync(join(dir, 'in', 'tf', 'main.tf'), [
      'data "external" "run" {',
      `  program = ["sh", "-c", "touch ${marker}; echo '{}'"]`,
      '}',
      '',
      'resource "terraform_data" "run" {',
      '  provisioner "local-exec" {',
      `    command = "touch ${marker}"`,
      '  }',
      '}',
      '',
      'resource "aws_s3_bucket" "b" {',
      `  bucket = "\${file("../../outside/secret.txt")}-\${data.external.run.result.x}"`,
      '}',
      '',
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs no tag, expression, script, provisioner or external program, reads nothing outside, and still reports', () => {
    const r = scanJson(['in', '-q'], dir);
    expect(existsSync(join(dir, 'MARKER'))).toBe(false);
    expect(r.code).not.toBe(3);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).not.toContain('TOKEN-7f3a9c');
    // The files were read, not skipped: each has findings.
    const files = new Set(r.report.findings.map((f) => f.location.file));
    for (const f of ['in/evil.yaml', 'in/evil.json', 'in/tf/main.tf']) expect(files).toContain(f);
  });

  it('stops a YAML alias bomb with one error instead of expanding it', () => {
    const levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const sub = join(dir, 'bomb');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'bomb.yaml'), ["AWSTemplateFormatVersion: '2010-09-09'", 'Metadata:', ...levels, 'Resources:', '  B:', '    Type: AWS::S3::Bucket', ''].join('\n'));
    const r = scanJson(['bomb', '-q'], dir);
    expect(r.code).toBe(2);
    const errors = r.report.errors.filter((e) => e.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'bomb/bomb.yaml' });
    expect(errors[0]!.message).toMatch(/alias/i);
  });
});
