import type { Provenance } from '../../../../model/core/index.js';
import type { ObjectValue, Value } from '../../../common/value.js';
import type { TfResourceInstance } from '../../types.js';
import { evaluate } from '../eval/evaluate.js';
import { policyDocument, policyJson } from '../eval/policy-document.js';
import type { EvalHost, ModuleScope, ResolvedStep, Scope } from '../eval/scope.js';
import { bind, markOpen, openInfo } from '../eval/scope.js';
import { convert } from '../eval/types.js';
import { asSet } from '../eval/types.js';
import { derivedUnknown, errorValue, isError, list, num, obj, primitiveString, sortedKeys, str, unknownOf } from '../eval/values.js';
import type { Attribute, Body, Expr } from '../syntax/ast.js';
import type { ModuleCallConfig, ModuleConfig, ResourceConfig, VariableConfig } from './config.js';
import { finishValues } from './finish.js';

/** What a root module run provides to every module instance in it. */
export interface RootRun {
  readonly host: EvalHost;
  /** The root module's directory as shown to users: the first half of every estate key. */
  readonly rootKey: string;
  readonly rootAbs: string;
  /** Display path of a module directory relative to the root (Terraform's `path.module`). */
  pathModule(config: ModuleConfig): string;
  /** A root variable's value from tfvars / --var / TF_VAR_, not yet converted to its type. */
  rootVariable(v: VariableConfig): Value | undefined;
  /** The resolved child module for a call, by module path (`a.b`), or why it is not available. */
  childModule(callPath: string): { readonly config: ModuleConfig } | { readonly why: string } | undefined;
  /** Names of lazily evaluated items in progress, for cycle messages. */
  readonly stack: string[];
}

const PENDING = Symbol('pending');
type Memo<K, T> = Map<K, T | typeof PENDING>;
const MAX_LAZY_DEPTH = 250;
/** Arguments that steer Terraform rather than configure the resource; plan JSON values do not have them. */
const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const NO_META = new Set<string>();

export interface InstanceRecord extends TfResourceInstance {
  readonly config: ResourceConfig;
  readonly module: ModuleInstance;
}

interface Expansion {
  readonly instances: readonly InstanceRecord[];
  /** What a reference to the resource (without an index) gives. */
  readonly value: Value;
}

interface ModuleExpansion {
  readonly instances: readonly { readonly key: Value | null; readonly module: ModuleInstance }[];
  readonly mode: 'single' | 'count' | 'for_each' | 'unknown' | 'unresolved';
  readonly unresolved?: Value;
}

/** Instance key of count/for_each: `[0]`, `["a"]`, or `[*]` when not known before apply. */
function instanceSuffix(key: Value | null): string {
  if (key === null) return '';
  if (key.t === 'number') return `[${key.v}]`;
  if (key.t === 'string') return `[${JSON.stringify(key.v)}]`;
  return '[*]';
}

/** One instance of a module (the root, or one `count`/`for_each` instance of a module call). */
export class ModuleInstance implements ModuleScope {
  readonly host: EvalHost;
  readonly rootAbsDir: string;
  private readonly vars: Memo<string, Value> = new Map();
  private readonly locals: Memo<string, Value> = new Map();
  private readonly resources: Memo<ResourceConfig, Expansion> = new Map();
  private readonly moduleCalls: Memo<string, ModuleExpansion> = new Map();
  private readonly outputs: Memo<string, Value> = new Map();
  private readonly prefix: string;

  constructor(
    readonly run: RootRun,
    readonly config: ModuleConfig,
    /** `''` for the root, `module.a["x"]` for a child. */
    readonly address: string,
    /** Module path for `.terraform/modules/modules.json` keys: `''`, `a`, `a.b`. */
    readonly callPath: string,
    /** Input values from the calling module; null for the root module. */
    private readonly inputs: ((name: string) => Value | undefined) | null,
    /** Why this module instance's own `count`/`for_each` key is unknown, if it is. */
    readonly unknownExpansion: string | undefined,
  ) {
    this.host = run.host;
    this.rootAbsDir = run.rootAbs;
    this.prefix = address === '' ? '' : `${address}.`;
  }

  private scope(frame: Scope['frame'] = null): Scope {
    return { mod: this, frame, host: this.host };
  }

  private constScope(): Scope {
    return { mod: null, frame: null, host: this.host };
  }

  private memo<K, T>(map: Memo<K, T>, key: K, label: string, at: Provenance, compute: () => T, fallback: (why: string) => T): T {
    const got = map.get(key);
    if (got === PENDING) {
      const stack = this.run.stack;
      const start = stack.lastIndexOf(label);
      const chain = [...stack.slice(start < 0 ? 0 : start), label].join(' → ');
      this.host.diag('cycle', 'error', at, `cycle: ${chain}`);
      return fallback(`cycle: ${chain}`);
    }
    if (got !== undefined) return got;
    if (this.run.stack.length >= MAX_LAZY_DEPTH) {
      this.host.diag('too-deep', 'error', at, `references nested more than ${MAX_LAZY_DEPTH} deep at ${label}; not evaluated`);
      return fallback('references nested too deeply');
    }
    map.set(key, PENDING);
    this.run.stack.push(label);
    try {
      const v = compute();
      map.set(key, v);
      return v;
    } finally {
      this.run.stack.pop();
      if (map.get(key) === PENDING) map.delete(key);
    }
  }

  // ---- ModuleScope ------------------------------------------------------------------------------------------------

  variable(name: string, at: Provenance): Value {
    const vc = this.config.variables.get(name);
    if (!vc) return errorValue(`reference to undeclared input variable \`var.${name}\``, at);
    return this.memo(this.vars, name, `${this.prefix}var.${name}`, at, () => this.computeVariable(vc), (why) => unknownOf(why, at));
  }

  private computeVariable(vc: VariableConfig): Value {
    let v: Value | undefined = this.inputs ? this.inputs(vc.name) : this.run.rootVariable(vc);
    if (v && v.t === 'null' && !vc.nullable) v = undefined;
    if (v === undefined) {
      if (vc.default) v = evaluate(vc.default, this.constScope());
      else if (this.inputs) {
        this.host.diag('unresolved-reference', 'warning', vc.at, `module input \`${vc.name}\` is required but not set by \`${this.address}\``);
        return unknownOf(`\`var.${vc.name}\` is not set by the module call`, vc.at);
      } else {
        this.host.diag('unresolved-reference', 'warning', vc.at, `variable \`${vc.name}\` has no value: values that depend on it are unknown (set it with --var, --var-file or a .tfvars file)`);
        return unknownOf(`\`var.${vc.name}\` has no value`, vc.at);
      }
    }
    const evalDefault = (e: Expr): Value => evaluate(e, this.constScope());
    return convert(v, vc.type, vc.at, evalDefault);
  }

  local(name: string, at: Provenance): Value {
    const a = this.config.locals.get(name);
    if (!a) return errorValue(`reference to undeclared local value \`local.${name}\``, at);
    return this.memo(this.locals, name, `${this.prefix}local.${name}`, a.at, () => evaluate(a.expr, this.scope()), (why) => unknownOf(why, at));
  }

  path(kind: string): string | undefined {
    if (kind === 'module') return this.run.pathModule(this.config);
    if (kind === 'root' || kind === 'cwd') return '.';
    return undefined;
  }

  resource(mode: 'managed' | 'data', type: string, name: string, at: Provenance): Value | undefined {
    const rc = (mode === 'managed' ? this.config.resources : this.config.data).get(`${type}.${name}`);
    if (!rc) return undefined;
    return this.expandResource(rc, at).value;
  }

  module(name: string, steps: readonly ResolvedStep[], at: Provenance): { value: Value; consumed: number } {
    const call = this.config.modules.get(name);
    if (!call) return { value: errorValue(`reference to undeclared module \`module.${name}\``, at), consumed: 0 };
    const exp = this.expandModule(call, at);
    if (exp.mode === 'unresolved') return { value: exp.unresolved ?? unknownOf(`module \`${name}\` was not resolved`, at), consumed: steps.length };
    if (exp.mode === 'unknown') {
      const only = exp.instances[0];
      return { value: unknownOf(only?.module.unknownExpansion ?? `instances of \`module.${name}\` are not known before apply`, at), consumed: steps.length };
    }
    if (exp.mode === 'single') {
      const s0 = steps[0];
      const inst = exp.instances[0]?.module;
      if (!inst) return { value: errorValue(`module \`${name}\` has no instance`, at), consumed: 0 };
      if (s0?.k === 'attr') return { value: inst.output(s0.name, at), consumed: 1 };
      return { value: inst.allOutputs(at), consumed: 0 };
    }
    // count / for_each: `module.x[key].output` reads one output of one instance.
    const [s0, s1] = steps;
    if (s0?.k === 'index' && s1?.k === 'attr' && s0.key.t !== 'unknown') {
      const k = exp.mode === 'count' ? s0.key.t === 'number' ? s0.key.v : Number(primitiveString(s0.key)) : primitiveString(s0.key);
      const inst = exp.instances.find((i) => i.key !== null && (i.key.t === 'number' ? i.key.v === k : i.key.t === 'string' && i.key.v === k));
      if (!inst) return { value: errorValue(`\`module.${name}\` has no instance ${String(k)}`, at), consumed: 1 };
      return { value: inst.module.output(s1.name, at), consumed: 2 };
    }
    if (exp.mode === 'count') return { value: list(exp.instances.map((i) => i.module.allOutputs(at)), at), consumed: 0 };
    return { value: obj(new Map(exp.instances.map((i) => [primitiveString(i.key as Value) ?? '', i.module.allOutputs(at)])), at), consumed: 0 };
  }

  output(name: string, at: Provenance): Value {
    const oc = this.config.outputs.get(name);
    if (!oc) return errorValue(`module \`${this.address}\` has no output \`${name}\``, at);
    return this.memo(this.outputs, name, `${this.prefix}output.${name}`, at, () => (oc.expr ? evaluate(oc.expr, this.scope()) : errorValue(`output \`${name}\` has no value`, oc.at)), (why) => unknownOf(why, at));
  }

  allOutputs(at: Provenance): Value {
    const fields = new Map<string, Value>();
    for (const name of this.config.outputs.keys()) fields.set(name, this.output(name, at));
    return obj(fields, at);
  }

  // ---- resources ----------------------------------------------------------------------------------------------------

  expandResource(rc: ResourceConfig, at: Provenance = rc.at): Expansion {
    const label = `${this.prefix}${rc.mode === 'data' ? 'data.' : ''}${rc.type}.${rc.name}`;
    return this.memo(this.resources, rc, label, at, () => this.computeResource(rc, label), (why) => ({ instances: [], value: unknownOf(why, at) }));
  }

  private computeResource(rc: ResourceConfig, base: string): Expansion {
    const scope = this.scope();
    const make = (key: Value | null, frame: Record<string, Value>, unknownWhy?: string): InstanceRecord => {
      const address = `${base}${instanceSuffix(key)}`;
      const why = unknownWhy ?? this.unknownExpansion;
      return this.instance(rc, address, bind(scope, frame), why);
    };
    if (rc.count) {
      const c = evaluate(rc.count, scope);
      if (c.t === 'unknown' && !isError(c)) {
        const why = `\`count\` of \`${base}\` is not known before apply (${c.why})`;
        this.host.diag('unknown-expansion', 'warning', rc.count.at, `${why}: evaluated once as \`${base}[*]\``);
        const inst = make(unknownOf('', rc.count.at), { count: obj(new Map([['index', derivedUnknown([c], rc.count.at)]]), rc.count.at) }, why);
        return { instances: [inst], value: unknownOf(why, rc.count.at, [inst.key]) };
      }
      const n = c.t === 'number' ? c.v : c.t === 'string' ? Number(c.v) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) {
        this.host.diag('invalid-value', 'error', rc.count.at, `\`count\` of \`${base}\` must be a whole number ≥ 0${isError(c) && c.t === 'unknown' ? ` (${c.why})` : ''}`);
        return { instances: [], value: errorValue('invalid count', rc.count.at) };
      }
      const instances: InstanceRecord[] = [];
      for (let i = 0; i < n; i++) instances.push(make(num(i, rc.count.at), { count: obj(new Map([['index', num(i, rc.count.at)]]), rc.count.at) }));
      return { instances, value: list(instances.map((i) => this.referenceValue(i)), rc.at) };
    }
    if (rc.forEach) {
      const fe = evaluate(rc.forEach, scope);
      const pairs = forEachPairs(fe);
      if (pairs === 'unknown') {
        const why = `\`for_each\` of \`${base}\` is not known before apply (${fe.t === 'unknown' ? fe.why : firstUnknownWhy(fe)})`;
        this.host.diag('unknown-expansion', 'warning', rc.forEach.at, `${why}: evaluated once as \`${base}[*]\``);
        const u = derivedUnknown([fe], rc.forEach.at);
        const inst = make(unknownOf('', rc.forEach.at), { each: obj(new Map([['key', u], ['value', u]]), rc.forEach.at) }, why);
        return { instances: [inst], value: unknownOf(why, rc.forEach.at, [inst.key]) };
      }
      if (typeof pairs === 'string') {
        this.host.diag('invalid-value', 'error', rc.forEach.at, `\`for_each\` of \`${base}\`: ${pairs}`);
        return { instances: [], value: errorValue(pairs, rc.forEach.at) };
      }
      const instances: InstanceRecord[] = [];
      const fields = new Map<string, Value>();
      for (const [k, v] of pairs) {
        const inst = make(str(k, rc.forEach.at), { each: obj(new Map([['key', str(k, rc.forEach.at)], ['value', v]]), rc.forEach.at) });
        instances.push(inst);
        fields.set(k, this.referenceValue(inst));
      }
      return { instances, value: obj(fields, rc.at) };
    }
    const inst = make(null, {});
    return { instances: [inst], value: this.referenceValue(inst) };
  }

  private instance(rc: ResourceConfig, address: string, scope: Scope, unknownExpansion: string | undefined): InstanceRecord {
    const key = `${this.run.rootKey}::${address}`;
    let values = evalBody(rc.body, rc.at, scope, RESOURCE_META, key, address);
    if (rc.mode === 'data' && rc.type === 'aws_iam_policy_document') {
      const doc = policyDocument(values, rc.at);
      const fields = new Map(values.fields);
      fields.set('json', policyJson(doc, rc.at, false));
      fields.set('minified_json', policyJson(doc, rc.at, true));
      values = obj(fields, values.at);
      markOpen(values, key, address);
    }
    const finished = finishValues(values, rc.at, this.host, key, address);
    return {
      mode: rc.mode,
      type: rc.type,
      name: rc.name,
      address,
      key,
      values: finished,
      at: rc.at,
      ...(unknownExpansion !== undefined ? { unknownExpansion } : {}),
      config: rc,
      module: this,
    };
  }

  /** The object other expressions see for an instance: its values, with unset attributes unknown (computed). */
  private referenceValue(i: InstanceRecord): ObjectValue {
    return i.values;
  }

  // ---- module calls -------------------------------------------------------------------------------------------------

  expandModule(call: ModuleCallConfig, at: Provenance = call.at): ModuleExpansion {
    const label = `${this.prefix}module.${call.name}`;
    return this.memo(this.moduleCalls, call.name, label, at, () => this.computeModule(call, label), (why) => ({ instances: [], mode: 'unresolved', unresolved: unknownOf(why, at) }));
  }

  private computeModule(call: ModuleCallConfig, base: string): ModuleExpansion {
    const childPath = this.callPath === '' ? call.name : `${this.callPath}.${call.name}`;
    const resolved = this.run.childModule(childPath);
    if (!resolved || 'why' in resolved) {
      const why = resolved && 'why' in resolved ? resolved.why : `module \`${call.name}\` was not resolved`;
      return { instances: [], mode: 'unresolved', unresolved: unknownOf(why, call.at) };
    }
    const scope = this.scope();
    const child = (key: Value | null, frame: Record<string, Value>, unknownWhy?: string): { key: Value | null; module: ModuleInstance } => {
      const callScope = bind(scope, frame);
      const inputs = (name: string): Value | undefined => {
        const a = call.inputs.get(name);
        return a ? evaluate(a.expr, callScope) : undefined;
      };
      const address = `${base}${instanceSuffix(key)}`;
      return { key, module: new ModuleInstance(this.run, resolved.config, address, childPath, inputs, unknownWhy ?? this.unknownExpansion) };
    };
    if (call.count) {
      const c = evaluate(call.count, scope);
      if (c.t === 'unknown' && !isError(c)) {
        const why = `\`count\` of \`${base}\` is not known before apply (${c.why})`;
        this.host.diag('unknown-expansion', 'warning', call.count.at, `${why}: its resources are evaluated once as \`${base}[*]\``);
        return { instances: [child(unknownOf('', call.count.at), { count: obj(new Map([['index', derivedUnknown([c], call.count.at)]]), call.count.at) }, why)], mode: 'unknown' };
      }
      const n = c.t === 'number' ? c.v : c.t === 'string' ? Number(c.v) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) {
        this.host.diag('invalid-value', 'error', call.count.at, `\`count\` of \`${base}\` must be a whole number ≥ 0`);
        return { instances: [], mode: 'count' };
      }
      const instances = [];
      for (let i = 0; i < n; i++) instances.push(child(num(i, call.count.at), { count: obj(new Map([['index', num(i, call.count.at)]]), call.count.at) }));
      return { instances, mode: 'count' };
    }
    if (call.forEach) {
      const fe = evaluate(call.forEach, scope);
      const pairs = forEachPairs(fe);
      if (pairs === 'unknown') {
        const why = `\`for_each\` of \`${base}\` is not known before apply (${fe.t === 'unknown' ? fe.why : firstUnknownWhy(fe)})`;
        this.host.diag('unknown-expansion', 'warning', call.forEach.at, `${why}: its resources are evaluated once as \`${base}[*]\``);
        const u = derivedUnknown([fe], call.forEach.at);
        return { instances: [child(unknownOf('', call.forEach.at), { each: obj(new Map([['key', u], ['value', u]]), call.forEach.at) }, why)], mode: 'unknown' };
      }
      if (typeof pairs === 'string') {
        this.host.diag('invalid-value', 'error', call.forEach.at, `\`for_each\` of \`${base}\`: ${pairs}`);
        return { instances: [], mode: 'for_each' };
      }
      return {
        instances: pairs.map(([k, v]) => child(str(k, call.forEach?.at ?? call.at), { each: obj(new Map([['key', str(k, v.at)], ['value', v]]), v.at) })),
        mode: 'for_each',
      };
    }
    return { instances: [child(null, {})], mode: 'single' };
  }

  /** Every resource and data source instance of this module and the modules it calls, in declaration order. */
  collect(out: InstanceRecord[]): void {
    for (const rc of this.config.data.values()) out.push(...this.expandResource(rc).instances);
    for (const rc of this.config.resources.values()) out.push(...this.expandResource(rc).instances);
    for (const call of this.config.modules.values()) {
      for (const i of this.expandModule(call).instances) i.module.collect(out);
    }
  }
}

function firstUnknownWhy(v: Value): string {
  const u = derivedUnknown([v], v.at);
  return u.t === 'unknown' ? u.why : 'not known before apply';
}

/** for_each: a map (keys in lexical order) or a set of strings; 'unknown' when keys cannot be known; else an error. */
function forEachPairs(v: Value): [string, Value][] | 'unknown' | string {
  if (isError(v)) return v.t === 'unknown' ? v.why : 'invalid value';
  if (v.t === 'unknown') return 'unknown';
  if (v.t === 'object') return sortedKeys(v).map((k) => [k, v.fields.get(k) as Value]);
  if (v.t === 'list') {
    if (v.items.some((i) => i.t === 'unknown')) return 'unknown';
    const out: [string, Value][] = [];
    for (const i of asSet(v.items)) {
      if (i.t === 'null') return 'a set for for_each must not contain null';
      const s = i.t === 'string' ? i.v : undefined;
      if (s === undefined) return `for_each needs a map or a set of strings, got a list of ${i.t}`;
      out.push([s, i]);
    }
    return out;
  }
  if (v.t === 'null') return 'for_each must not be null';
  return `for_each needs a map or a set of strings, got ${v.t}`;
}

/**
 * A block body as a value: attributes, then nested blocks as lists of objects (plan JSON shape), with `dynamic`
 * blocks expanded. Objects for the resource and its nested blocks are open: an unset attribute read elsewhere is a
 * provider-computed unknown naming the instance.
 */
export function evalBody(body: Body, at: Provenance, scope: Scope, skip: ReadonlySet<string>, key: string, address: string): ObjectValue {
  const fields = new Map<string, Value>();
  for (const a of body.attributes) {
    if (skip.has(a.name)) continue;
    fields.set(a.name, pointAt(evaluate(a.expr, scope), a));
  }
  const blocks = new Map<string, Value[]>();
  const blockAt = new Map<string, Provenance>();
  const push = (type: string, v: Value, at: Provenance): void => {
    const l = blocks.get(type);
    if (l) l.push(v);
    else {
      blocks.set(type, [v]);
      blockAt.set(type, at);
    }
  };
  for (const b of body.blocks) {
    if (skip.has(b.type)) continue;
    if (b.type === 'dynamic') {
      const label = b.labels[0];
      if (label === undefined) continue;
      for (const v of dynamicBlock(b.body, label, scope, key, address)) push(label, v, b.at);
      // A dynamic block that yields nothing still declares the block type (an empty list, as in a plan).
      if (!blocks.has(label)) {
        blocks.set(label, []);
        blockAt.set(label, b.at);
      }
      continue;
    }
    push(b.type, evalBody(b.body, b.at, scope, NO_META, key, address), b.at);
  }
  for (const [type, items] of blocks) fields.set(type, list(items, blockAt.get(type) as Provenance));
  const o = obj(fields, at);
  markOpen(o, key, address);
  return o;
}

/**
 * A value that came from elsewhere (a variable, a local, another resource) is re-pointed at the argument that
 * brought it into the block; its parts follow in `finishValues`.
 */
function pointAt(v: Value, a: Attribute): Value {
  if (isError(v)) return v;
  const p = v.at;
  const s = a.at;
  if (p.file === s.file && p.line >= s.line && p.endLine <= s.endLine) return v;
  const moved = { ...v, at: a.expr.at } as Value;
  if (v.t === 'object' && moved.t === 'object') {
    const info = openInfo(v);
    if (info) markOpen(moved, info.key, info.address);
  }
  return moved;
}

function dynamicBlock(body: Body, label: string, scope: Scope, key: string, address: string): Value[] {
  const forEach = body.attributes.find((a) => a.name === 'for_each');
  const iterAttr = body.attributes.find((a) => a.name === 'iterator');
  const iterator = iterAttr?.expr.k === 'var' ? iterAttr.expr.name : label;
  const content = body.blocks.find((b) => b.type === 'content');
  if (!forEach || !content) return [];
  const fe = evaluate(forEach.expr, scope);
  if (fe.t === 'unknown') {
    if (isError(fe)) return [fe];
    // How many blocks there will be is not known: one unknown element says so honestly.
    return [unknownOf(`dynamic "${label}" blocks depend on a value not known before apply (${fe.why})`, forEach.at, fe.refs)];
  }
  const pairs: [Value, Value][] = fe.t === 'object' ? sortedKeys(fe).map((k) => [str(k, fe.at), fe.fields.get(k) as Value]) : fe.t === 'list' ? fe.items.map((v, i) => [fe.items.every((x) => x.t === 'string') ? v : num(i, v.at), v]) : [];
  if (fe.t !== 'object' && fe.t !== 'list' && fe.t !== 'null') return [errorValue(`dynamic "${label}": for_each needs a collection, got ${fe.t}`, forEach.at)];
  return pairs.map(([k, v]) => evalBody(content.body, content.at, bind(scope, { [iterator]: obj(new Map([['key', k], ['value', v]]), v.at) }), NO_META, key, address));
}

