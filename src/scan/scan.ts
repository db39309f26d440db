import { CATALOGUE } from '../checks/catalogue.js';
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

/** The whole pipeline: loaders → model → engines → checks → findings. */
export async function scan(paths: readonly string[], options: ScanOptions = {}): Promise<ScanOutcome> {
  const loaded = await loadEstate(paths, options);
  const checks = selectChecks(options.checks ?? CATALOGUE, options.only, options.skip);
  options.onProgress?.(`${loaded.estate.resources.length} resources from ${loaded.files.length} files; running ${checks.length} checks`);
  const services = buildServices(loaded.estate);
  const run = runChecks(checks, loaded.estate, services);
  const report = buildReport({
    results: run.results,
    diagnostics: loaded.diagnostics,
    checks,
    files: loaded.files.length,
    resources: loaded.estate.resources.filter((r) => !r.kind.startsWith('iac.')).length,
  });
  return { report, crashes: run.crashes };
}
