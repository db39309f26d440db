import type { Attr, Provenance, Provider } from '../../model/core/index.js';
import type { Estate, ResourceKind, ResourceOfKind } from '../../model/index.js';
import type { Remediation, Severity } from '../../report/types.js';
import type { EstateServices } from './services.js';

export type { Remediation, Severity };

/** Compliance frameworks a check can map to; control ids as the benchmark numbers them. */
export type ComplianceFramework = 'cis-aws-3.0' | 'cis-azure-2.1';

/** A check about the estate as a whole (is there a trail at all?), run once per provider present in the inputs. */
export type EstateTarget = 'estate';
export type CheckTarget = ResourceKind | EstateTarget;

export interface EstateView {
  readonly graph: Estate;
  /** Files that contributed resources of the check's provider: what an absence check looked at. */
  readonly files: readonly string[];
}

export type Subject<T extends CheckTarget> = T extends ResourceKind ? ResourceOfKind<T> : EstateView;

export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'notApplicable' }
  | {
      readonly status: 'fail';
      readonly at: Provenance;
      readonly message: string;
      /** Overrides the check's severity for this finding (e.g. lower when no network path exists). */
      readonly severity?: Severity;
      readonly evidence?: readonly string[];
    }
  | { readonly status: 'unknown'; readonly at: Provenance; readonly message: string };

export interface CheckContext {
  readonly estate: Estate;
  readonly services: EstateServices;
  pass(): Outcome;
  notApplicable(): Outcome;
  /** A failure located at an attribute (or a position); the message names the resource and value. */
  fail(where: Attr<unknown> | Provenance, message: string, extra?: { severity?: Severity; evidence?: readonly string[] }): Outcome;
  /** The check cannot decide because `where` is unknown; says why. */
  unknown(where: Attr<unknown> | Provenance, message: string): Outcome;
}

export interface CheckMeta {
  /** Stable forever: `AWS-S3-004`. */
  readonly id: string;
  /** States the good state: "S3 bucket blocks public ACLs". */
  readonly title: string;
  readonly severity: Severity;
  /** `iac` for checks on template inputs common to every format (parameters, variables). */
  readonly provider: Provider;
  readonly service: string;
  readonly rationale: string;
  readonly remediation: Remediation;
  readonly references: readonly string[];
  readonly compliance?: Partial<Record<ComplianceFramework, readonly string[]>>;
}

export interface Check<T extends CheckTarget = CheckTarget> extends CheckMeta {
  /**
   * The kind (or kinds) the check judges: one mistake that can be written in several places (an inline policy of a
   * user, a group or a role) is one check over all of them.
   */
  readonly target: T | readonly T[];
  /** Which resources of the target kind this check looks at; default all. For `iac.parameter` checks, etc. */
  evaluate(subject: Subject<T>, ctx: CheckContext): Outcome | readonly Outcome[];
}

/**
 * Any one check, whatever its target: what catalogues hold. The subject type is erased (the runner hands each check
 * only subjects of its own kinds), so a check of any kind or kinds is assignable here.
 */
export interface AnyCheck extends CheckMeta {
  readonly target: CheckTarget | readonly CheckTarget[];
  evaluate(subject: never, ctx: CheckContext): Outcome | readonly Outcome[];
}

/** The kinds a check judges, as a list. */
export function targetsOf(check: AnyCheck): readonly CheckTarget[] {
  return typeof check.target === 'string' ? [check.target] : check.target;
}
