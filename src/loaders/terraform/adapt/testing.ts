import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadDiagnostic } from '../../../model/core/index.js';
import { ResourceGraph } from '../../../model/core/index.js';
import type { Resource, ResourceKind, ResourceOfKind } from '../../../model/index.js';
// eslint-disable-next-line no-restricted-imports -- test support only: assertions run on what the scan's real linker makes
import { linkFragments } from '../../../scan/link.js';
import type { LoadResult } from '../../types.js';
import { loadTerraformPlan } from '../plan/load-plan.js';
import { adaptTerraform } from './index.js';

/** Test support: a plan fixture through the real loader, adapter and the scan's fragment linker. */

export function planFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../plan/__fixtures__/${name}/plan.json`, import.meta.url)), 'utf8');
}

export interface Adapted {
  readonly result: LoadResult;
  readonly linked: ResourceGraph<Resource>;
  readonly linkDiagnostics: LoadDiagnostic[];
  one<K extends ResourceKind>(kind: K, key: string): ResourceOfKind<K>;
}

export function adaptPlan(text: string, file = 'infra/plan.json'): Adapted {
  const loaded = loadTerraformPlan(file, text, JSON.parse(text));
  if (loaded.diagnostics.length > 0) throw new Error(`plan diagnostics: ${JSON.stringify(loaded.diagnostics)}`);
  const result = adaptTerraform(loaded.instances, loaded.variables);
  const linked = linkFragments(result.resources, result.fragments);
  const graph = new ResourceGraph<Resource>(linked.resources);
  return {
    result,
    linked: graph,
    linkDiagnostics: linked.diagnostics,
    one<K extends ResourceKind>(kind: K, key: string): ResourceOfKind<K> {
      const found = graph.lookup(key, kind)[0];
      if (!found) throw new Error(`no ${kind} ${key}`);
      return found as ResourceOfKind<K>;
    },
  };
}
