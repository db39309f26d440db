import type { Node } from 'jsonc-parser';
import type { DiagnosticCode, Provenance } from '../../../model/core/index.js';
import type { Value } from '../../common/value.js';
import { bool, list, nul, num, obj, str, unknownValue } from '../../common/value.js';
import type { Expr } from '../expr/ast.js';
import { classify } from '../expr/ast.js';
import { parseExpression } from '../expr/parse.js';
import { entries, offsetInString, prop, stringOf } from '../json.js';
import type { DeploymentTarget } from './ids.js';
import type { LoadState } from './state.js';
import { MAX_ARRAY, MAX_STRING } from './state.js';
import { firstUnknown, getField, symbolOf, symbolic, withAt } from './values.js';

/** Documented limit on `count` in every copy loop. https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources */
export const MAX_COPY = 800;
/** Calls of user-defined functions and lambdas nested deeper than this are refused. */
const MAX_CALL_DEPTH = 32;
/** Parameters and variables referring to each other in chains longer than this are refused (stack safety). */
export const MAX_REFERENCE_DEPTH = 100;

/** What is in scope while evaluating one value: copy loop indexes, function parameters, lambda variables. */
export interface Frame {
  /** Loop name (lowercased) → current index. */
  readonly copy?: ReadonlyMap<string, Value>;
  /** The resource loop `copyIndex()` without a name refers to. */
  readonly loop?: string;
  /** Inside a user-defined function: its parameters; template parameters and variables are not visible. */
  readonly fnParams?: ReadonlyMap<string, Value>;
  readonly lambda?: ReadonlyMap<string, Value>;
  readonly callDepth?: number;
}

export const EMPTY_FRAME: Frame = {};

/** A resource declared in the template, as other expressions can refer to it. */
export interface ResourceHandle {
  /** The id as built (case kept; unknown name parts are symbols). */
  readonly id: string;
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly apiVersion: string | undefined;
}

interface ParamSlot {
  readonly name: string;
  readonly decl: Node;
  readonly at: Provenance;
  state: 0 | 1 | 2;
  value?: Value;
}

interface VarSlot {
  readonly name: string;
  readonly node: Node;
  /** A `copy` declaration in `variables` (an array built by iteration) rather than a plain value. */
  readonly loop: boolean;
  state: 0 | 1 | 2;
  value?: Value;
}

interface UserFunction {
  readonly params: readonly string[];
  readonly output: Node | undefined;
  readonly at: Provenance;
}

/** Where a call was written: the string node, and the call's index in the expression text. */
export interface Site {
  readonly node: Node;
  readonly at: Provenance;
}

export interface CallCtx {
  readonly scope: TemplateScope;
  readonly frame: Frame;
  readonly at: Provenance;
  readonly name: string;
  /** Where the call itself is written (inside the string), for diagnostics about it. */
  readonly callAt: Provenance;
  /** Reports an error at the call and returns an unknown value explaining it. */
  error(message: string, code?: DiagnosticCode): Value;
  /** Evaluates an argument expression (for functions that take lambdas or evaluate lazily). */
  evaluate(e: Expr, frame?: Frame): Value;
}

export interface FnDef {
  readonly min: number;
  readonly max?: number;
  /** When false (the default) an unknown argument makes the result unknown before `run` is called. */
  readonly handlesUnknown?: boolean;
  /** Receives argument expressions instead of values: `if` (only one branch is evaluated) and the lambda functions. */
  readonly lazy?: boolean;
  run(c: CallCtx, args: readonly Value[], exprs: readonly Expr[]): Value;
}

export type FnTable = Readonly<Record<string, FnDef>>;

export interface ScopeOptions {
  readonly target: DeploymentTarget;
  /** Supplied parameter values by lowercased name; given the parameter's declaration position. */
  readonly supplied?: ReadonlyMap<string, (at: Provenance) => Value>;
  /** Nesting level of inline nested deployments. */
  readonly depth: number;
  readonly deploymentName: Value;
  /** The resource group's location, when the caller knows it. */
  readonly location?: string;
  /** The template object this scope evaluates `deployment().properties.template` from. */
  readonly functions: FnTable;
}

/**
 * One template's evaluation scope: its parameters, variables and user-defined functions, its deployment target, and
 * the resources it declares. Inline nested deployments with `inner` expression scope get their own.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax
 */
export class TemplateScope {
  readonly #params = new Map<string, ParamSlot>();
  readonly #vars = new Map<string, VarSlot>();
  readonly #fns = new Map<string, UserFunction>();
  /** Declared resources by lowercased symbolic name (languageVersion 2.0). */
  readonly symbols = new Map<string, ResourceHandle>();
  /** Declared resources by lowercased full name, for `reference('name')` in languageVersion 1.0. */
  readonly byName = new Map<string, ResourceHandle>();
  readonly target: DeploymentTarget;
  readonly depth: number;
  readonly deploymentName: Value;
  readonly location: string | undefined;
  readonly languageVersion2: boolean;
  readonly #fnTable: FnTable;
  readonly #supplied: ReadonlyMap<string, (at: Provenance) => Value>;
  /** Parameters and variables being resolved right now (a chain of references). */
  #resolving = 0;

  constructor(readonly state: LoadState, readonly root: Node, opts: ScopeOptions) {
    this.target = opts.target;
    this.depth = opts.depth;
    this.deploymentName = opts.deploymentName;
    this.location = opts.location;
    this.#fnTable = opts.functions;
    this.#supplied = opts.supplied ?? new Map();
    const lv = stringOf(prop(root, 'languageVersion'));
    this.languageVersion2 = lv !== undefined && !lv.startsWith('1');
    this.#declare();
  }

  at(node: Node): Provenance {
    return this.state.lines.at(node);
  }

  #declare(): void {
    const params = prop(this.root, 'parameters');
    if (params !== undefined && params.type !== 'object') {
      this.state.report('invalid-template', 'error', this.at(params), '`parameters` must be an object');
    }
    for (const [name, , decl] of entries(params)) {
      this.#params.set(name.toLowerCase(), { name, decl, at: this.at(decl), state: 0 });
    }
    const vars = prop(this.root, 'variables');
    if (vars !== undefined && vars.type !== 'object') {
      this.state.report('invalid-template', 'error', this.at(vars), '`variables` must be an object');
    }
    for (const [name, , node] of entries(vars)) {
      if (name.toLowerCase() === 'copy' && node.type === 'array') {
        // `"copy": [{"name": "x", "count": n, "input": ...}]` declares variable `x` as an array built by iteration.
        // https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-variables
        for (const decl of node.children ?? []) {
          const loopName = stringOf(prop(decl, 'name'));
          if (loopName === undefined) {
            this.state.report('invalid-template', 'error', this.at(decl), 'a variable `copy` entry needs a `name`');
            continue;
          }
          this.#vars.set(loopName.toLowerCase(), { name: loopName, node: decl, loop: true, state: 0 });
        }
      } else {
        this.#vars.set(name.toLowerCase(), { name, node, loop: false, state: 0 });
      }
    }
    const fns = prop(this.root, 'functions');
    for (const ns of fns?.type === 'array' ? fns.children ?? [] : []) {
      const namespace = stringOf(prop(ns, 'namespace'));
      if (namespace === undefined) continue;
      for (const [member, , def] of entries(prop(ns, 'members'))) {
        const ps = prop(def, 'parameters');
        const params = (ps?.type === 'array' ? ps.children ?? [] : []).map((p) => stringOf(prop(p, 'name')) ?? '');
        this.#fns.set(`${namespace}.${member}`.toLowerCase(), { params, output: prop(prop(def, 'output'), 'value'), at: this.at(def) });
      }
    }
  }

  /** Declared template parameters, in order. */
  parameterDecls(): { name: string; decl: Node }[] {
    return [...this.#params.values()].map((p) => ({ name: p.name, decl: p.decl }));
  }

  // ---- parameters, variables, functions -------------------------------------------------------------------------

  /** A parameter's value; `at` positions the result, `reportAt` (default `at`) any diagnostic about the reference. */
  parameter(name: string, at: Provenance, frame: Frame, reportAt: Provenance = at): Value {
    if (frame.fnParams) {
      const v = frame.fnParams.get(name.toLowerCase());
      if (v !== undefined) return v;
      this.state.report('unresolved-reference', 'error', reportAt, `the function has no parameter \`${name}\``);
      return unknownValue(`no parameter \`${name}\``, at);
    }
    const slot = this.#params.get(name.toLowerCase());
    if (!slot) {
      this.state.report('unresolved-reference', 'error', reportAt, `parameter \`${name}\` is not declared`);
      return unknownValue(`parameter \`${name}\` is not declared`, at);
    }
    if (slot.state === 2 && slot.value) return slot.value;
    if (slot.state === 1) {
      this.state.report('cycle', 'error', slot.at, `parameter \`${slot.name}\` refers to itself`);
      return unknownValue(`parameter \`${slot.name}\` refers to itself`, at);
    }
    if (this.#resolving >= MAX_REFERENCE_DEPTH) return this.#tooDeep(reportAt);
    slot.state = 1;
    this.#resolving++;
    slot.value = this.#parameterValue(slot);
    this.#resolving--;
    slot.state = 2;
    return slot.value;
  }

  #parameterValue(slot: ParamSlot): Value {
    const supplied = this.#supplied.get(slot.name.toLowerCase());
    if (supplied) return supplied(slot.at);
    const dflt = prop(slot.decl, 'defaultValue');
    if (dflt !== undefined) return this.evaluate(dflt, EMPTY_FRAME);
    if (prop(slot.decl, 'nullable')?.value === true) return nul(slot.at);
    return symbolic(`parameter \`${slot.name}\` has no default value and no value was supplied`, slot.at, `{${slot.name}}`);
  }

  variable(name: string, at: Provenance, frame: Frame, reportAt: Provenance = at): Value {
    if (frame.fnParams) {
      this.state.report('invalid-template', 'error', reportAt, 'user-defined functions cannot use variables()');
      return unknownValue('variables() inside a user-defined function', at);
    }
    const slot = this.#vars.get(name.toLowerCase());
    if (!slot) {
      this.state.report('unresolved-reference', 'error', reportAt, `variable \`${name}\` is not declared`);
      return unknownValue(`variable \`${name}\` is not declared`, at);
    }
    if (slot.state === 2 && slot.value) return slot.value;
    if (slot.state === 1) {
      this.state.report('cycle', 'error', this.at(slot.node), `variable \`${slot.name}\` refers to itself`);
      return unknownValue(`variable \`${slot.name}\` refers to itself`, at);
    }
    if (this.#resolving >= MAX_REFERENCE_DEPTH) return this.#tooDeep(reportAt);
    slot.state = 1;
    this.#resolving++;
    slot.value = slot.loop ? this.copyArray(slot.node, EMPTY_FRAME) : this.evaluate(slot.node, EMPTY_FRAME);
    this.#resolving--;
    slot.state = 2;
    return slot.value;
  }

  #tooDeep(at: Provenance): Value {
    this.state.report('too-deep', 'error', at, `parameters and variables refer to each other more than ${MAX_REFERENCE_DEPTH} levels deep`);
    return unknownValue('references nested too deeply', at);
  }

  callUserFunction(name: string, args: readonly Value[], at: Provenance, frame: Frame, reportAt: Provenance = at): Value {
    const fn = this.#fns.get(name.toLowerCase());
    if (!fn) {
      this.state.report('unsupported-function', 'error', reportAt, `function \`${name}\` is not defined`);
      return unknownValue(`function \`${name}\` is not defined`, at);
    }
    if ((frame.callDepth ?? 0) > MAX_CALL_DEPTH) {
      this.state.report('too-deep', 'error', at, `user-defined functions nested deeper than ${MAX_CALL_DEPTH} calls`);
      return unknownValue('function calls nested too deeply', at);
    }
    if (args.length !== fn.params.length) {
      this.state.report('invalid-template', 'error', at, `function \`${name}\` takes ${fn.params.length} argument(s), got ${args.length}`);
      return unknownValue(`wrong number of arguments to \`${name}\``, at);
    }
    if (!fn.output) return unknownValue(`function \`${name}\` has no output value`, at);
    const fnParams = new Map<string, Value>();
    fn.params.forEach((p, i) => fnParams.set(p.toLowerCase(), args[i] as Value));
    return withAt(this.evaluate(fn.output, { fnParams, callDepth: (frame.callDepth ?? 0) + 1 }), at);
  }

  // ---- evaluation -----------------------------------------------------------------------------------------------

  /** Evaluates a JSON node of the template: literals as they are, `[...]` strings as expressions, objects and arrays deeply. */
  evaluate(node: Node, frame: Frame, depth = 0): Value {
    const at = this.at(node);
    if (!this.state.spend(at)) return unknownValue('evaluation budget exhausted', at);
    switch (node.type) {
      case 'string': return this.#evalString(node, at, frame);
      case 'number': return num(Number(node.value), at);
      case 'boolean': return bool(node.value === true, at);
      case 'null': return nul(at);
      case 'array': return list((node.children ?? []).map((c) => this.evaluate(c, frame, depth + 1)), at);
      case 'object': return this.#evalObject(node, at, frame, depth);
      default: return unknownValue('not a JSON value', at);
    }
  }

  /** Evaluates an object node, leaving out the keys `skip` names (lowercased): a resource's structural keys. */
  evaluateFields(node: Node, frame: Frame, skip: ReadonlySet<string>): Extract<Value, { t: 'object' }> {
    return this.#evalObject(node, this.at(node), frame, 0, skip);
  }

  #evalObject(node: Node, at: Provenance, frame: Frame, depth: number, skip?: ReadonlySet<string>): Extract<Value, { t: 'object' }> {
    const fields = new Map<string, Value>();
    for (const p of node.children ?? []) {
      const keyNode = p.children?.[0];
      const valueNode = p.children?.[1];
      if (keyNode?.type !== 'string' || valueNode === undefined) continue;
      const key = String(keyNode.value);
      if (skip?.has(key.toLowerCase())) continue;
      if (key.toLowerCase() === 'copy' && isPropertyCopy(valueNode)) {
        // Property iteration: each entry builds the array property `name` from `input`.
        // https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties
        for (const decl of valueNode.children ?? []) {
          const nameVal = this.evaluate(prop(decl, 'name') as Node, frame, depth + 1);
          const name = nameVal.t === 'string' ? nameVal.v : symbolOf(nameVal);
          if (name === undefined) {
            this.state.report('invalid-template', 'error', this.at(decl), 'a property `copy` entry needs a known `name`');
            continue;
          }
          fields.set(name, this.copyArray(decl, frame));
        }
        continue;
      }
      fields.set(this.#evalKey(key, keyNode, frame), this.evaluate(valueNode, frame, depth + 1));
    }
    return obj(fields, at);
  }

  /** Property names may be expressions too (`"[resourceId(...)]": {}` in `userAssignedIdentities`). */
  #evalKey(key: string, keyNode: Node, frame: Frame): string {
    const c = classify(key);
    if (c.kind === 'literal') return c.value;
    const v = this.#evalString(keyNode, this.at(keyNode), frame);
    if (v.t === 'string') return v.v;
    return symbolOf(v) ?? key;
  }

  /**
   * A `copy` declaration `{name, count, input}` (property or variable iteration): the array of `input` evaluated
   * with `copyIndex('name')` = 0..count-1. An unknown count gives one representative element whose index is unknown.
   */
  copyArray(decl: Node, frame: Frame): Value {
    const at = this.at(decl);
    const name = stringOf(prop(decl, 'name')) ?? '';
    const input = prop(decl, 'input');
    const countNode = prop(decl, 'count');
    if (!input || !countNode) {
      this.state.report('invalid-template', 'error', at, `copy \`${name}\` needs \`count\` and \`input\``);
      return unknownValue(`copy \`${name}\` is incomplete`, at);
    }
    const count = this.copyCount(countNode, frame, name);
    const items: Value[] = [];
    const loop = name.toLowerCase();
    if (count === undefined) {
      const index = symbolic(`the number of \`${name}\` elements is not known`, at, `{copyIndex('${name}')}`);
      this.state.report('unknown-expansion', 'warning', this.at(countNode),
        `the count of copy \`${name}\` is not known before deployment: one element stands for all of them`);
      items.push(this.evaluate(input, { ...frame, copy: extend(frame.copy, loop, index) }));
    } else {
      for (let i = 0; i < count; i++) items.push(this.evaluate(input, { ...frame, copy: extend(frame.copy, loop, num(i, at)) }));
    }
    return list(items, at);
  }

  /** A copy loop's count: a known integer capped at the documented 800, or undefined when unknown. */
  copyCount(countNode: Node, frame: Frame, name: string): number | undefined {
    const v = this.evaluate(countNode, frame);
    const at = this.at(countNode);
    const n = v.t === 'number' ? v.v : v.t === 'string' && /^\d+$/.test(v.v) ? Number(v.v) : undefined;
    if (n === undefined) {
      if (v.t === 'unknown') return undefined;
      this.state.report('invalid-template', 'error', at, `copy \`${name}\` count is not an integer`);
      return 0;
    }
    if (!Number.isInteger(n) || n < 0) {
      this.state.report('invalid-template', 'error', at, `copy \`${name}\` count must be a non-negative integer`);
      return 0;
    }
    if (n > MAX_COPY) {
      this.state.report('invalid-value', 'error', at, `copy \`${name}\` count ${n} exceeds the limit of ${MAX_COPY}; only the first ${MAX_COPY} are loaded`);
      return MAX_COPY;
    }
    return n;
  }

  #evalString(node: Node, at: Provenance, frame: Frame): Value {
    const s = String(node.value);
    const c = classify(s);
    if (c.kind === 'literal') return str(c.value, at);
    let parsed = this.state.astCache.get(node);
    if (!parsed) {
      parsed = parseExpression(c.text);
      this.state.astCache.set(node, parsed);
    }
    if (!parsed.ok) {
      const offset = offsetInString(this.state.text, node, 1 + parsed.error.pos);
      this.state.report('invalid-template', 'error', offset, `invalid template expression: ${parsed.error.message}`);
      return unknownValue('the template expression is invalid', at);
    }
    return withAt(this.evalExpr(parsed.expr, frame, { node, at }), at);
  }

  /** Evaluates a parsed expression. */
  evalExpr(e: Expr, frame: Frame, site: Site): Value {
    const at = site.at;
    switch (e.k) {
      case 'str': return str(e.v, at);
      case 'num': return num(e.v, at);
      case 'lit': return e.v === null ? nul(at) : bool(e.v, at);
      case 'call': return this.#call(e, frame, site);
      case 'prop': {
        const target = this.evalExpr(e.target, frame, site);
        return this.#member(target, e.name, e.pos, site);
      }
      case 'index': {
        const target = this.evalExpr(e.target, frame, site);
        const index = this.evalExpr(e.index, frame, site);
        if (target.t === 'unknown') return unknownValue(target.why, at, target.refs);
        if (index.t === 'unknown') return unknownValue(index.why, at, index.refs);
        if (target.t === 'list' && index.t === 'number') {
          const item = target.items[index.v];
          if (item !== undefined) return item;
          return this.#fail(site, e.pos, `index ${index.v} is out of range for an array of ${target.items.length}`);
        }
        if (target.t === 'object' && index.t === 'string') return this.#member(target, index.v, e.pos, site);
        return this.#fail(site, e.pos, `cannot index ${target.t === 'list' ? 'an array' : `a ${target.t}`} with ${index.t === 'string' ? 'a string' : `a ${index.t}`}`);
      }
    }
  }

  #member(target: Value, name: string, pos: number, site: Site): Value {
    if (target.t === 'unknown') return unknownValue(target.why, site.at, target.refs);
    if (target.t === 'object') {
      const f = getField(target, name);
      if (f !== undefined) return f;
      return this.#fail(site, pos, `the object has no property \`${name}\``);
    }
    return this.#fail(site, pos, `cannot read property \`${name}\` of a ${target.t === 'list' ? 'array' : target.t}`);
  }

  #fail(site: Site, pos: number, message: string, code: DiagnosticCode = 'invalid-template'): Value {
    this.state.report(code, 'error', offsetInString(this.state.text, site.node, 1 + pos), message);
    return unknownValue(message, site.at);
  }

  #call(e: Extract<Expr, { k: 'call' }>, frame: Frame, site: Site): Value {
    const at = site.at;
    if (!this.state.spend(at)) return unknownValue('evaluation budget exhausted', at);
    const lower = e.name.toLowerCase();
    const callOffset = offsetInString(this.state.text, site.node, 1 + e.pos);
    const lc = this.state.lines.lineCol(callOffset);
    const ctx: CallCtx = {
      scope: this,
      frame,
      at,
      name: e.name,
      callAt: { file: at.file, line: lc.line, column: lc.column, endLine: lc.line, endColumn: lc.column },
      error: (message, code) => this.#fail(site, e.pos, message, code),
      evaluate: (x, f) => this.evalExpr(x, f ?? frame, site),
    };
    if (lower.includes('.')) {
      const args = e.args.map((a) => this.evalExpr(a, frame, site));
      return this.callUserFunction(e.name, args, at, frame, ctx.callAt);
    }
    const def = this.#fnTable[lower];
    if (!def) {
      if (lower.startsWith('list')) {
        // listKeys, listSecrets, listAccountSas…: values the resource returns at deployment (often secrets).
        // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#list
        const args = e.args.map((a) => this.evalExpr(a, frame, site));
        const target = args[0] ? this.resourceKeyOf(args[0]) : undefined;
        return unknownValue(`\`${e.name}()\` returns values known only at deployment`, at, target ? [target] : []);
      }
      return this.#fail(site, e.pos, `unsupported function \`${e.name}\``, 'unsupported-function');
    }
    if (e.args.length < def.min || (def.max !== undefined && e.args.length > def.max)) {
      const want = def.max === def.min ? `${def.min}` : def.max === undefined ? `at least ${def.min}` : `${def.min} to ${def.max}`;
      return this.#fail(site, e.pos, `\`${e.name}\` takes ${want} argument(s), got ${e.args.length}`);
    }
    if (def.lazy) return this.#bounded(def.run(ctx, [], e.args), ctx);
    const args = e.args.map((a) => this.evalExpr(a, frame, site));
    if (!def.handlesUnknown) {
      const u = firstUnknown(args, at);
      if (u) return u;
    }
    return this.#bounded(def.run(ctx, args, e.args), ctx);
  }

  /** Results too large to be real configuration become unknown (string doubling, huge ranges). */
  #bounded(v: Value, ctx: CallCtx): Value {
    if (v.t === 'string' && v.v.length > MAX_STRING) return ctx.error(`\`${ctx.name}\` produced a string longer than ${MAX_STRING} characters`, 'invalid-value');
    if (v.t === 'list' && v.items.length > MAX_ARRAY) return ctx.error(`\`${ctx.name}\` produced an array longer than ${MAX_ARRAY} elements`, 'invalid-value');
    return v;
  }

  // ---- resources ------------------------------------------------------------------------------------------------

  registerResource(h: ResourceHandle, symbolicName?: string): void {
    if (symbolicName !== undefined) this.symbols.set(symbolicName.toLowerCase(), h);
    if (!this.byName.has(h.name.toLowerCase())) this.byName.set(h.name.toLowerCase(), h);
  }

  /**
   * The estate key of the resource a value names: a resource id (known or symbolic), a symbolic name (languageVersion
   * 2.0) or a resource name declared in this template.
   */
  resourceKeyOf(v: Value): string | undefined {
    const text = symbolOf(v);
    if (text === undefined) return undefined;
    if (text.startsWith('/')) return text.toLowerCase();
    const lower = text.toLowerCase();
    return this.symbols.get(lower)?.key ?? this.byName.get(lower)?.key;
  }

  handleOf(v: Value): ResourceHandle | undefined {
    const text = symbolOf(v);
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    return this.symbols.get(lower) ?? this.byName.get(lower);
  }
}

function extend(m: ReadonlyMap<string, Value> | undefined, k: string, v: Value): ReadonlyMap<string, Value> {
  const out = new Map(m ?? []);
  out.set(k, v);
  return out;
}

export function withCopyIndex(frame: Frame, loop: string, index: Value): Frame {
  return { ...frame, loop, copy: extend(frame.copy, loop, index) };
}

/** A `copy` property whose value is an array of `{name, input}` is property iteration, not a property named copy. */
function isPropertyCopy(node: Node): boolean {
  if (node.type !== 'array' || !node.children?.length) return false;
  return node.children.every((c) => c.type === 'object' && prop(c, 'name') !== undefined && prop(c, 'input') !== undefined);
}
