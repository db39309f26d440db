/**
 * The SARIF the real CLI writes for the example estate, validated against the official OASIS SARIF 2.1.0 schema
 * (test/fixtures/sarif-schema-2.1.0.json) and held to GitHub code scanning's rules:
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 * https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSarif } from '../src/report/sarif/sarif-report.js';
import { SAMPLE_REPORT } from '../src/report/__fixtures__/sample-report.js';
import type { RuleInfo, ScanReport } from '../src/report/types.js';
import { runCli } from './run-cli.js';
import { loadSarifSchema, sarifValidator } from './sarif-schema.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Region { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }
interface PhysicalLocation { artifactLocation: { uri: string; uriBaseId?: string }; region: Region }
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown?: string };
  defaultConfiguration?: { level: string };
  properties: { tags: string[]; 'security-severity': unknown; precision?: string };
}
interface SarifRun {
  tool: { driver: { name: string; version?: string; rules: SarifRule[] } };
  originalUriBaseIds?: Record<string, { uri?: string; uriBaseId?: string }>;
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
  results: SarifResult[];
}
interface SarifLog { version: string; $schema: string; runs: SarifRun[] }

const validate = sarifValidator();

function errorsOf(doc: unknown): unknown[] {
  validate(doc);
  return validate.errors ?? [];
}

describe('the official SARIF 2.1.0 schema fixture', () => {
  it('is the OASIS draft-04 schema, kept verbatim', () => {
    const schema = loadSarifSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    expect(Object.keys(schema.definitions as object)).toHaveLength(52);
  });

  it('rejects what SARIF forbids (the validator is not a rubber stamp)', () => {
    const base = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] as unknown[] }] };
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf({ ...base, version: '2.0.0' })).not.toEqual([]);
    const result = (region: object, uri = 'a.yaml') => ({
      ...base,
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri }, region } }] }] }],
    });
    expect(errorsOf(result({ startLine: 1 }))).toEqual([]);
    expect(errorsOf(result({ startLine: 0 }))).not.toEqual([]); // lines are 1-based
    expect(errorsOf(result({ startLine: 1, startColumn: 0 }))).not.toEqual([]);
    expect(errorsOf(result({ startLine: 1 }, 'C:\\infra\\a b.yaml'))).not.toEqual([]); // not a URI
    expect(errorsOf({ ...base, runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'R', properties: { tags: ['a', 'a'] } }] } } }] })).not.toEqual([]);
    expect(errorsOf({ ...base, runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'R', helpUri: 'docs/r.md' }] } } }] })).not.toEqual([]);
  });
});

describe('parapet scan examples --format sarif', () => {
  let text: string;
  let log: SarifLog;
  let run: SarifRun;
  let json: ScanReport;

  beforeAll(() => {
    const r = runCli(['scan', 'examples', '--format', 'sarif', '--quiet'], ROOT);
    // The example estate is full of findings and has no unreadable input: exit 1, nothing on stderr.
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    text = r.stdout;
    log = JSON.parse(text) as SarifLog;
    run = log.runs[0]!;
    const j = runCli(['scan', 'examples', '--format', 'json', '--quiet'], ROOT);
    json = JSON.parse(j.stdout) as ScanReport;
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(errorsOf(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  it('reports every finding of the JSON output, and only those', () => {
    expect(run.results.length).toBeGreaterThan(30);
    const fromSarif = run.results.map((r) => `${r.ruleId} ${decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri)}:${r.locations[0]!.physicalLocation.region.startLine}`);
    const fromJson = json.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`);
    expect(fromSarif.sort()).toEqual(fromJson.sort());
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([]);
  });

  it('gives each result a stable ruleId that names a rule of the catalogue, with a matching ruleIndex', () => {
    const catalogue = JSON.parse(runCli(['checks', '--format', 'json'], ROOT).stdout) as { id: string }[];
    const ids = new Set(catalogue.map((c) => c.id));
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(ids.has(r.id)).toBe(true);
    for (const res of run.results) {
      expect(res.ruleId).toMatch(/^(AWS|AZURE|IAC)-[A-Z0-9]+-\d{3}$/);
      expect(rules[res.ruleIndex!]!.id).toBe(res.ruleId);
      expect(res.message.text.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'note']).toContain(res.level);
    }
  });

  it('gives every rule help text, descriptions, and a numeric-string security-severity with the security tag', () => {
    expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(45);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(5);
      expect(rule.fullDescription.text.length).toBeGreaterThan(20);
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain('**Fix.**');
      const sev = rule.properties['security-severity'];
      expect(typeof sev).toBe('string');
      expect(sev as string).toMatch(/^\d{1,2}\.\d$/);
      expect(Number(sev)).toBeGreaterThan(0);
      expect(Number(sev)).toBeLessThanOrEqual(10);
      // GitHub reads security-severity only on rules tagged `security`; it rejects more than 20 tags.
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
      if (rule.helpUri) expect(rule.helpUri).toMatch(/^https:\/\//);
    }
  });

  it('maps severities to GitHub bands: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9', () => {
    const band = (s: number) => (s >= 9 ? 'critical' : s >= 7 ? 'high' : s >= 4 ? 'medium' : 'low');
    const catalogue = JSON.parse(runCli(['checks', '--format', 'json'], ROOT).stdout) as { id: string; severity: string }[];
    expect(catalogue.length).toBe(run.tool.driver.rules.length);
    for (const r of catalogue) {
      const rule = run.tool.driver.rules.find((x) => x.id === r.id)!;
      const expected = r.severity === 'info' ? 'low' : r.severity;
      expect(band(Number(rule.properties['security-severity']))).toBe(expected);
    }
  });

  it('points at files with relative URIs under %SRCROOT% and 1-based lines that exist in them', () => {
    const lines = new Map<string, number>();
    for (const res of run.results) {
      expect(res.locations).toHaveLength(1);
      const { artifactLocation, region } = res.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i); // no scheme
      expect(artifactLocation.uri.startsWith('/')).toBe(false);
      expect(artifactLocation.uri.split('/')).not.toContain('..');
      expect(artifactLocation.uri.startsWith('examples/')).toBe(true);
      const file = decodeURIComponent(artifactLocation.uri);
      expect(existsSync(`${ROOT}${file}`)).toBe(true);
      if (!lines.has(file)) lines.set(file, readFileSync(`${ROOT}${file}`, 'utf8').split('\n').length);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startLine).toBeLessThanOrEqual(lines.get(file)!);
      if (region.endLine !== undefined) expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      if (region.startColumn !== undefined) expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    // SARIF §3.14.14: a base id without its own base must not carry a relative uri.
    for (const base of Object.values(run.originalUriBaseIds ?? {})) {
      if (base.uri !== undefined && base.uriBaseId === undefined) expect(base.uri).toMatch(/^[a-z]+:\/\/.*\/$/i);
    }
  });

  it('fingerprints every result uniquely, and the same way on the next run', () => {
    const prints = run.results.map((r) => JSON.stringify(r.partialFingerprints));
    for (const r of run.results) {
      const values = Object.values(r.partialFingerprints);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(v).toMatch(/^[0-9a-f]{16,}$/);
    }
    expect(new Set(prints).size).toBe(prints.length);
    const again = runCli(['scan', 'examples', '--format', 'sarif', '--quiet'], ROOT).stdout;
    expect(again).toBe(text);
  });
});

describe('SARIF reporter edge cases', () => {
  const rule = SAMPLE_REPORT.rules[0]!;

  it('renders the sample report (with an input error as a notification) valid against the schema', () => {
    const doc = JSON.parse(renderSarif(SAMPLE_REPORT)) as SarifLog;
    expect(errorsOf(doc)).toEqual([]);
    const uri = doc.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('infra/storage%20stack.yaml');
    expect(doc.runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.message.text).toContain('parse-error');
  });

  it('keeps tags distinct and at most 20, whatever the compliance mapping holds', () => {
    const many: RuleInfo = {
      ...rule,
      provider: 'aws',
      service: 'aws', // the same word twice must not make the tags non-unique
      compliance: { 'cis-aws-3.0': Array.from({ length: 30 }, (_, i) => `1.${i}`), 'cis-aws-2.0': ['1.1', '1.1'] },
    };
    const doc = JSON.parse(renderSarif({ ...SAMPLE_REPORT, rules: [many] })) as SarifLog;
    expect(errorsOf(doc)).toEqual([]);
    const tags = doc.runs[0]!.tool.driver.rules[0]!.properties.tags;
    expect(tags.length).toBe(20);
    expect(new Set(tags).size).toBe(20);
    expect(tags.slice(0, 2)).toEqual(['security', 'aws']);
  });

  it('leaves ruleIndex out rather than pointing at the wrong rule when a finding has no rule', () => {
    const doc = JSON.parse(renderSarif({ ...SAMPLE_REPORT, rules: [] })) as SarifLog;
    expect(errorsOf(doc)).toEqual([]);
    expect(doc.runs[0]!.results[0]!.ruleId).toBe('AWS-S3-001');
    expect(doc.runs[0]!.results[0]!.ruleIndex).toBeUndefined();
  });
});
