import { basename, dirname, join } from 'node:path';
import { readArmParameters } from '../loaders/arm/index.js';
import type { LoadDiagnostic } from '../model/core/index.js';
import type { InputFile } from './read-inputs.js';
import { readInput } from './read-inputs.js';

/**
 * ARM parameter files paired with their templates by name, among the scanned inputs. Microsoft's convention: the
 * parameter file of `azuredeploy.json` is `azuredeploy.parameters.json`, and one per environment is named like
 * `azuredeploy.parameters-dev.json` (`.parameters.dev.json` is as common).
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files#file-name
 */

/** `x.parameters.json` → `x.json`; `x.parameters-prod.json` / `x.parameters.prod.json` → `x.json` (environment). */
export function templateNameFor(fileName: string): { template: string; environment?: string } | undefined {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.json')) return undefined;
  const stem = fileName.slice(0, -'.json'.length);
  const at = stem.toLowerCase().lastIndexOf('.parameters');
  if (at <= 0) return undefined;
  const rest = stem.slice(at + '.parameters'.length);
  const template = `${stem.slice(0, at)}.json`;
  if (rest === '') return { template };
  if ((rest.startsWith('-') || rest.startsWith('.')) && rest.length > 1 && !rest.slice(1).includes('.')) return { template, environment: rest.slice(1) };
  return undefined;
}

export interface ArmParameterPairing {
  /** Template (absolute path) → the parameter file whose values it is loaded with. */
  readonly byTemplate: ReadonlyMap<string, InputFile>;
  /** Templates beside several environment files and no plain one: which values apply is not for us to guess. */
  readonly diagnostics: readonly LoadDiagnostic[];
}

/**
 * Pairs each template with the parameter file beside it, when both are among the inputs: the plain
 * `x.parameters.json` if there is one, else the only environment file. Several environment files and no plain one
 * pair with nothing and say so (scan one environment at a time by naming its files).
 */
export function pairArmParameterFiles(files: readonly InputFile[]): ArmParameterPairing {
  const byAbsolute = new Map(files.map((f) => [f.absolute, f]));
  const candidates = new Map<string, { plain?: InputFile; environments: InputFile[] }>();
  for (const f of files) {
    const name = templateNameFor(basename(f.absolute));
    if (!name) continue;
    const template = join(dirname(f.absolute), name.template);
    if (!byAbsolute.has(template)) continue;
    let c = candidates.get(template);
    if (!c) candidates.set(template, (c = { environments: [] }));
    if (name.environment === undefined) c.plain = f;
    else c.environments.push(f);
  }
  const byTemplate = new Map<string, InputFile>();
  const diagnostics: LoadDiagnostic[] = [];
  for (const [template, c] of candidates) {
    const chosen = c.plain ?? (c.environments.length === 1 ? c.environments[0] : undefined);
    if (chosen) {
      byTemplate.set(template, chosen);
      continue;
    }
    const names = c.environments.map((f) => `\`${f.path}\``).sort();
    diagnostics.push({
      code: 'unlinked', severity: 'warning', file: byAbsolute.get(template)!.path, line: 1, column: 1,
      message: `${names.length} parameter files sit beside this template (${names.join(', ')}); none is applied, so parameters keep their defaults. Scan one environment at a time by naming the template and its parameter file`,
    });
  }
  return { byTemplate, diagnostics };
}

/**
 * The values of a paired parameter file, or undefined when it cannot be read or is not a parameter file (its own
 * load reports why). Key Vault references stay out: they are resolved at deployment.
 */
export function readPairedParameters(file: InputFile, maxBytes: number): Record<string, unknown> | undefined {
  const read = readInput(file, maxBytes);
  if (!read.ok) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(read.text);
  } catch {
    return undefined;
  }
  return readArmParameters(doc);
}
