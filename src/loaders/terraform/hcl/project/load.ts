import path from 'node:path';
import type { LoadDiagnostic } from '../../../../model/core/index.js';
import { dedupeDiagnostics } from '../../../common/diagnostics.js';
import type { TfResourceInstance, TfVariable } from '../../types.js';
import { encodeJson } from '../eval/functions/encoding.js';
import { evaluate } from '../eval/evaluate.js';
import { containsUnknown, primitiveString } from '../eval/values.js';
import type { ModuleConfig, VariableConfig } from '../module/config.js';
import { ModuleInstance } from '../module/instance.js';
import type { InstanceRecord, RootRun } from '../module/instance.js';
import { terraformParser } from '../syntax/tree-sitter.js';
import { LoadHost, displayPath } from './host.js';
import type { SourceLocation } from './locate.js';
import { SourceIndex } from './locate.js';
import { DEFAULT_MAX_FILE_BYTES, ModuleCache } from './module-files.js';
import { resolveModuleTree } from './module-tree.js';
import { configDirs, findRoots } from './roots.js';
import { interpretRaw, rootVariableValues } from './variables.js';
import type { VariableInputs } from './variables.js';

export interface TerraformLoadOptions extends VariableInputs {
  /** Paths in positions and keys are shown relative to this folder (default: the process's working directory). */
  readonly cwd?: string;
  readonly maxFileBytes?: number;
}

/** One root module that was evaluated. */
export interface TerraformRoot {
  /** The root module folder as shown (relative to cwd): the first half of its instances' keys. */
  readonly dir: string;
  readonly absDir: string;
  /** Source position of a resource instance (or, when instance keys differ, of its block) by address. */
  locate(address: string): SourceLocation | undefined;
}

export interface TerraformLoadResult {
  readonly instances: TfResourceInstance[];
  readonly variables: TfVariable[];
  readonly diagnostics: LoadDiagnostic[];
  readonly roots: TerraformRoot[];
  /** Milliseconds spent reading+parsing and evaluating (for the benchmark). */
  readonly timings: { readonly parseMs: number; readonly evaluateMs: number; readonly files: number };
}

/**
 * Loads Terraform source: finds the root modules among `paths` (files or folders), evaluates each with its
 * variables (tfvars, --var-file, --var, TF_VAR_), local modules and installed module copies, and returns every
 * resource and data source instance. Never downloads, never executes; problems become diagnostics.
 */
export async function loadTerraformProjects(paths: readonly string[], options: TerraformLoadOptions = {}): Promise<TerraformLoadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const parser = await terraformParser();
  const host = new LoadHost(parser, cwd, [cwd]);
  const diagnostics = host.diagnostics;
  const cache = new ModuleCache(parser, cwd, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, diagnostics);
  const env = options.env ?? process.env;

  const t0 = performance.now();
  const dirs = configDirs(paths, cwd);
  for (const d of dirs) host.allow(d);
  const roots = findRoots(dirs, cache);

  const instances: TfResourceInstance[] = [];
  const variables: TfVariable[] = [];
  const rootsOut: TerraformRoot[] = [];
  let evaluateMs = 0;
  for (const rootAbs of roots) {
    const config = cache.load(rootAbs);
    if (!config) continue;
    const resolutions = resolveModuleTree(rootAbs, config, cache, cwd, diagnostics);
    // file()/templatefile() in a module may read below the module's own folder, wherever it is.
    for (const r of resolutions.values()) if ('absDir' in r) host.allow(r.absDir);
    const e0 = performance.now();
    const rawVars = rootVariableValues(rootAbs, { ...options, env }, cwd, host, diagnostics);
    const rootKey = displayPath(cwd, rootAbs);
    const run: RootRun = {
      host,
      rootKey,
      rootAbs,
      stack: [],
      pathModule: (c: ModuleConfig) => {
        const rel = path.relative(rootAbs, path.resolve(cwd, c.dir));
        return rel === '' ? '.' : rel.split(path.sep).join('/');
      },
      rootVariable: (v: VariableConfig) => {
        const raw = rawVars.get(v.name);
        return raw ? interpretRaw(raw, v, parser, host) : undefined;
      },
      childModule: (callPath: string) => resolutions.get(callPath),
    };
    const root = new ModuleInstance(run, config, '', '', null, undefined);
    const records: InstanceRecord[] = [];
    root.collect(records);
    for (const r of records) instances.push(publicInstance(r));
    for (const v of config.variables.values()) variables.push(rootVariable(v, rootKey, host));
    const index = new SourceIndex(records);
    rootsOut.push({ dir: rootKey, absDir: rootAbs, locate: (a) => index.locate(a) });
    evaluateMs += performance.now() - e0;
  }
  const total = performance.now() - t0;
  return {
    instances,
    variables,
    diagnostics: dedupeDiagnostics(diagnostics),
    roots: rootsOut,
    timings: { parseMs: cache.parseMs, evaluateMs: Math.min(evaluateMs, total), files: cache.filesParsed },
  };
}

function publicInstance(r: InstanceRecord): TfResourceInstance {
  return {
    mode: r.mode,
    type: r.type,
    name: r.name,
    address: r.address,
    key: r.key,
    values: r.values,
    at: r.at,
    ...(r.unknownExpansion !== undefined ? { unknownExpansion: r.unknownExpansion } : {}),
  };
}

function rootVariable(v: VariableConfig, rootKey: string, host: LoadHost): TfVariable {
  let def: string | null = null;
  if (v.default) {
    const d = evaluate(v.default, { mod: null, frame: null, host });
    if (d.t !== 'null' && !containsUnknown(d)) def = primitiveString(d) ?? encodeJson(d);
  }
  return { name: v.name, sensitive: v.sensitive, default: def, key: `${rootKey}::var.${v.name}`, at: v.at };
}
