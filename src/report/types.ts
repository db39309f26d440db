/**
 * The scan's result as reporters see it: small findings plus the metadata of the rules that produced them. This is
 * the only thing reporters import; they derive everything else and never re-evaluate.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export interface Remediation {
  readonly summary: string;
  /** An AWS or Azure CLI command that applies the fix. */
  readonly cli?: string;
  readonly terraform?: string;
  readonly cloudformation?: string;
  readonly arm?: string;
}

export interface FindingLocation {
  /** Relative to the working directory, forward slashes. */
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface Finding {
  readonly checkId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly provider: string;
  readonly service: string;
  /** `fail`: the check failed; `unknown`: it could not decide because an input value is unknown before deployment. */
  readonly status: 'fail' | 'unknown';
  readonly resource: { readonly type: string; readonly name: string; readonly address: string };
  readonly location: FindingLocation;
  readonly message: string;
  readonly remediation: Remediation;
  /** Supporting facts (an escalation chain, the rules that open a path), in order. */
  readonly evidence?: readonly string[];
}

export interface InputError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
}

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly provider: string;
  readonly service: string;
  readonly rationale: string;
  readonly remediation: Remediation;
  readonly references: readonly string[];
  readonly compliance: Readonly<Record<string, readonly string[]>>;
}

export interface ScanReport {
  readonly tool: { readonly name: 'parapet'; readonly version: string };
  readonly findings: readonly Finding[];
  readonly unknowns: readonly Finding[];
  readonly errors: readonly InputError[];
  readonly rules: readonly RuleInfo[];
  readonly summary: {
    readonly files: number;
    readonly resources: number;
    readonly findings: number;
    readonly unknowns: number;
    readonly bySeverity: Readonly<Record<Severity, number>>;
  };
}
