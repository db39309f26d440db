import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, ScanReport, Severity } from '../types.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. Rules on top of the schema, from
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 * and https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit:
 * stable `ruleId`, rule `help`, `security-severity` as a numeric string (0.0–10.0) on rules tagged `security`,
 * paths relative to the repository root, 1-based lines, `partialFingerprints`, at most 20 tags per rule.
 */

/** GitHub code scanning maps `security-severity` (a string, 0–10) to its own critical/high/medium/low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const LEVEL: Record<Severity, Sarif.Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** Code scanning rejects a file whose rule has more than 20 tags. */
const MAX_TAGS = 20;

export function renderSarif(report: ScanReport): string {
  const rules = [...report.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Parapet',
            semanticVersion: report.tool.version,
            version: report.tool.version,
            rules: rules.map(toRule),
          },
        },
        // SARIF §3.14.14: an originalUriBaseIds entry without its own uriBaseId must give an absolute uri or none. The
        // absolute path of the working directory would make the output differ between machines, so none is given.
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The working directory parapet ran in; every uri is relative to it.' } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: e.severity === 'error' ? 'error' : 'warning',
              message: { text: `${e.code}: ${e.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: uri(e.file), uriBaseId: '%SRCROOT%' }, region: { startLine: e.line, startColumn: e.column } } }],
            })),
          },
        ],
        results: report.findings.map((f) => toResult(f, ruleIndex.get(f.checkId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toRule(r: RuleInfo): Sarif.ReportingDescriptor {
  const fix = [r.remediation.summary, r.remediation.cli && `CLI:\n\n    ${r.remediation.cli.replace(/\n/g, '\n    ')}`].filter(Boolean).join('\n\n');
  const iac = (['terraform', 'cloudformation', 'arm'] as const)
    .filter((k) => r.remediation[k])
    .map((k) => `${k}:\n\n\`\`\`\n${r.remediation[k]}\n\`\`\``)
    .join('\n\n');
  const refs = r.references.map((u) => `- ${u}`).join('\n');
  return {
    id: r.id,
    name: r.id.replace(/-/g, ''),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale },
    helpUri: r.references[0],
    help: {
      text: `${r.rationale}\n\nFix: ${r.remediation.summary}${r.remediation.cli ? `\n\n${r.remediation.cli}` : ''}\n\nReferences:\n${r.references.join('\n')}`,
      markdown: `${r.rationale}\n\n**Fix.** ${fix}${iac ? `\n\n${iac}` : ''}\n\n**References**\n\n${refs}`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      // Tags must be distinct (the schema says uniqueItems), and code scanning refuses more than 20.
      tags: [...new Set(['security', r.provider, r.service, ...Object.entries(r.compliance).flatMap(([fw, ids]) => ids.map((id) => `${fw}/${id}`))])].slice(0, MAX_TAGS),
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: 'high',
      'problem.severity': LEVEL[r.severity] === 'note' ? 'recommendation' : LEVEL[r.severity],
    },
  };
}

function toResult(f: Finding, index: number | undefined): Sarif.Result {
  const region: Sarif.Region = { startLine: f.location.startLine, startColumn: f.location.startColumn };
  if (f.location.endLine >= f.location.startLine) region.endLine = f.location.endLine;
  if (f.location.endLine > f.location.startLine || f.location.endColumn > f.location.startColumn) region.endColumn = f.location.endColumn;
  return {
    ruleId: f.checkId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message}${f.evidence?.length ? `\n${f.evidence.join('\n')}` : ''}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: uri(f.location.file), uriBaseId: '%SRCROOT%' }, region },
        logicalLocations: [{ name: f.resource.name, fullyQualifiedName: f.resource.address, kind: 'resource' }],
      },
    ],
    // Stable across edits that move the resource: rule, file and resource address, not the line.
    partialFingerprints: { 'parapet/v1': fingerprint(`${f.checkId}\0${f.location.file}\0${f.resource.address}\0${f.message}`) },
    properties: { 'security-severity': SECURITY_SEVERITY[f.severity], resourceType: f.resource.type },
  };
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function fingerprint(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}
