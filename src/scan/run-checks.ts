import { createContext } from '../checks/kit/context.js';
import type { EstateServices } from '../checks/kit/services.js';
import { targetsOf } from '../checks/kit/types.js';
import type { AnyCheck, EstateView, Outcome } from '../checks/kit/types.js';
import type { Provenance } from '../model/core/index.js';
import { providerOf } from '../model/index.js';
import type { Estate, Resource } from '../model/index.js';

/** One evaluated outcome that is worth reporting, with what it is about. */
export interface Result {
  readonly check: AnyCheck;
  readonly outcome: Extract<Outcome, { status: 'fail' | 'unknown' }>;
  readonly subject: { readonly type: string; readonly name: string; readonly address: string; readonly at: Provenance };
}

/** A check that threw: a bug in Parapet, reported with its own exit code, never as a finding. */
export interface CheckCrash {
  readonly checkId: string;
  readonly resource: string;
  readonly error: string;
}

export interface CheckRun {
  readonly results: Result[];
  readonly crashes: CheckCrash[];
  readonly evaluated: number;
}

export function runChecks(checks: readonly AnyCheck[], estate: Estate, services: EstateServices): CheckRun {
  const ctx = createContext(estate, services);
  const results: Result[] = [];
  const crashes: CheckCrash[] = [];
  let evaluated = 0;
  const views = estateViews(estate);

  for (const check of checks) {
    for (const target of targetsOf(check)) {
      if (target === 'estate') {
        const view = views.get(check.provider);
        if (!view) continue;
        const subject = { type: 'estate', name: check.provider, address: check.provider, at: { file: view.files[0] ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 } };
        evaluated++;
        collect(check, () => check.evaluate(view as never, ctx), subject, results, crashes);
        continue;
      }
      for (const resource of estate.ofKind(target)) {
        evaluated++;
        const subject = { ...resource.native, at: resource.at };
        collect(check, () => check.evaluate(resource as never, ctx), subject, results, crashes);
      }
    }
  }
  return { results, crashes, evaluated };
}

function collect(check: AnyCheck, run: () => Outcome | readonly Outcome[], subject: Result['subject'], results: Result[], crashes: CheckCrash[]): void {
  let out: Outcome | readonly Outcome[];
  try {
    out = run();
  } catch (e) {
    crashes.push({ checkId: check.id, resource: subject.address, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return;
  }
  for (const o of Array.isArray(out) ? (out as readonly Outcome[]) : [out as Outcome]) {
    if (o.status === 'fail' || o.status === 'unknown') results.push({ check, outcome: o, subject });
  }
}

/**
 * Identity-only inputs (an IAM authorization export, an RBAC export, a template of roles) say nothing about whether a
 * trail, an Activity Log export or threat detection exists: absence checks judge only inputs that describe
 * infrastructure.
 */
const IDENTITY_KINDS = ['aws.iam.', 'azure.authorization.', 'azure.entra.', 'azure.management.', 'iac.'];

/** One view per provider whose inputs describe infrastructure, with the files they came from (what an absence check looked at). */
function estateViews(estate: Estate): Map<string, EstateView> {
  const files = new Map<string, Set<string>>();
  for (const r of estate.resources as readonly Resource[]) {
    if (IDENTITY_KINDS.some((k) => r.kind.startsWith(k))) continue;
    const p = providerOf(r.kind);
    if (p === 'iac') continue;
    let set = files.get(p);
    if (!set) files.set(p, (set = new Set()));
    set.add(r.at.file);
  }
  const views = new Map<string, EstateView>();
  for (const [p, set] of files) views.set(p, { graph: estate, files: [...set].sort() });
  return views;
}
