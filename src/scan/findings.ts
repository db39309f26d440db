import type { AnyCheck } from '../checks/kit/types.js';
import type { LoadDiagnostic } from '../model/core/index.js';
import type { Finding, InputError, RuleInfo, ScanReport, Severity } from '../report/types.js';
import { SEVERITIES, severityRank } from '../report/types.js';
import { VERSION } from '../version.js';
import type { Result } from './run-checks.js';

export function toFinding(r: Result): Finding {
  const { check, outcome, subject } = r;
  const at = outcome.at.file ? outcome.at : subject.at;
  return {
    checkId: check.id,
    title: check.title,
    severity: outcome.status === 'fail' ? (outcome.severity ?? check.severity) : check.severity,
    provider: check.provider,
    service: check.service,
    status: outcome.status,
    resource: { type: subject.type, name: subject.name, address: subject.address },
    location: { file: at.file, startLine: at.line, endLine: Math.max(at.line, at.endLine), startColumn: at.column, endColumn: at.endColumn },
    message: outcome.message,
    remediation: check.remediation,
    ...(outcome.status === 'fail' && outcome.evidence?.length ? { evidence: outcome.evidence } : {}),
  };
}

/** What matters first: severity, then place, then rule — and a total order, so output is byte-for-byte stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    cmp(a.checkId, b.checkId) ||
    cmp(a.resource.address, b.resource.address) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toInputError(d: LoadDiagnostic): InputError {
  return { file: d.file, line: d.line, column: d.column, message: d.message, code: d.code, severity: d.severity };
}

export function ruleInfo(c: AnyCheck): RuleInfo {
  return {
    id: c.id, title: c.title, severity: c.severity, provider: c.provider, service: c.service, rationale: c.rationale,
    remediation: c.remediation, references: c.references, compliance: c.compliance ?? {},
  };
}

export function buildReport(input: {
  results: readonly Result[];
  diagnostics: readonly LoadDiagnostic[];
  checks: readonly AnyCheck[];
  files: number;
  resources: number;
}): ScanReport {
  const all = input.results.map(toFinding);
  const findings = dedupe(all.filter((f) => f.status === 'fail')).sort(compareFindings);
  const unknowns = dedupe(all.filter((f) => f.status === 'unknown')).sort(compareFindings);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity]++;
  const errors = input.diagnostics
    .map(toInputError)
    .sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.message, b.message));
  return {
    tool: { name: 'parapet', version: VERSION },
    findings,
    unknowns,
    errors,
    rules: input.checks.map(ruleInfo),
    summary: { files: input.files, resources: input.resources, findings: findings.length, unknowns: unknowns.length, bySeverity },
  };
}

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.checkId}\0${f.resource.address}\0${f.location.file}\0${f.location.startLine}\0${f.location.startColumn}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
