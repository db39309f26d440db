import { dirname } from 'node:path';
import type { LoadDiagnostic } from '../model/core/index.js';
import { adaptTerraform } from '../loaders/terraform/adapt/index.js';
import { loadTerraformProjects, remapToSource } from '../loaders/terraform/hcl/index.js';
import type { TerraformRoot } from '../loaders/terraform/hcl/index.js';
import type { PlanLoad } from '../loaders/terraform/plan/load-plan.js';
import type { TfResourceInstance, TfVariable } from '../loaders/terraform/types.js';
import type { LoadResult } from '../loaders/types.js';
import type { InputFile } from './read-inputs.js';

export interface TerraformOptions {
  readonly cwd: string;
  readonly maxFileBytes: number;
  readonly vars?: Readonly<Record<string, string>>;
  readonly varFiles?: readonly string[];
}

export interface LoadedPlan {
  readonly file: InputFile;
  readonly plan: PlanLoad;
}

/**
 * Terraform source and plans together. A plan saved in a root module's folder (`terraform show -json > plan.json`
 * beside the `.tf` files) is that root's plan: its values win (they are what Terraform computed, variables and all),
 * but every finding points at the `.tf` line that wrote the value, and the root's own evaluation is not counted a
 * second time. Plans without their source are adapted as they are.
 */
export async function loadTerraform(sources: readonly InputFile[], plans: readonly LoadedPlan[], options: TerraformOptions): Promise<LoadResult> {
  const diagnostics: LoadDiagnostic[] = [];
  let instances: TfResourceInstance[] = [];
  let variables: TfVariable[] = [];
  let roots: readonly TerraformRoot[] = [];
  if (sources.length > 0) {
    const src = await loadTerraformProjects(sources.map((f) => f.absolute), {
      cwd: options.cwd,
      maxFileBytes: options.maxFileBytes,
      ...(options.vars ? { vars: options.vars } : {}),
      ...(options.varFiles ? { varFiles: options.varFiles } : {}),
    });
    instances = src.instances;
    variables = src.variables;
    roots = src.roots;
    diagnostics.push(...src.diagnostics);
  }

  for (const { file, plan } of plans) {
    diagnostics.push(...plan.diagnostics);
    const root = roots.find((r) => r.absDir === dirname(file.absolute));
    if (!root) {
      instances.push(...plan.instances);
      variables.push(...plan.variables);
      continue;
    }
    const prefix = `${root.dir}::`;
    const planKeys = new Set(plan.instances.map((i) => i.key));
    // The plan replaces the source evaluation of its root; instances only the source knows (data sources Terraform
    // read at plan time are in the plan too) are kept.
    instances = instances.filter((i) => !i.key.startsWith(prefix) || !planKeys.has(i.key));
    instances.push(...remapToSource(plan.instances, root));
    variables = variables.filter((v) => !v.key.startsWith(prefix));
    variables.push(...plan.variables);
  }

  const adapted = adaptTerraform(instances, variables);
  return { resources: adapted.resources, fragments: adapted.fragments, diagnostics: [...diagnostics, ...adapted.diagnostics] };
}
