import type { Attr, DiagnosticCode, LoadDiagnostic, Provenance } from '../../model/core/index.js';
import { known, unknown } from '../../model/core/index.js';
import type { Resource, ResourceFragment, TemplateParameter } from '../../model/index.js';
import type { LoadResult } from '../types.js';
import type { Value } from '../common/value.js';
import { ADAPTERS } from './adapt/index.js';
import type { AdaptSink, ArmResource } from './adapt/index.js';
import { isArmParametersFile, isArmTemplate } from './detect.js';
import { BUILTIN_FUNCTIONS } from './eval/functions/index.js';
import type { DeploymentTarget } from './eval/ids.js';
import { PLACEHOLDERS, providerPath } from './eval/ids.js';
import { EMPTY_FRAME, TemplateScope } from './eval/scope.js';
import { LoadState } from './eval/state.js';
import { fromJs, jsonText, symbolic } from './eval/values.js';
import { LineIndex, detectionView, parseJson, prop, stringOf } from './json.js';
import { Collector, schemaScope } from './resources.js';

export { isArmParametersFile, isArmTemplate, readArmParameters } from './detect.js';

/** Where the template is deployed, when the caller knows; anything not given stays a placeholder or unknown. */
export interface ArmDeploymentContext {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly managementGroup?: string;
  readonly tenantId?: string;
  /** The resource group's location (`resourceGroup().location`). */
  readonly location?: string;
  readonly deploymentName?: string;
}

export interface ArmLoadOptions {
  /** Parameter values by name (matched case-insensitively), as plain JSON values. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly deployment?: ArmDeploymentContext;
}

/**
 * Loads an ARM template (JSON with comments) into the model: parse with positions, evaluate the template language
 * (parameters, variables, functions, copy loops, conditions, nested deployments), adapt every resource type the model
 * expresses. Never throws for bad input: problems are diagnostics with file, line and column, and the rest loads.
 */
export function loadArmTemplate(file: string, text: string, options: ArmLoadOptions = {}): LoadResult {
  const lines = new LineIndex(file, text);
  const diagnostics: LoadDiagnostic[] = [];
  const fail = (code: DiagnosticCode, offset: number, message: string): LoadResult => {
    const p = lines.lineCol(offset);
    diagnostics.push({ code, severity: 'error', file, line: p.line, column: p.column, message });
    return { resources: [], fragments: [], diagnostics };
  };

  const parsed = parseJson(text);
  if (!parsed.ok) return fail(parsed.code, parsed.offset, parsed.message);
  const root = parsed.root;
  const doc = detectionView(root);
  // A parameters file holds values for a template; it is not one, and not an error either.
  if (isArmParametersFile(doc)) return { resources: [], fragments: [], diagnostics };
  if (!isArmTemplate(doc)) {
    return fail('not-a-template', root.offset, 'not an ARM template: no deployment template `$schema` and no `resources` of `Namespace/type` with an `apiVersion`');
  }

  const state = new LoadState(file, text, lines);
  const d = options.deployment ?? {};
  const target: DeploymentTarget = {
    scope: schemaScope(root),
    subscriptionId: d.subscriptionId ?? PLACEHOLDERS.subscriptionId,
    resourceGroup: d.resourceGroup ?? PLACEHOLDERS.resourceGroup,
    managementGroup: d.managementGroup ?? PLACEHOLDERS.managementGroup,
    tenantId: d.tenantId ?? PLACEHOLDERS.tenantId,
  };
  const supplied = new Map<string, (at: Provenance) => Value>();
  for (const [name, value] of Object.entries(options.parameters ?? {})) supplied.set(name.toLowerCase(), (at) => fromJs(value, at));
  const rootAt = lines.at(root);
  const top = new TemplateScope(state, root, {
    target,
    supplied,
    depth: 0,
    deploymentName: d.deploymentName !== undefined
      ? { t: 'string', v: d.deploymentName, at: rootAt }
      : symbolic('the deployment name is chosen at deployment', rootAt, '{deploymentName}'),
    ...(d.location !== undefined ? { location: d.location } : {}),
    functions: BUILTIN_FUNCTIONS,
  });

  const collector = new Collector(state, BUILTIN_FUNCTIONS);
  collector.collect(top, target, prop(root, 'resources'), EMPTY_FRAME);
  collector.evaluateBodies();

  const resources: Resource[] = [];
  const fragments: ResourceFragment[] = [];
  const sink: AdaptSink = {
    resources,
    fragments,
    report: (code, severity, at, message) => state.report(code, severity, at, message),
  };
  for (const inst of collector.instances) {
    const adapter = ADAPTERS[adapterType(inst.type, inst.nameText)];
    if (!adapter || !inst.body) continue;
    try {
      adapter(inst as ArmResource, sink);
    } catch (e) {
      // Adapters are total over evaluated values; this keeps one odd resource from losing the whole file.
      state.report('invalid-value', 'error', inst.at, `${inst.type} \`${inst.nameText}\` could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  supersedeInlineRules(resources, fragments);
  for (const p of parameters(top, `${file}#`)) resources.push(p);
  for (const n of collector.nested) {
    for (const p of parameters(n.scope, `${file}#${n.deployment.nameText}/`)) resources.push(p);
  }
  // Outputs are not part of the model, but a broken expression there is still a broken template.
  const outputs = prop(root, 'outputs');
  if (outputs?.type === 'object') for (const o of outputs.children ?? []) {
    const v = prop(o.children?.[1], 'value');
    if (v !== undefined) top.evaluate(v, EMPTY_FRAME);
  }
  return { resources, fragments, diagnostics: [...diagnostics, ...state.diagnostics] };
}

/**
 * A rule declared both inline in its group and as a separate `securityRules` resource (as portal exports write every
 * rule) is one rule: the separate resource, deployed after the group, is kept and the inline copy dropped.
 */
function supersedeInlineRules(resources: Resource[], fragments: ResourceFragment[]): void {
  const separate = new Map<string, Set<string>>();
  for (const f of fragments) {
    if (f.targetKind !== 'azure.network.nsg' || !f.target.known) continue;
    const names = separate.get(f.target.value.toLowerCase()) ?? new Set<string>();
    for (const r of f.fields.rules ?? []) if (r.name.known) names.add(r.name.value.toLowerCase());
    separate.set(f.target.value.toLowerCase(), names);
  }
  if (separate.size === 0) return;
  resources.forEach((r, i) => {
    if (r.kind !== 'azure.network.nsg') return;
    const names = separate.get(r.key);
    if (!names) return;
    const rules = r.rules.filter((rule) => !(rule.name.known && names.has(rule.name.value.toLowerCase())));
    if (rules.length !== r.rules.length) resources[i] = { ...r, rules };
  });
}

/**
 * The type an adapter is registered under. An extension resource written in the old form
 * (`Microsoft.Storage/storageAccounts/providers/roleAssignments` named `acct/Microsoft.Authorization/<guid>`) is a
 * `Microsoft.Authorization/roleAssignments`.
 */
function adapterType(type: string, nameText: string): string {
  if (!type.toLowerCase().includes('/providers/')) return type.toLowerCase();
  const p = providerPath(type, nameText.split('/'));
  if (!p.ok) return type.toLowerCase();
  const tail = p.id.slice(p.id.toLowerCase().lastIndexOf('/providers/') + '/providers/'.length).split('/');
  const types = tail.filter((_, i) => i % 2 === 1);
  return [tail[0], ...types].join('/').toLowerCase();
}

/**
 * Each declared parameter as `iac.parameter`: secrets are passed (or defaulted) through them. `securestring` and
 * `secureObject` hide the value. https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters
 */
function parameters(scope: TemplateScope, keyPrefix: string): TemplateParameter[] {
  const out: TemplateParameter[] = [];
  for (const { name, decl } of scope.parameterDecls()) {
    const at = scope.at(decl);
    const typeNode = prop(decl, 'type');
    const type = (stringOf(typeNode) ?? '').toLowerCase();
    const dflt = prop(decl, 'defaultValue');
    let defaultValue: Attr<string | null> = known(null, at);
    if (dflt !== undefined) {
      const v = scope.evaluate(dflt, EMPTY_FRAME);
      if (v.t === 'string') defaultValue = known(v.v, v.at);
      else if (v.t === 'null') defaultValue = known(null, v.at);
      else if (v.t === 'unknown') defaultValue = unknown(v.at, v.why);
      else {
        const json = v.t === 'number' || v.t === 'bool' ? String(v.v) : jsonText(v);
        defaultValue = json !== undefined ? known(json, v.at) : unknown(v.at, 'the default holds values known only at deployment');
      }
    }
    out.push({
      kind: 'iac.parameter',
      key: `${keyPrefix}${name}`,
      aliases: [],
      native: { type: 'Parameter', name, address: `parameters('${name}')` },
      at,
      name,
      hidden: known(type === 'securestring' || type === 'secureobject', typeNode ? scope.at(typeNode) : at),
      defaultValue,
    });
  }
  return out;
}
