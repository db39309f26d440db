import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SAMPLE_REPORT } from './__fixtures__/sample-report.js';
import { renderJson } from './json/json-report.js';
import { renderSarif } from './sarif/sarif-report.js';
import { renderTable } from './table/table-report.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/schema/scan-report.schema.json', import.meta.url), 'utf8')) as object;

describe('JSON report', () => {
  it('validates against the published schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const ok = validate(JSON.parse(renderJson(SAMPLE_REPORT)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects a finding without a location', () => {
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const doc = JSON.parse(renderJson(SAMPLE_REPORT)) as { findings: Record<string, unknown>[] };
    delete doc.findings[0]!.location;
    expect(validate(doc)).toBe(false);
  });

  it('prints the same bytes for the same report', () => {
    expect(renderJson(SAMPLE_REPORT)).toBe(renderJson(structuredClone(SAMPLE_REPORT)));
  });
});

describe('SARIF report', () => {
  const log = JSON.parse(renderSarif(SAMPLE_REPORT)) as {
    version: string;
    runs: { tool: { driver: { rules: Record<string, unknown>[] } }; results: Record<string, unknown>[] }[];
  };
  const run = log.runs[0]!;

  it('follows GitHub code scanning rules: stable ruleId, help, string security-severity, relative URIs, fingerprints', () => {
    expect(log.version).toBe('2.1.0');
    const rule = run.tool.driver.rules[0] as { id: string; help: { text: string; markdown: string }; properties: Record<string, unknown> };
    expect(rule.id).toBe('AWS-S3-001');
    expect(rule.help.text).toContain('Turn on all four');
    expect(rule.properties['security-severity']).toBe('8.0');
    const result = run.results[0] as {
      ruleId: string; ruleIndex: number; level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    };
    expect(result.ruleId).toBe('AWS-S3-001');
    expect(result.ruleIndex).toBe(0);
    expect(result.level).toBe('error');
    const loc = result.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe('infra/storage%20stack.yaml');
    expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    expect(loc.region.startLine).toBe(12);
    expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves undecided checks out of code scanning and reports input errors as notifications', () => {
    expect(run.results).toHaveLength(1);
    const text = renderSarif(SAMPLE_REPORT);
    expect(text).toContain('parse-error: invalid JSON');
  });
});

describe('table report', () => {
  it('shows what matters first, with the place, the message and the fix, without colour off a terminal', () => {
    const text = renderTable(SAMPLE_REPORT, { color: false });
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('HIGH     AWS-S3-001  S3 bucket blocks public access');
    expect(text).toContain('infra/storage stack.yaml:12');
    expect(text).toContain('fix: Turn on all four');
    expect(text).toContain('error broken.json:3:5');
    expect(text).toContain('1 undecided (--show-unknown)');
    expect(text).not.toContain('cannot tell whether bucket `data`');
  });

  it('lists undecided checks on request', () => {
    expect(renderTable(SAMPLE_REPORT, { color: false, showUnknown: true })).toContain('cannot tell whether bucket `data`');
  });

  it('colours only when asked', () => {
    expect(renderTable(SAMPLE_REPORT, { color: true })).toContain('\u001b[');
  });
});
