import type { Node } from 'jsonc-parser';
import type { DiagnosticCode, DiagnosticSeverity, LoadDiagnostic, Provenance } from '../../../model/core/index.js';
import type { Expr, ExprError } from '../expr/ast.js';
import type { LineIndex } from '../json.js';

/** Work units one file may spend on evaluation (nodes visited plus function calls) before the rest is left unknown. */
export const EVAL_BUDGET = 2_000_000;
/** Longest string and largest array a function may produce; bigger results become unknown. */
export const MAX_STRING = 1_000_000;
export const MAX_ARRAY = 100_000;

/** Per-file state shared by every template scope in the file (nested deployments included). */
export class LoadState {
  readonly diagnostics: LoadDiagnostic[] = [];
  readonly #seen = new Set<string>();
  readonly astCache = new Map<Node, { ok: true; expr: Expr } | { ok: false; error: ExprError }>();
  budget = EVAL_BUDGET;
  budgetReported = false;

  constructor(readonly file: string, readonly text: string, readonly lines: LineIndex) {}

  report(code: DiagnosticCode, severity: DiagnosticSeverity, at: Provenance | number, message: string): void {
    const p = typeof at === 'number' ? this.lines.lineCol(at) : at;
    const key = `${code}:${p.line}:${p.column}:${message}`;
    if (this.#seen.has(key)) return; // copy loops evaluate the same text many times
    this.#seen.add(key);
    this.diagnostics.push({ code, severity, file: this.file, line: p.line, column: p.column, message });
  }

  /** Spends one unit; false once the budget is gone (reported once). */
  spend(at: Provenance): boolean {
    if (this.budget > 0) {
      this.budget--;
      return true;
    }
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.report('too-large', 'error', at, `evaluation stopped after ${EVAL_BUDGET} steps; the rest of the template is left unknown`);
    }
    return false;
  }
}
