import { ResourceGraph } from '../model/core/index.js';
import type { LoadDiagnostic } from '../model/core/index.js';
import type { Resource, ResourceFragment } from '../model/index.js';

/**
 * Folds fragments (settings written as separate resources) into the resources they configure. List fields are
 * appended, other fields replaced. A fragment whose target is not among the inputs is reported, never dropped
 * silently.
 */
export function linkFragments(resources: readonly Resource[], fragments: readonly ResourceFragment[]): { resources: Resource[]; diagnostics: LoadDiagnostic[] } {
  const diagnostics: LoadDiagnostic[] = [];
  if (fragments.length === 0) return { resources: [...resources], diagnostics };
  const index = new ResourceGraph<Resource>(resources);
  const merged = new Map<string, Record<string, unknown>>();

  for (const f of fragments) {
    const target = f.target.known ? index.lookup(f.target.value, f.targetKind)[0] : undefined;
    if (!target) {
      const what = f.target.known ? `\`${f.target.value}\`` : `a target that is unknown before deployment (${f.target.why})`;
      diagnostics.push({
        code: 'unlinked',
        severity: 'warning',
        file: f.source.at.file,
        line: f.source.at.line,
        column: f.source.at.column,
        message: `${f.source.type} \`${f.source.address}\` configures ${what}, which is not among the inputs; its settings are not applied`,
      });
      continue;
    }
    let copy = merged.get(target.key);
    if (!copy) {
      copy = { ...target };
      merged.set(target.key, copy);
    }
    for (const [field, value] of Object.entries(f.fields)) {
      const current = copy[field];
      copy[field] = Array.isArray(current) && Array.isArray(value) ? [...current, ...value] : value;
    }
  }
  return { resources: resources.map((r) => (merged.get(r.key) as Resource | undefined) ?? r), diagnostics };
}
