import type { Node } from 'jsonc-parser';
import type { Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import { str, unknownValue } from '../common/value.js';
import type { DeploymentScope, DeploymentTarget } from './eval/ids.js';
import { declaredResourceId, providerPath, resolveScope } from './eval/ids.js';
import type { FnTable, Frame } from './eval/scope.js';
import { EMPTY_FRAME, TemplateScope, withCopyIndex } from './eval/scope.js';
import type { LoadState } from './eval/state.js';
import { isTruthyBool, symbolOf, symbolic } from './eval/values.js';
import { entries, prop, stringOf } from './json.js';

/** Resource instances one file may expand to (copy loops multiply); the rest is dropped with a diagnostic. */
export const MAX_INSTANCES = 20_000;
/** Inline nested deployments nested deeper than this are not loaded. */
export const MAX_NESTED_DEPLOYMENTS = 8;

/** One resource after copy loops and conditions: what the adapters read. */
export interface ArmInstance {
  readonly scope: TemplateScope;
  /** Where the resource is deployed (a nested deployment may target another resource group or subscription). */
  readonly target: DeploymentTarget;
  readonly node: Node;
  readonly at: Provenance;
  readonly frame: Frame;
  /** Full type as written, e.g. `Microsoft.Network/networkSecurityGroups/securityRules`. */
  readonly type: string;
  /** Full name (`nsg1/rule1`); unknown when an expression in it is. */
  readonly name: Value;
  /** The full name as text, with symbols for unknown parts (`{nsgName}/rule1`). */
  readonly nameText: string;
  readonly nameAt: Provenance;
  /** The resource id as built (case kept); unknown parts are symbols. */
  readonly id: string;
  /** The estate key: the id lowercased. */
  readonly key: string;
  readonly apiVersion: string | undefined;
  readonly parent: ArmInstance | undefined;
  /** For extension resources (`scope` property or `.../providers/...` type): the id of the resource extended. */
  readonly extends: string | undefined;
  /** Evaluated body (everything except structural keys), filled in by `evaluateBodies`. */
  body?: ObjectValue;
}

/** Keys of a resource that are structure, not configuration. */
const STRUCTURAL = new Set(['type', 'name', 'apiversion', 'condition', 'copy', 'dependson', 'resources', 'comments', 'existing', 'scope']);

export function schemaScope(root: Node): DeploymentScope {
  const schema = (stringOf(prop(root, '$schema')) ?? '').toLowerCase();
  if (schema.includes('subscriptiondeploymenttemplate')) return 'subscription';
  if (schema.includes('managementgroupdeploymenttemplate')) return 'managementGroup';
  if (schema.includes('tenantdeploymenttemplate')) return 'tenant';
  return 'resourceGroup';
}

/** A template scope created for an inline nested deployment, with the deployment that holds it. */
export interface NestedScope {
  readonly scope: TemplateScope;
  readonly deployment: ArmInstance;
}

/**
 * Expands a template's resources: copy loops (one instance per iteration), `condition` (false drops the resource,
 * unknown keeps it), child resources nested in `resources` (type and name relative to the parent), languageVersion
 * 2.0 symbolic names and `existing` references, and inline nested deployments.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/resource-declaration
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/child-resource-name-type
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/conditional-resource-deployment
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates#nested-template
 */
export class Collector {
  readonly instances: ArmInstance[] = [];
  readonly nested: NestedScope[] = [];
  #count = 0;
  #capped = false;

  constructor(readonly state: LoadState, readonly functions: FnTable) {}

  collect(scope: TemplateScope, target: DeploymentTarget, resources: Node | undefined, frame: Frame, parent?: ArmInstance): void {
    if (resources === undefined) return;
    if (resources.type === 'array') {
      for (const r of resources.children ?? []) this.#one(scope, target, r, frame, parent, undefined);
    } else if (resources.type === 'object' && scope.languageVersion2 && parent === undefined) {
      for (const [symbolicName, , r] of entries(resources)) this.#one(scope, target, r, frame, parent, symbolicName);
    } else {
      this.state.report('invalid-template', 'error', scope.at(resources), '`resources` must be an array');
    }
  }

  #one(scope: TemplateScope, target: DeploymentTarget, node: Node, frame: Frame, parent: ArmInstance | undefined, symbolicName: string | undefined): void {
    if (node.type !== 'object') {
      this.state.report('invalid-template', 'error', scope.at(node), 'a resource must be an object');
      return;
    }
    const copy = prop(node, 'copy');
    if (copy === undefined) {
      this.#single(scope, target, node, frame, parent, symbolicName);
      return;
    }
    const loopName = stringOf(prop(copy, 'name'));
    const countNode = prop(copy, 'count');
    if (copy.type !== 'object' || loopName === undefined || countNode === undefined) {
      this.state.report('invalid-template', 'error', scope.at(copy), 'a resource `copy` needs a `name` and a `count`');
      return;
    }
    const count = scope.copyCount(countNode, frame, loopName);
    const loop = loopName.toLowerCase();
    if (count === undefined) {
      // Unknown count: one representative instance whose index is unknown, so its configuration is still checked.
      const index = symbolic(`the number of \`${loopName}\` copies is not known`, scope.at(countNode), `{copyIndex('${loopName}')}`);
      this.state.report('unknown-expansion', 'warning', scope.at(countNode),
        `the count of copy loop \`${loopName}\` is not known before deployment: one instance stands for all of them`);
      this.#single(scope, target, node, withCopyIndex(frame, loop, index), parent, symbolicName);
      return;
    }
    for (let i = 0; i < count; i++) {
      this.#single(scope, target, node, withCopyIndex(frame, loop, { t: 'number', v: i, at: scope.at(countNode) }), parent, symbolicName);
    }
  }

  #single(scope: TemplateScope, target: DeploymentTarget, node: Node, frame: Frame, parent: ArmInstance | undefined, symbolicName: string | undefined): void {
    const at = scope.at(node);
    const conditionNode = prop(node, 'condition');
    if (conditionNode !== undefined) {
      const condVal = scope.evaluate(conditionNode, frame);
      const cond = isTruthyBool(condVal);
      if (cond === false) return;
      if (cond === undefined) this.state.report('invalid-template', 'error', scope.at(conditionNode), '`condition` must be a boolean');
      if (cond === 'unknown') {
        const what = symbolOf(prop(node, 'name') ? scope.evaluate(prop(node, 'name') as Node, frame) : condVal) ?? 'the resource';
        this.state.report('conditional', 'warning', scope.at(conditionNode),
          `\`${what}\` is deployed only when its condition holds, which is undecided before deployment (${condVal.t === 'unknown' ? condVal.why : 'unknown'}); it is analysed as if deployed`);
      }
    }
    const typeNode = prop(node, 'type');
    const nameNode = prop(node, 'name');
    if (typeNode === undefined || nameNode === undefined) {
      this.state.report('invalid-template', 'error', at, `a resource needs a \`type\` and a \`name\`${typeNode ? ` (type \`${String(typeNode.value)}\`)` : ''}`);
      return;
    }
    const typeVal = scope.evaluate(typeNode, frame);
    if (typeVal.t !== 'string' || !typeVal.v.includes('/') && parent === undefined) {
      this.state.report('invalid-template', 'error', scope.at(typeNode), typeVal.t === 'string' ? `resource type \`${typeVal.v}\` must be \`Namespace/type\`` : 'resource `type` must be a known string');
      return;
    }
    if (this.#count >= MAX_INSTANCES) {
      if (!this.#capped) {
        this.#capped = true;
        this.state.report('too-large', 'error', at, `the template expands to more than ${MAX_INSTANCES} resources; the rest are not loaded`);
      }
      return;
    }
    this.#count++;
    const nameAt = scope.at(nameNode);
    let nameVal = scope.evaluate(nameNode, frame);
    let type = typeVal.v;
    let nameText = symbolOf(nameVal) ?? fallbackName(type, parent, nameAt);
    const relative = parent !== undefined && isRelativeChild(type, parent.type);
    if (parent !== undefined && relative) {
      type = `${parent.type}/${type}`;
      nameText = `${parent.nameText}/${nameText}`;
      nameVal = nameVal.t === 'string' && parent.name.t === 'string'
        ? str(`${parent.name.v}/${nameVal.v}`, nameAt)
        : symbolic(nameVal.t === 'unknown' ? nameVal.why : parent.name.t === 'unknown' ? parent.name.why : 'the name is not a string', nameAt, nameText);
    }
    const apiVersionVal = prop(node, 'apiVersion') ? scope.evaluate(prop(node, 'apiVersion') as Node, frame) : undefined;
    const apiVersion = apiVersionVal?.t === 'string' ? apiVersionVal.v : undefined;

    // languageVersion 2.0 `existing` resources and resources in another resource group or subscription.
    const placement = this.#placement(scope, target, node, frame, type);
    const extendsId = this.#extends(scope, placement, node, frame);
    const built = declaredResourceId(placement, type, nameText.split('/'), extendsId);
    if (!built.ok) {
      this.state.report('invalid-template', 'error', nameAt, built.message);
      return;
    }
    const inst: ArmInstance = {
      scope, target: placement, node, at, frame, type, name: nameVal, nameText, nameAt,
      id: built.id, key: built.id.toLowerCase(), apiVersion, parent, extends: extendsId,
    };
    scope.registerResource({ id: inst.id, key: inst.key, type, name: nameText, apiVersion }, symbolicName);
    if (prop(node, 'existing')?.value === true) return;
    this.instances.push(inst);

    if (type.toLowerCase() === 'microsoft.resources/deployments') this.#nestedDeployment(inst);
    this.collect(scope, target, prop(node, 'resources'), frame, inst);
  }

  /** `subscriptionId` / `resourceGroup` on a resource place it (or a nested deployment's target) elsewhere. */
  #placement(scope: TemplateScope, target: DeploymentTarget, node: Node, frame: Frame, type: string): DeploymentTarget {
    const subNode = prop(node, 'subscriptionId');
    const rgNode = prop(node, 'resourceGroup');
    if (subNode === undefined && rgNode === undefined) return target;
    const text = (n: Node | undefined): string | undefined => (n === undefined ? undefined : symbolOf(scope.evaluate(n, frame)));
    const sub = text(subNode) ?? target.subscriptionId;
    const rg = text(rgNode);
    if (rg !== undefined) return { ...target, scope: 'resourceGroup', subscriptionId: sub, resourceGroup: rg };
    // A deployment given only a subscription deploys at that subscription's scope.
    if (type.toLowerCase() === 'microsoft.resources/deployments') return { ...target, scope: 'subscription', subscriptionId: sub };
    return { ...target, subscriptionId: sub };
  }

  #extends(scope: TemplateScope, target: DeploymentTarget, node: Node, frame: Frame): string | undefined {
    const scopeNode = prop(node, 'scope');
    if (scopeNode === undefined) return undefined;
    const v = scope.evaluate(scopeNode, frame);
    // languageVersion 2.0 may name another resource by its symbolic name.
    const handle = scope.languageVersion2 && v.t === 'string' && !v.v.includes('/') ? scope.symbols.get(v.v.toLowerCase()) : undefined;
    if (handle) return handle.id;
    const s = symbolOf(v);
    if (s === undefined) {
      this.state.report('invalid-template', 'error', scope.at(scopeNode), '`scope` must be a resource id');
      return `{scope@${scope.at(scopeNode).line}:${scope.at(scopeNode).column}}`;
    }
    return resolveScope(target, s);
  }

  #nestedDeployment(inst: ArmInstance): void {
    const props = prop(inst.node, 'properties');
    const template = prop(props, 'template');
    const scope = inst.scope;
    if (template === undefined) {
      const link = prop(props, 'templateLink');
      if (link !== undefined) {
        const uri = symbolOf(scope.evaluate(prop(link, 'uri') ?? prop(link, 'id') ?? link, inst.frame)) ?? 'a linked template';
        this.state.report('module-not-resolved', 'warning', scope.at(link), `linked template \`${uri}\` is not fetched; its resources are not loaded`);
      }
      return;
    }
    if (template.type !== 'object') {
      this.state.report('invalid-template', 'error', scope.at(template), 'a nested `template` must be an object');
      return;
    }
    if (scope.depth + 1 > MAX_NESTED_DEPLOYMENTS) {
      this.state.report('too-deep', 'error', scope.at(template), `nested deployments deeper than ${MAX_NESTED_DEPLOYMENTS} levels are not loaded`);
      return;
    }
    const nestedSchema = prop(template, '$schema') !== undefined ? schemaScope(template) : undefined;
    let target = inst.target;
    if (nestedSchema !== undefined && nestedSchema !== target.scope && prop(inst.node, 'resourceGroup') === undefined) {
      target = { ...target, scope: nestedSchema };
    }
    const inner = (stringOf(prop(prop(props, 'expressionEvaluationOptions'), 'scope')) ?? 'outer').toLowerCase() === 'inner';
    if (!inner) {
      // Outer scope (the default): the nested template's expressions are evaluated in the parent template.
      this.collect(scope, target, prop(template, 'resources'), inst.frame);
      return;
    }
    const supplied = new Map<string, (at: Provenance) => Value>();
    for (const [name, , p] of entries(prop(props, 'parameters'))) {
      const valueNode = prop(p, 'value');
      supplied.set(name.toLowerCase(), (at) => {
        if (valueNode !== undefined) return scope.evaluate(valueNode, inst.frame);
        if (prop(p, 'reference') !== undefined) return unknownValue(`parameter \`${name}\` is a Key Vault reference resolved at deployment`, at);
        return unknownValue(`parameter \`${name}\` has no value`, at);
      });
    }
    const child = new TemplateScope(this.state, template, {
      target,
      supplied,
      depth: scope.depth + 1,
      deploymentName: inst.name,
      ...(scope.location !== undefined ? { location: scope.location } : {}),
      functions: this.functions,
    });
    this.nested.push({ scope: child, deployment: inst });
    this.collect(child, target, prop(template, 'resources'), EMPTY_FRAME);
  }

  /** Phase 2: evaluates every instance's configuration once all ids are known (so `reference()` can link). */
  evaluateBodies(): void {
    for (const inst of this.instances) {
      const skip = inst.type.toLowerCase() === 'microsoft.resources/deployments' ? STRUCTURAL_AND_PROPERTIES : STRUCTURAL;
      inst.body = inst.scope.evaluateFields(inst.node, inst.frame, skip);
    }
  }
}

/** A deployment's `properties` hold the nested template and its parameters, evaluated as a template instead. */
const STRUCTURAL_AND_PROPERTIES = new Set([...STRUCTURAL, 'properties', 'subscriptionid', 'resourcegroup']);

/** A child declared inside its parent may give its type relative to the parent (`securityRules`, `providers/locks`). */
function isRelativeChild(type: string, parentType: string): boolean {
  if (!type.includes('/')) return true;
  if (type.toLowerCase().startsWith('providers/')) return true;
  // A full type nested under its parent (`Microsoft.Network/networkSecurityGroups/securityRules`) is used as written.
  return !type.toLowerCase().startsWith(`${parentType.toLowerCase()}/`) && !type.split('/')[0]?.includes('.');
}

/** A stand-in name for a resource whose name cannot be known or symbolised, one segment per level of its type. */
function fallbackName(type: string, parent: ArmInstance | undefined, at: Provenance): string {
  const seg = `{name@${at.line}:${at.column}}`;
  if (parent !== undefined && isRelativeChild(type, parent.type)) return seg;
  const segments = Math.max(1, type.split('/').filter((s) => s.toLowerCase() !== 'providers').length - 1);
  const probe = providerPath(type, Array.from({ length: segments }, () => seg));
  if (probe.ok) return Array.from({ length: segments }, () => seg).join('/');
  return seg;
}
