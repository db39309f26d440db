/** Why an input (or part of one) could not be read. Every one names a file and a 1-based position. */
export type DiagnosticCode =
  | 'read-error'
  | 'too-large'
  | 'binary'
  | 'parse-error'
  | 'not-a-template'
  | 'invalid-template'
  | 'unsupported-function'
  | 'unresolved-reference'
  | 'cycle'
  | 'too-deep'
  | 'module-not-resolved'
  /** `count`/`for_each` not known before apply: one instance stands for all of them. */
  | 'unknown-expansion'
  /** A resource whose existence depends on a condition that cannot be decided before deployment (loaded as if created). */
  | 'conditional'
  | 'invalid-value'
  | 'unlinked';

export type DiagnosticSeverity = 'error' | 'warning';

export interface LoadDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
