import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';

/**
 * A template as parsed, before any intrinsic function is evaluated: a `Value` tree without unknowns, every node
 * positioned. Short-form YAML tags arrive here already in their long form (`!Ref X` → `{Ref: X}`), so the resolver
 * sees one shape whatever the format.
 */
export interface SourceTree {
  readonly root: Value | undefined;
  /**
   * Positions of keys in the objects near the root (the template, its sections and their entries), for a resource's
   * span ("from its logical id to the end of its block") and for diagnostics about a section.
   */
  readonly keyAt: ReadonlyMap<ObjectValue, ReadonlyMap<string, Provenance>>;
  readonly diagnostics: LoadDiagnostic[];
}

/** How deep a document may nest before it is refused; real templates stay far below this. */
export const MAX_SOURCE_DEPTH = 256;

/** Depth (root = 0) up to which key positions are kept: the template, its sections and their entries. */
export const KEY_POSITION_DEPTH = 2;

export function diagnostic(
  code: LoadDiagnostic['code'], file: string, at: { line: number; column: number }, message: string,
  severity: LoadDiagnostic['severity'] = 'error',
): LoadDiagnostic {
  return { code, severity, file, line: at.line, column: at.column, message };
}

/** The span from the start of `from` to the end of `to`. */
export function span(from: Provenance, to: Provenance): Provenance {
  return { file: from.file, line: from.line, column: from.column, endLine: to.endLine, endColumn: to.endColumn };
}
