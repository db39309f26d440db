import { ResourceGraph } from '../model/core/index.js';
import type { LoadDiagnostic } from '../model/core/index.js';
import type { Estate, Resource, ResourceFragment } from '../model/index.js';
import { pairArmParameterFiles, readPairedParameters } from './arm-parameters.js';
import { FILE_FORMATS } from './formats.js';
import type { LoadOptions } from './formats.js';
import { jsonErrorPosition } from './json-position.js';
import { linkFragments } from './link.js';
import { DEFAULT_MAX_FILE_BYTES, collectInputs, readInput } from './read-inputs.js';
import type { InputFile } from './read-inputs.js';
import { isTerraformSourceFile } from '../loaders/terraform/hcl/index.js';
import { isTerraformPlan, loadTerraformPlan } from '../loaders/terraform/plan/load-plan.js';
import { loadTerraform } from './terraform.js';
import type { LoadedPlan } from './terraform.js';

export interface EstateOptions extends LoadOptions {
  readonly cwd?: string;
  readonly maxFileBytes?: number;
  readonly terraform?: { readonly vars?: Readonly<Record<string, string>>; readonly varFiles?: readonly string[] };
  /** Called with a short progress line (the CLI prints them to stderr). */
  readonly onProgress?: (line: string) => void;
}

export interface LoadedEstate {
  readonly estate: Estate;
  readonly diagnostics: readonly LoadDiagnostic[];
  /** Input files that contributed to the estate (or failed to). */
  readonly files: readonly string[];
}

/** Strings that mark a JSON/YAML file as meant for us even when it does not parse. */
const INPUT_MARKERS = ['AWSTemplateFormatVersion', '"Resources"', 'deploymentTemplate', 'planned_values', '"resources"', 'Resources:'];

/** Reads every input under `paths`, recognises and loads each, links fragments, and builds the estate graph. */
export async function loadEstate(paths: readonly string[], options: EstateOptions = {}): Promise<LoadedEstate> {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const collected = collectInputs(paths, cwd);
  const diagnostics: LoadDiagnostic[] = [...collected.diagnostics];
  // `x.parameters.json` beside `x.json` gives the template its deployment values.
  const armPairs = pairArmParameterFiles(collected.files);
  diagnostics.push(...armPairs.diagnostics);
  const resources: Resource[] = [];
  const fragments: ResourceFragment[] = [];
  const used: string[] = [];
  // Terraform source is read as whole modules, and plans are paired with their source: both wait for the end.
  const terraformSources: InputFile[] = [];
  const plans: LoadedPlan[] = [];

  for (const file of collected.files) {
    if (isTerraformSourceFile(file.path)) {
      terraformSources.push(file);
      continue;
    }
    const read = readInput(file, maxBytes);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      used.push(file.path);
      continue;
    }
    const paired = armPairs.byTemplate.get(file.absolute);
    const armParameters = paired ? readPairedParameters(paired, maxBytes) : undefined;
    const result = await loadFile(file, read.text, armParameters ? { ...options, armParameters } : options);
    if (result === 'skipped') continue;
    used.push(file.path);
    if ('plan' in result) {
      plans.push({ file, plan: result.plan });
      continue;
    }
    resources.push(...result.resources);
    fragments.push(...result.fragments);
    diagnostics.push(...result.diagnostics);
  }

  if (terraformSources.length > 0 || plans.length > 0) {
    options.onProgress?.(`evaluating ${terraformSources.length} Terraform file${terraformSources.length === 1 ? '' : 's'} and ${plans.length} plan${plans.length === 1 ? '' : 's'}`);
    const result = await loadTerraform(terraformSources, plans, {
      cwd,
      maxFileBytes: maxBytes,
      ...(options.terraform?.vars ? { vars: options.terraform.vars } : {}),
      ...(options.terraform?.varFiles ? { varFiles: options.terraform.varFiles } : {}),
    });
    used.push(...terraformSources.map((f) => f.path));
    resources.push(...result.resources);
    fragments.push(...result.fragments);
    diagnostics.push(...result.diagnostics);
  }

  const linked = linkFragments(resources, fragments);
  diagnostics.push(...linked.diagnostics);
  return { estate: new ResourceGraph<Resource>(linked.resources), diagnostics, files: used };
}

type FileLoad = { resources: Resource[]; fragments: ResourceFragment[]; diagnostics: LoadDiagnostic[] } | { plan: LoadedPlan['plan'] } | 'skipped';

async function loadFile(file: InputFile, text: string, options: LoadOptions): Promise<FileLoad> {
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  const notOurs = (message: string): FileLoad =>
    file.explicit
      ? { resources: [], fragments: [], diagnostics: [{ code: 'not-a-template', severity: 'error', file: file.path, line: 1, column: 1, message }] }
      : 'skipped';

  if (looksJson) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      // ARM templates may carry comments: let a comment-tolerant loader try before calling it malformed.
      const tolerant = FILE_FORMATS.find((f) => f.kind === 'text' && f.detect(undefined, file, text));
      if (tolerant) return tolerant.load(file, text, undefined, options);
      if (!file.explicit && !INPUT_MARKERS.some((m) => text.includes(m))) return 'skipped';
      const p = jsonErrorPosition(text, e);
      return { resources: [], fragments: [], diagnostics: [{ code: 'parse-error', severity: 'error', file: file.path, line: p.line, column: p.column, message: `invalid JSON: ${p.message}` }] };
    }
    // Plans are adapted with the Terraform source they may belong to (see terraform.ts).
    if (isTerraformPlan(doc)) return { plan: loadTerraformPlan(file.path, text, doc) };
    const format = FILE_FORMATS.find((f) => f.kind === 'json' && f.detect(doc, file, text));
    if (!format) return notOurs('valid JSON, but not a recognised input (CloudFormation, ARM, Terraform plan, or a CLI export)');
    return format.load(file, text, doc, options);
  }
  const format = FILE_FORMATS.find((f) => f.kind === 'text' && f.detect(undefined, file, text));
  if (!format) return notOurs('not a recognised input (CloudFormation, ARM, Terraform plan, Terraform source, or a CLI export)');
  return format.load(file, text, undefined, options);
}
