import { dirname } from 'node:path';
import type { LoadDiagnostic, Provenance } from '../../../model/core/index.js';
import { filePos } from '../../../model/core/index.js';
import type { TfResourceInstance, TfVariable } from '../types.js';
import type { Key, ModuleStep } from './address.js';
import { parseResourceAddress, resourceId } from './address.js';
import { PlanConfig, RefResolver } from './config.js';
import type { JsonNode, Shape } from './json-scan.js';
import { ALL, JsonScanError, JsonScanner } from './json-scan.js';
import { LineIndex } from '../../common/line-index.js';
import type { JsonObject } from './json.js';
import { arr, isObject, obj, str, strings } from './json.js';
import type { BuildEnv } from './values.js';
import { buildResourceValues, sensitivePaths } from './values.js';

/**
 * Loads `terraform show -json` output: a saved plan (`planned_values`, `resource_changes`, `configuration`,
 * `prior_state`, `variables`) or a state (`values`). Never throws for bad input: every problem is a diagnostic with
 * a position, and what can be read is still returned.
 * https://developer.hashicorp.com/terraform/internals/json-format
 */

export interface PlanLoad {
  readonly instances: TfResourceInstance[];
  readonly variables: TfVariable[];
  readonly diagnostics: LoadDiagnostic[];
}

/** A plan (or state) as `terraform show -json` writes it: recognised by content, not by file name. */
export function isTerraformPlan(parsed: unknown): boolean {
  const o = obj(parsed);
  if (!o || typeof o['format_version'] !== 'string') return false;
  if ('planned_values' in o || 'resource_changes' in o) return true;
  return typeof o['terraform_version'] === 'string' && ('configuration' in o || 'prior_state' in o || isObject(obj(o['values'])?.['root_module']));
}

/** Which offsets to record in the first pass: resource objects (scanned fully later, one at a time) and variables. */
const MODULE: { keys: Record<string, Shape> } = { keys: {} };
MODULE.keys['resources'] = { items: {} };
MODULE.keys['child_modules'] = { items: MODULE };
const PLAN_SHAPE: Shape = {
  keys: {
    planned_values: { keys: { root_module: MODULE } },
    values: { keys: { root_module: MODULE } },
    prior_state: { keys: { values: { keys: { root_module: MODULE } } } },
    resource_changes: { items: {} },
    variables: ALL,
    configuration: { keys: { root_module: { keys: { variables: ALL } } } },
    format_version: {},
    errored: {},
  },
};

/** The plan format versions whose meaning we know: major version 1 (0.x before Terraform 1.0). */
const SUPPORTED_MAJOR = new Set(['0', '1']);

export function loadTerraformPlan(file: string, text: string, parsedJson?: unknown): PlanLoad {
  const diagnostics: LoadDiagnostic[] = [];
  const lines = new LineIndex(file, text);
  const diag = (code: LoadDiagnostic['code'], severity: LoadDiagnostic['severity'], offset: number, message: string): void => {
    const p = lines.lineCol(offset);
    diagnostics.push({ code, severity, file, line: p.line, column: p.column, message });
  };
  const empty = (): PlanLoad => ({ instances: [], variables: [], diagnostics });

  let parsed = parsedJson;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
    } catch (e) {
      let offset = text.length;
      let message = e instanceof Error ? e.message : String(e);
      try {
        new JsonScanner(text).validate();
      } catch (se) {
        if (se instanceof JsonScanError) { offset = se.offset; message = se.message; }
      }
      diag('parse-error', 'error', offset, `invalid JSON: ${message}`);
      return empty();
    }
  }
  if (!isTerraformPlan(parsed)) {
    diag('not-a-template', 'error', 0, 'valid JSON, but not a Terraform plan: expected `terraform show -json` output with `format_version` and `planned_values`');
    return empty();
  }
  const plan = parsed as JsonObject;

  let root: JsonNode | undefined;
  try {
    root = new JsonScanner(text).scan(0, PLAN_SHAPE);
  } catch (e) {
    // The document parsed, so this only happens when the text given is not the text parsed: keep going unpositioned.
    diag('parse-error', 'warning', e instanceof JsonScanError ? e.offset : 0, 'could not locate values in the plan text; findings point at the start of the file');
  }
  const at = (n: JsonNode | undefined, fallback: Provenance = filePos(file)): Provenance => (n ? lines.span(n.start, n.end) : fallback);

  const version = str(plan['format_version']) ?? '';
  const major = version.split('.')[0] ?? '';
  if (!SUPPORTED_MAJOR.has(major)) {
    diag('invalid-template', 'error', root?.props?.get('format_version')?.start ?? 0, `unsupported plan format_version \`${version}\` (this reader knows major version 1)`);
    return empty();
  }
  if (plan['errored'] === true) {
    diag('invalid-template', 'warning', root?.props?.get('errored')?.start ?? 0, 'this plan was written by a `terraform plan` that failed; resources it did not reach are missing');
  }

  const dir = dirname(file);
  const keyOf = (address: string): string => `${dir}::${address}`;
  const config = new PlanConfig(plan['configuration']);
  const resolver = new RefResolver(config);

  // Index every change by address: unknown-ness and sensitivity live there, and deleted resources are skipped.
  const changes = new Map<string, { change: JsonObject; node: JsonNode | undefined }>();
  arr(plan['resource_changes']).forEach((rc, i) => {
    const o = obj(rc);
    const address = str(o?.['address']);
    if (!o || !address || o['deposed'] !== undefined) return;
    changes.set(address, { change: o, node: root?.props?.get('resource_changes')?.items?.[i] });
  });

  interface Pending { readonly json: JsonObject; readonly node: JsonNode | undefined; readonly source: 'planned' | 'prior' | 'change' }
  const pending = new Map<string, Pending>();
  const collect = (module: unknown, node: JsonNode | undefined, source: Pending['source'], onlyData: boolean, depth: number): void => {
    const m = obj(module);
    if (!m || depth > 64) return;
    arr(m['resources']).forEach((r, i) => {
      const ro = obj(r);
      const address = str(ro?.['address']);
      if (!ro || !address || pending.has(address)) return;
      if (onlyData && ro['mode'] !== 'data') return;
      pending.set(address, { json: ro, node: node?.props?.get('resources')?.items?.[i], source });
    });
    arr(m['child_modules']).forEach((c, i) => collect(c, node?.props?.get('child_modules')?.items?.[i], source, onlyData, depth + 1));
  };
  const rootModule = (key: string): { json: unknown; node: JsonNode | undefined } => ({
    json: obj(plan[key])?.['root_module'],
    node: root?.props?.get(key)?.props?.get('root_module'),
  });
  const planned = rootModule('planned_values');
  collect(planned.json, planned.node, 'planned', false, 0);
  const state = rootModule('values');
  collect(state.json, state.node, 'planned', false, 0);
  // Data sources read while planning are only in the prior state.
  const prior = obj(plan['prior_state']);
  collect(obj(prior?.['values'])?.['root_module'], root?.props?.get('prior_state')?.props?.get('values')?.props?.get('root_module'), 'prior', true, 0);
  // A plan without planned values (or a change missing from them) still describes the resource in its change.
  for (const [address, c] of changes) {
    if (pending.has(address) || isDeleteOnly(c.change)) continue;
    const after = obj(c.change['change'])?.['after'];
    if (!isObject(after)) continue;
    pending.set(address, { json: { ...c.change, values: after }, node: c.node, source: 'change' });
  }

  interface Parsed { readonly address: string; readonly p: Pending; readonly mods: ModuleStep[]; readonly mode: 'managed' | 'data'; readonly type: string; readonly name: string; readonly id: string; readonly index?: Key }
  const parsedList: Parsed[] = [];
  for (const [address, p] of pending) {
    const change = changes.get(address)?.change;
    if (change && isDeleteOnly(change)) continue;
    const a = parseResourceAddress(address);
    if (!a) {
      diag('invalid-value', 'warning', p.node?.start ?? 0, `resource address \`${address}\` could not be read; the resource is skipped`);
      continue;
    }
    const id = resourceId(a.mode, a.type, a.name);
    resolver.addInstance(a.modules, id, { key: keyOf(address), ...(a.key !== undefined ? { index: a.key } : {}) });
    parsedList.push({ address, p, mods: [...a.modules], mode: a.mode, type: a.type, name: a.name, id, ...(a.key !== undefined ? { index: a.key } : {}) });
  }

  const scanner = new JsonScanner(text);
  const instances: TfResourceInstance[] = [];
  let tooDeepAt: number | undefined;
  for (const r of parsedList) {
    // The resource's own subtree, scanned now and dropped after: offsets for its values only.
    let full: JsonNode | undefined;
    if (r.p.node) {
      try {
        full = scanner.scan(r.p.node.start, ALL);
      } catch {
        full = undefined;
      }
    }
    const valuesNode = r.p.source === 'change' ? full?.props?.get('change')?.props?.get('after') : full?.props?.get('values');
    const change = obj(changes.get(r.address)?.change['change']);
    const block = config.resource(r.mods, r.id);
    const forEach = obj(block?.['for_each_expression']);
    const env: BuildEnv = { lines, resolver, mods: r.mods, self: { ...(r.index !== undefined ? { index: r.index } : {}), ...(forEach ? { forEach } : {}) }, tooDeep: false };
    const instAt = at(full ?? r.p.node);
    const values = buildResourceValues(env, r.p.json['values'], valuesNode, change?.['after_unknown'], block ? obj(block['expressions']) ?? {} : undefined, instAt);
    if (env.tooDeep && tooDeepAt === undefined) tooDeepAt = r.p.node?.start ?? 0;
    const marks = change?.['after_sensitive'] ?? r.p.json['sensitive_values'];
    const sensitive = sensitivePaths(marks);
    instances.push({
      mode: r.mode,
      type: r.type,
      name: r.name,
      address: r.address,
      key: keyOf(r.address),
      values,
      at: instAt,
      ...(sensitive.length > 0 ? { sensitive } : {}),
    });
  }
  if (tooDeepAt !== undefined) diag('too-deep', 'warning', tooDeepAt, 'a value nests deeper than 64 levels; the deeper part is read as unknown');

  return { instances, variables: readVariables(plan, root, lines, file, keyOf), diagnostics };
}

function isDeleteOnly(change: JsonObject): boolean {
  const actions = strings(obj(change['change'])?.['actions']);
  return actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget');
}

/**
 * Root module variables: declared in `configuration.root_module.variables` (default, `sensitive`), given values in
 * `variables`. The default is what the configuration hard-codes, which is what the secret checks judge.
 */
function readVariables(plan: JsonObject, root: JsonNode | undefined, lines: LineIndex, file: string, keyOf: (a: string) => string): TfVariable[] {
  const declared = obj(obj(obj(plan['configuration'])?.['root_module'])?.['variables']) ?? {};
  const declaredNodes = root?.props?.get('configuration')?.props?.get('root_module')?.props?.get('variables')?.props;
  const given = obj(plan['variables']) ?? {};
  const givenNodes = root?.props?.get('variables')?.props;
  const names = new Set([...Object.keys(declared), ...Object.keys(given)]);
  const out: TfVariable[] = [];
  for (const name of [...names].sort()) {
    const d = obj(declared[name]);
    const node = declaredNodes?.get(name) ?? givenNodes?.get(name);
    const dflt = d && 'default' in d ? d['default'] : null;
    out.push({
      name,
      sensitive: d?.['sensitive'] === true,
      default: dflt === null || dflt === undefined ? null : typeof dflt === 'string' ? dflt : JSON.stringify(dflt),
      key: keyOf(`var.${name}`),
      at: node ? lines.span(node.start, node.end) : filePos(file),
    });
  }
  return out;
}
