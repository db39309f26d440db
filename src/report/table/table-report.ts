import { createColors } from 'picocolors';
import type { Finding, ScanReport, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';

export interface TableOptions {
  readonly color: boolean;
  /** Also list the checks that could not decide. */
  readonly showUnknown?: boolean;
}

/** The terminal report: what matters first, each finding with its place, its message and the fix. */
export function renderTable(report: ScanReport, options: TableOptions): string {
  const c = createColors(options.color);
  const paint: Record<Severity, (s: string) => string> = {
    critical: (s) => c.bold(c.magenta(s)),
    high: (s) => c.bold(c.red(s)),
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
  };
  const out: string[] = [];
  const block = (f: Finding, label: string): void => {
    const loc = `${f.location.file}:${f.location.startLine}`;
    out.push(`${label} ${c.bold(f.checkId)}  ${f.title}`);
    out.push(`         ${c.underline(loc)}  ${c.dim(`${f.resource.type} ${f.resource.address}`)}`);
    out.push(`         ${f.message}`);
    for (const e of f.evidence ?? []) out.push(`           ${c.dim('·')} ${e}`);
    if (f.status === 'fail') {
      out.push(`         ${c.green('fix:')} ${f.remediation.summary}`);
      if (f.remediation.cli) out.push(`         ${c.dim(f.remediation.cli.split('\n').join('\n         '))}`);
    }
    out.push('');
  };

  for (const f of report.findings) block(f, paint[f.severity](f.severity.toUpperCase().padEnd(8)));

  if (report.unknowns.length > 0) {
    if (options.showUnknown) {
      out.push(c.bold(`Could not decide (${report.unknowns.length}): values unknown before deployment`));
      out.push('');
      for (const f of report.unknowns) block(f, c.dim('UNKNOWN '));
    }
  }

  if (report.errors.length > 0) {
    out.push(c.bold(`Input problems (${report.errors.length})`));
    for (const e of report.errors) {
      const tag = e.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`  ${tag} ${e.file}:${e.line}:${e.column}  ${e.message}`);
    }
    out.push('');
  }

  const s = report.summary;
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => paint[sev](`${s.bySeverity[sev]} ${sev}`));
  const unknownNote = s.unknowns > 0 ? `, ${s.unknowns} undecided${options.showUnknown ? '' : ' (--show-unknown)'}` : '';
  out.push(
    `${s.findings === 0 ? c.green('No findings') : c.bold(`${s.findings} finding${s.findings === 1 ? '' : 's'}`)}` +
      `${counts.length ? ` (${counts.join(', ')})` : ''} in ${s.resources} resources from ${s.files} files${unknownNote}` +
      `${report.errors.length ? `, ${report.errors.length} input problem${report.errors.length === 1 ? '' : 's'}` : ''}.`,
  );
  return `${out.join('\n')}\n`;
}
