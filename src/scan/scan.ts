import { CATALOGUE } from '../checks/catalogue.js';
import type { EstateServices } from '../checks/kit/services.js';
import type { LoadDiagnostic } from '../model/core/index.js';
import type { AnyCheck } from '../checks/kit/types.js';
import type { ScanReport } from '../report/types.js';
import { buildReport } from './findings.js';
import { loadEstate } from './load-estate.js';
import type { EstateOptions } from './load-estate.js';
import { runChecks } from './run-checks.js';
import type { CheckCrash } from './run-checks.js';
import { buildServices } from './services.js';

export interface ScanOptions extends EstateOptions {
  /** Only these check ids (case-insensitive); empty = all. */
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  readonly checks?: readonly AnyCheck[];
}

export interface ScanOutcome {
  readonly report: ScanReport;
  readonly crashes: readonly CheckCrash[];
}

export function selectChecks(all: readonly AnyCheck[], only: readonly string[] = [], skip: readonly string[] = []): AnyCheck[] {
  const o = new Set(only.map((s) => s.toUpperCase()));
  const s = new Set(skip.map((x) => x.toUpperCase()));
  return all.filter((c) => (o.size === 0 || o.has(c.id)) && !s.has(c.id));
}

/**
 * What the engines could not use in the inputs (a CIDR that does not parse, a port out of range, a reference to a
 * group that is not there, a policy condition operator that does not exist). They are warnings: the file was read
 * and parsed (exit code 2 is for inputs that were not), and what depends on the bad value is answered unknown.: reported with its position like a loader's diagnostic, never dropped. Only the engines
 * the checks built are asked.
 */
function engineDiagnostics(services: EstateServices): LoadDiagnostic[] {
  const policies: LoadDiagnostic[] = (services.iam?.diagnostics ?? []).map((d) => ({
    code: 'invalid-value' as const,
    severity: 'warning' as const,
    file: d.at.file,
    line: d.at.line,
    column: d.at.column,
    message: `${d.message} (${d.path})`,
  }));
  const access: LoadDiagnostic[] = (services.rbac?.diagnostics ?? []).map((d) => ({
    code: 'invalid-value' as const,
    severity: 'warning' as const,
    file: d.at?.file ?? '',
    line: d.at?.line ?? 1,
    column: d.at?.column ?? 1,
    message: d.subject ? `${d.message} (${d.subject})` : d.message,
  }));
  policies.push(...access);
  const network = services.network;
  if (!network) return collapseRepeats(policies);
  return collapseRepeats([...policies, ...network.diagnostics.map((d) => ({
    code: d.code === 'missing-reference' ? ('unresolved-reference' as const) : ('invalid-value' as const),
    severity: 'warning' as const,
    file: d.at?.file ?? '',
    line: d.at?.line ?? 1,
    column: d.at?.column ?? 1,
    message: `${d.message} (${d.path})`,
  }))]);
}

/**
 * One remark said at many places (the same missing default group behind 200 instances) is reported once, at its
 * first place, with how many more there are: the report stays readable and nothing is dropped silently.
 */
function collapseRepeats(diagnostics: readonly LoadDiagnostic[]): LoadDiagnostic[] {
  const groups = new Map<string, LoadDiagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.severity}\u0000${d.code}\u0000${d.message.replace(/ \([^()]*\)$/, '')}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].map(([first, ...rest]) =>
    rest.length === 0 ? first! : { ...first!, message: `${first!.message}; the same at ${rest.length} more place${rest.length === 1 ? '' : 's'}` },
  );
}

/** The whole pipeline: loaders → model → engines → checks → findings. */
export async function scan(paths: readonly string[], options: ScanOptions = {}): Promise<ScanOutcome> {
  const loaded = await loadEstate(paths, options);
  const checks = selectChecks(options.checks ?? CATALOGUE, options.only, options.skip);
  const resources = loaded.estate.resources.filter((r) => !r.kind.startsWith('iac.')).length;
  options.onProgress?.(`${resources} resources from ${loaded.files.length} files; running ${checks.length} checks`);
  const services = buildServices(loaded.estate);
  const run = runChecks(checks, loaded.estate, services);
  const report = buildReport({
    results: run.results,
    diagnostics: [...loaded.diagnostics, ...engineDiagnostics(services)],
    checks,
    files: loaded.files.length,
    resources,
  });
  return { report, crashes: run.crashes };
}
