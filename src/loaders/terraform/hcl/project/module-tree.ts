import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadDiagnostic } from '../../../../model/core/index.js';
import type { ModuleCallConfig, ModuleConfig } from '../module/config.js';
import { displayPath } from './host.js';
import type { ModuleCache } from './module-files.js';

export type Resolution = { readonly config: ModuleConfig; readonly absDir: string } | { readonly why: string };

const MAX_MODULE_DEPTH = 32;

/** A local source: `./x` or `../x` (https://developer.hashicorp.com/terraform/language/modules/sources#local-paths). */
export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..' || source.startsWith('.\\') || source.startsWith('..\\');
}

interface ModulesJsonEntry {
  readonly Key: string;
  readonly Source?: string;
  readonly Dir: string;
}

/** `.terraform/modules/modules.json`, written by `terraform init`: module path → local copy. */
function readModulesJson(rootAbs: string): Map<string, string> {
  const out = new Map<string, string>();
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path.join(rootAbs, '.terraform', 'modules', 'modules.json'), 'utf8'));
  } catch {
    return out;
  }
  const mods = (doc as { Modules?: unknown }).Modules;
  if (!Array.isArray(mods)) return out;
  for (const m of mods as ModulesJsonEntry[]) {
    if (typeof m?.Key !== 'string' || typeof m.Dir !== 'string' || m.Key === '') continue;
    const dir = path.resolve(rootAbs, m.Dir);
    // Only copies inside the root folder are used: modules.json is input like any other file.
    const rel = path.relative(rootAbs, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    out.set(m.Key, dir);
  }
  return out;
}

/**
 * Resolves every module call reachable from a root, by module path (`vpc`, `vpc.subnets`). Sources are literal
 * strings in Terraform, so the whole tree is known before evaluation. Nothing is downloaded.
 */
export function resolveModuleTree(rootAbs: string, root: ModuleConfig, cache: ModuleCache, cwd: string, diagnostics: LoadDiagnostic[]): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  const installed = readModulesJson(rootAbs);

  const walk = (config: ModuleConfig, absDir: string, callPath: string, chain: readonly string[]): void => {
    for (const call of config.modules.values()) {
      const childPath = callPath === '' ? call.name : `${callPath}.${call.name}`;
      const r = resolveCall(call, absDir, childPath, chain);
      out.set(childPath, r);
      if ('config' in r) walk(r.config, r.absDir, childPath, [...chain, r.absDir]);
    }
  };

  const resolveCall = (call: ModuleCallConfig, parentAbs: string, childPath: string, chain: readonly string[]): Resolution => {
    const at = call.at;
    const report = (code: LoadDiagnostic['code'], message: string): Resolution => {
      diagnostics.push({ code, severity: code === 'cycle' ? 'error' : 'warning', file: at.file, line: at.line, column: at.column, message });
      return { why: message };
    };
    if (call.source === null) return report('module-not-resolved', `module \`${call.name}\` has no literal \`source\`; its resources are not scanned`);
    if (chain.length > MAX_MODULE_DEPTH) return report('too-deep', `modules nested more than ${MAX_MODULE_DEPTH} deep at \`${call.name}\`; not scanned`);
    let absDir: string | undefined;
    if (isLocalSource(call.source)) absDir = path.resolve(parentAbs, call.source);
    else {
      absDir = installed.get(childPath);
      if (absDir === undefined) {
        return report('module-not-resolved', `module \`${call.name}\` (source \`${call.source}\`) is not available locally (run \`terraform init\` to have it in .terraform/modules); its resources are not scanned`);
      }
    }
    if (chain.includes(absDir)) {
      return report('cycle', `module \`${call.name}\` sources \`${displayPath(cwd, absDir)}\`, which is itself or one of its callers; not instantiated`);
    }
    const config = cache.load(absDir);
    if (!config) return report('module-not-resolved', `module \`${call.name}\`: no .tf files in \`${displayPath(cwd, absDir)}\`; its resources are not scanned`);
    return { config, absDir };
  };

  walk(root, rootAbs, '', [rootAbs]);
  return out;
}

/** Local module folders a module calls (for root discovery): the callers are roots, the callees are not. */
export function localModuleDirs(config: ModuleConfig, absDir: string): string[] {
  const out: string[] = [];
  for (const call of config.modules.values()) {
    if (call.source !== null && isLocalSource(call.source)) {
      const d = path.resolve(absDir, call.source);
      if (d !== absDir) out.push(d);
    }
  }
  return out;
}
