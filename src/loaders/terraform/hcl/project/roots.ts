import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isConfigFile } from './module-files.js';
import type { ModuleCache } from './module-files.js';
import { localModuleDirs } from './module-tree.js';

const SKIPPED_DIRS = new Set(['.git', '.terraform', 'node_modules', '.hg', '.svn', '.terragrunt-cache']);

/** Folders holding `.tf` / `.tf.json` files among the given files and folders (folders are walked). */
export function configDirs(paths: readonly string[], cwd: string): string[] {
  const dirs = new Set<string>();
  const walk = (abs: string): void => {
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    let has = false;
    for (const n of names) {
      const child = path.join(abs, n);
      let st;
      try {
        st = statSync(child);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIPPED_DIRS.has(n)) walk(child);
      } else if (isConfigFile(n)) has = true;
    }
    if (has) dirs.add(abs);
  };
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else if (isConfigFile(abs)) dirs.add(path.dirname(abs));
  }
  // Module copies made by `terraform init` are reached through their root, never scanned as roots.
  return [...dirs].filter((d) => !d.split(path.sep).includes('.terraform')).sort();
}

/**
 * Root modules among the folders: a folder another scanned folder calls as a local module is not a root. Folders
 * that only call each other in a loop get their first (by path) as root, so nothing is silently dropped.
 */
export function findRoots(dirs: readonly string[], cache: ModuleCache): string[] {
  const set = new Set(dirs);
  const edges = new Map<string, string[]>();
  const called = new Set<string>();
  for (const d of dirs) {
    const config = cache.load(d);
    const targets = config ? localModuleDirs(config, d).filter((t) => set.has(t)) : [];
    edges.set(d, targets);
    for (const t of targets) called.add(t);
  }
  const roots = dirs.filter((d) => !called.has(d));
  const reached = new Set<string>();
  const reach = (start: string): void => {
    const stack = [start];
    while (stack.length > 0) {
      const d = stack.pop() as string;
      if (reached.has(d)) continue;
      reached.add(d);
      for (const t of edges.get(d) ?? []) stack.push(t);
    }
  };
  for (const r of roots) reach(r);
  for (const d of dirs) {
    if (!reached.has(d)) {
      roots.push(d);
      reach(d);
    }
  }
  return roots.sort();
}
