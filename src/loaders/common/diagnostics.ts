import type { LoadDiagnostic } from '../../model/core/index.js';

/**
 * Diagnostics without repeats, first occurrence kept, in order: a value read twice (a name resolved for a reference,
 * then with its resource; a module evaluated for several roots) must not report its problem twice. Two diagnostics
 * are the same when code, file, position and message are.
 */
export function dedupeDiagnostics(ds: readonly LoadDiagnostic[]): LoadDiagnostic[] {
  const seen = new Set<string>();
  const out: LoadDiagnostic[] = [];
  for (const d of ds) {
    const k = `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}
