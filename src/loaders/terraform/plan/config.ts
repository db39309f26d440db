import type { Key, ModuleStep } from './address.js';
import { configPathText, groupReferences, keyText, modulePathText, parseReference, resourceId } from './address.js';
import type { JsonObject } from './json.js';
import { arr, isObject, obj, str, strings } from './json.js';

/**
 * The plan's `configuration` section: each module's resources with their unevaluated expressions, module calls with
 * their input expressions, and outputs. Used for one thing: an attribute that is unknown until apply names, in its
 * expression's `references`, the resources it derives from, and that is how a rule finds its security group when the
 * group's id does not exist yet.
 * https://developer.hashicorp.com/terraform/internals/json-format#configuration-representation
 */

export interface ConfigModule {
  readonly resources: ReadonlyMap<string, JsonObject>;
  readonly calls: ReadonlyMap<string, JsonObject>;
  readonly outputs: JsonObject;
  readonly variables: JsonObject;
}

/** An expression's representation: `{constant_value}` or `{references}` (or `{}` for an expression with neither). */
export function isExpression(x: unknown): x is JsonObject {
  if (!isObject(x)) return false;
  for (const k in x) if (k !== 'constant_value' && k !== 'references') return false;
  return true;
}

export class PlanConfig {
  readonly #modules = new Map<string, ConfigModule>();

  constructor(configuration: unknown) {
    const root = obj(obj(configuration)?.['root_module']);
    if (root) this.#index('', root, 0);
  }

  get present(): boolean {
    return this.#modules.size > 0;
  }

  #index(path: string, m: JsonObject, depth: number): void {
    if (depth > 64) return;
    const resources = new Map<string, JsonObject>();
    for (const r of arr(m['resources'])) {
      const ro = obj(r);
      const type = str(ro?.['type']);
      const name = str(ro?.['name']);
      if (!ro || !type || !name) continue;
      resources.set(resourceId(ro['mode'] === 'data' ? 'data' : 'managed', type, name), ro);
    }
    const calls = new Map<string, JsonObject>();
    for (const [name, call] of Object.entries(obj(m['module_calls']) ?? {})) {
      const co = obj(call);
      if (!co) continue;
      calls.set(name, co);
      const child = obj(co['module']);
      if (child) this.#index(path ? `${path}.${name}` : name, child, depth + 1);
    }
    this.#modules.set(path, { resources, calls, outputs: obj(m['outputs']) ?? {}, variables: obj(m['variables']) ?? {} });
  }

  module(path: string): ConfigModule | undefined {
    return this.#modules.get(path);
  }

  /** A resource block of the configuration, or undefined when the configuration does not describe it. */
  resource(mods: readonly ModuleStep[], id: string): JsonObject | undefined {
    return this.#modules.get(configPathText(mods))?.resources.get(id);
  }

}

/** The instance whose expressions are being resolved: its `count`/`for_each` key and its `for_each` expression. */
export interface SelfInstance {
  readonly index?: Key;
  readonly forEach?: JsonObject;
}

/** One indexed resource instance: enough to resolve a reference to its estate key. */
export interface IndexedInstance {
  readonly key: string;
  readonly index?: Key;
}

/**
 * Resolves configuration references to the estate keys of resource instances, following input variables up into
 * the calling module and module outputs down into the called one. A reference to a resource with `count`/`for_each`
 * and no literal index names every instance and so resolves to none: guessing one would link the wrong rule.
 */
export class RefResolver {
  /** module instance path text → resource id → instances. */
  readonly #instances = new Map<string, Map<string, IndexedInstance[]>>();
  /** module instance path text → call name → instance keys of that call seen. */
  readonly #moduleInstances = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly config: PlanConfig) {}

  addInstance(mods: readonly ModuleStep[], id: string, inst: IndexedInstance): void {
    const path = modulePathText(mods);
    let byId = this.#instances.get(path);
    if (!byId) this.#instances.set(path, (byId = new Map()));
    const list = byId.get(id);
    if (list) list.push(inst);
    else byId.set(id, [inst]);
    for (let i = 0; i < mods.length; i++) {
      const parent = modulePathText(mods.slice(0, i));
      let calls = this.#moduleInstances.get(parent);
      if (!calls) this.#moduleInstances.set(parent, (calls = new Map()));
      const m = mods[i] as ModuleStep;
      let keys = calls.get(m.name);
      if (!keys) calls.set(m.name, (keys = new Set()));
      keys.add(m.key === undefined ? '' : JSON.stringify(m.key));
    }
  }

  /**
   * Resolves each reference written in an expression (see `groupReferences`) to the instances it names. Each entry
   * is one written reference; an entry is empty when it names no single instance (locals, a counted resource without
   * an index, a variable of the root module).
   *
   * `self` is the instance whose expression this is. Its own `count`/`for_each` key resolves the two idioms that name
   * a sibling instance by that key: `aws_s3_bucket.b[each.key]` (Terraform lists `aws_s3_bucket.b` then `each.key`)
   * and `each.value` when `for_each` iterates one resource (`for_each = aws_s3_bucket.b`): both are `b[<my key>]`.
   * https://developer.hashicorp.com/terraform/language/meta-arguments/for_each#referring-to-instances
   */
  resolveExpression(expr: JsonObject, mods: readonly ModuleStep[], self?: SelfInstance): string[][] {
    return this.resolveGroups(groupReferences(strings(expr['references'])), mods, self).map((g) => g.keys);
  }

  /** As `resolveExpression`, keeping each entry's reference text (for messages). */
  resolveGroups(groups: readonly string[], mods: readonly ModuleStep[], self?: SelfInstance): { ref: string; keys: string[] }[] {
    const out: { ref: string; keys: string[] }[] = [];
    for (let i = 0; i < groups.length; i++) {
      const r = groups[i] as string;
      let keys = this.#resolve(r, mods, 0);
      if (keys.length === 0 && self?.index !== undefined) {
        const target = parseReference(r);
        const next = groups[i + 1];
        if (target.t === 'resource' && target.key === undefined && (next === 'each.key' || next === 'count.index')) {
          keys = this.#resolve(`${r}${keyText(self.index)}`, mods, 0);
          i++; // the key expression belongs to this reference
        } else if ((r === 'each.value' || r.startsWith('each.value.') || r.startsWith('each.value[')) && self.forEach) {
          const iterated = groupReferences(strings(self.forEach['references'])).filter((x) => !x.startsWith('each.') && !x.startsWith('count.'));
          const only = iterated[0];
          const t = iterated.length === 1 && only !== undefined ? parseReference(only) : undefined;
          if (t?.t === 'resource' && t.key === undefined) keys = this.#resolve(`${only as string}${keyText(self.index)}`, mods, 0);
        }
      }
      out.push({ ref: r, keys });
    }
    return out;
  }

  #resolve(ref: string, mods: readonly ModuleStep[], depth: number): string[] {
    if (depth > 32) return [];
    const target = parseReference(ref);
    switch (target.t) {
      case 'resource': {
        const list = this.#instances.get(modulePathText(mods))?.get(resourceId(target.mode, target.type, target.name)) ?? [];
        if (target.key !== undefined) return list.filter((i) => i.index === target.key).map((i) => i.key);
        const [only, ...more] = list;
        return only && more.length === 0 ? [only.key] : [];
      }
      case 'var': {
        const call = mods[mods.length - 1];
        if (!call) return [];
        const parent = mods.slice(0, -1);
        const input = obj(obj(this.config.module(configPathText(parent))?.calls.get(call.name)?.['expressions'])?.[target.name]);
        if (!input || !isExpression(input)) return [];
        return this.resolveExpression(input, parent).flat();
      }
      case 'module': {
        if (target.output === undefined) return [];
        const here = this.config.module(configPathText(mods));
        const child = obj(here?.calls.get(target.call)?.['module']);
        const expr = obj(obj(obj(child?.['outputs'])?.[target.output])?.['expression']);
        if (!expr) return [];
        if (target.key === undefined) {
          // Without an index the call must have exactly one instance, and it must be the unkeyed one.
          const keys = this.#moduleInstances.get(modulePathText(mods))?.get(target.call);
          if (!keys || keys.size !== 1 || !keys.has('')) return [];
        }
        const step: ModuleStep = target.key === undefined ? { name: target.call } : { name: target.call, key: target.key };
        const inner: ModuleStep[] = [...mods, step];
        return this.resolveExpression(expr, inner).flat();
      }
      case 'other':
        return [];
    }
  }
}
