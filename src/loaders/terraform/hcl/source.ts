import type { Resource, ResourceFragment } from '../../../model/index.js';
import type { LoadDiagnostic } from '../../../model/core/index.js';
import { adaptTerraform } from '../adapt/index.js';
import { loadTerraformProjects } from './project/load.js';
import type { TerraformLoadOptions, TerraformRoot } from './project/load.js';

/** Files the Terraform source format reads: configuration and variable definitions. */
export function isTerraformSourceFile(path: string): boolean {
  return path.endsWith('.tf') || path.endsWith('.tf.json') || path.endsWith('.tfvars') || path.endsWith('.tfvars.json');
}

export interface TerraformSourceLoad {
  readonly resources: Resource[];
  readonly fragments: ResourceFragment[];
  readonly diagnostics: LoadDiagnostic[];
  /** The root modules evaluated, with `locate()` for remapping a plan of the same configuration (see remap.ts). */
  readonly roots: readonly TerraformRoot[];
}

/** Terraform source end to end: root modules evaluated, then adapted to the model like a plan. */
export async function loadTerraformSource(paths: readonly string[], options: TerraformLoadOptions = {}): Promise<TerraformSourceLoad> {
  const r = await loadTerraformProjects(paths, options);
  const adapted = adaptTerraform(r.instances, r.variables);
  return { resources: adapted.resources, fragments: adapted.fragments, diagnostics: [...r.diagnostics, ...adapted.diagnostics], roots: r.roots };
}
