import type { LoadDiagnostic, Provenance, Tri } from '../../model/core/index.js';
import type { ObjectValue, UnknownValue, Value } from '../common/value.js';
import { withParts, withoutParts } from '../common/value.js';
import { cidrSubnets } from './cidr.js';
import { ATTRIBUTE_FROM_PROPERTY, NAME_PROPERTY, getAttFromName, partitionOf, refFromName } from './return-values.js';
import type { Pseudo } from './return-values.js';
import { diagnostic } from './source.js';
import type { ResourceDecl, Template } from './template.js';

/**
 * Evaluates CloudFormation intrinsic functions into the positioned value tree. What the template decides
 * (parameters with defaults or given values, mappings, conditions, string functions) is computed; what only
 * deployment decides (generated names, ids, attributes, imports, the account) becomes `unknown` with the reason and,
 * when it comes from a resource of the template, that resource's key in `refs`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */

/** `AWS::NoValue`: the property (or list item) it stands in is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = Value | typeof NO_VALUE;

export interface Decision {
  readonly v: Tri;
  /** Why the decision is unknown (empty when known). */
  readonly why: string;
}

const MAX_RESOLVE_DEPTH = 512;

export class Resolver {
  /** Known handles that stand for a resource of this template (a bucket's name from `!Ref`), by value node. */
  readonly origin = new WeakMap<Value, string>();
  /**
   * Unknown values that are dynamic references (`!Sub '{{resolve:secretsmanager:${Secret}::password}}'`): their
   * text is not known, but they are fetched at deployment, not written into the template.
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
   */
  readonly dynamicReferences = new WeakSet<Value>();
  readonly pseudo: Pseudo;
  readonly #tpl: Template;
  readonly #given: Readonly<Record<string, string>>;
  readonly #diagnostics: LoadDiagnostic[];
  readonly #conditions = new Map<string, Decision>();
  readonly #conditionsBusy = new Set<string>();
  readonly #names = new Map<string, Value | undefined>();
  readonly #namesBusy = new Set<string>();
  readonly #params = new Map<string, Value>();
  #depth = 0;
  #deepReported = false;

  constructor(tpl: Template, given: Readonly<Record<string, string>>, diagnostics: LoadDiagnostic[]) {
    this.#tpl = tpl;
    this.#given = given;
    this.#diagnostics = diagnostics;
    const region = given['AWS::Region'];
    this.pseudo = { partition: given['AWS::Partition'] ?? partitionOf(region), region, accountId: given['AWS::AccountId'] };
  }

  key(logicalId: string): string {
    return `${this.#tpl.file}#${logicalId}`;
  }

  #report(code: LoadDiagnostic['code'], at: Provenance, message: string, severity: LoadDiagnostic['severity'] = 'error'): void {
    this.#diagnostics.push(diagnostic(code, this.#tpl.file, at, message, severity));
  }

  /** Resolves a value; an object or list without intrinsics comes back as the same node. */
  resolve(v: Value): Resolved {
    if (this.#depth >= MAX_RESOLVE_DEPTH) {
      if (!this.#deepReported) {
        this.#deepReported = true;
        this.#report('too-deep', v.at, `intrinsic functions nest deeper than ${MAX_RESOLVE_DEPTH} levels; the value is unknown`);
      }
      return unknownAt('nested too deeply to evaluate', v.at);
    }
    this.#depth++;
    try {
      return this.#resolve(v);
    } finally {
      this.#depth--;
    }
  }

  /** Resolves a value where `AWS::NoValue` means "not set". */
  resolveOptional(v: Value | undefined): Value | undefined {
    if (v === undefined) return undefined;
    const r = this.resolve(v);
    return r === NO_VALUE ? undefined : r;
  }

  #resolve(v: Value): Resolved {
    if (v.t === 'object') {
      if (v.fields.size === 1) {
        const [entry] = v.fields;
        if (entry && (entry[0] === 'Ref' || entry[0].startsWith('Fn::'))) return this.#call(entry[0], entry[1], v.at);
      }
      let out: Map<string, Value> | undefined;
      let k = 0;
      for (const [name, f] of v.fields) {
        const r = this.resolve(f);
        if (r !== f && !out) {
          out = new Map();
          let j = 0;
          for (const [n2, f2] of v.fields) {
            if (j++ >= k) break;
            out.set(n2, f2);
          }
        }
        if (out && r !== NO_VALUE) out.set(name, r);
        k++;
      }
      return out ? { t: 'object', fields: out, at: v.at } : v;
    }
    if (v.t === 'list') {
      let out: Value[] | undefined;
      for (let k = 0; k < v.items.length; k++) {
        const f = v.items[k] as Value;
        const r = this.resolve(f);
        if (r !== f && !out) out = v.items.slice(0, k);
        if (out && r !== NO_VALUE) out.push(r);
      }
      return out ? { t: 'list', items: out, at: v.at } : v;
    }
    return v;
  }

  #call(fn: string, arg: Value, at: Provenance): Resolved {
    switch (fn) {
      case 'Ref': {
        const name = this.resolve(arg);
        if (name === NO_VALUE || name.t !== 'string') {
          return this.#invalid(at, '`Ref` takes the name of a parameter, pseudo parameter or resource', name);
        }
        return this.ref(name.v, at);
      }
      case 'Fn::GetAtt': return this.#getAtt(arg, at);
      case 'Fn::Sub': return this.#sub(arg, at);
      case 'Fn::Join': return this.#join(arg, at);
      case 'Fn::Select': return this.#select(arg, at);
      case 'Fn::Split': return this.#split(arg, at);
      case 'Fn::If': return this.#if(arg, at);
      case 'Fn::FindInMap': return this.#findInMap(arg, at);
      case 'Fn::Base64': {
        const s = this.resolve(arg);
        if (s === NO_VALUE) return this.#invalid(at, '`Fn::Base64` takes a string');
        if (s.t === 'unknown') return { ...withoutParts(s), at };
        const text = scalarText(s);
        if (text === undefined) return this.#invalid(at, '`Fn::Base64` takes a string');
        return { t: 'string', v: Buffer.from(text, 'utf8').toString('base64'), at };
      }
      case 'Fn::GetAZs':
        return unknownAt('`!GetAZs` lists the availability zones of the account at deployment', at);
      case 'Fn::ImportValue': {
        const name = this.resolve(arg);
        const label = name !== NO_VALUE && name.t === 'string' ? ` ${name.v}` : '';
        return unknownAt(`\`!ImportValue${label}\` is exported by another stack`, at);
      }
      case 'Fn::Cidr': return this.#cidr(arg, at);
      case 'Fn::Equals': case 'Fn::And': case 'Fn::Or': case 'Fn::Not': {
        const d = this.#conditionExpr({ t: 'object', fields: new Map([[fn, arg]]), at });
        return d.v === 'unknown' ? unknownAt(d.why, at) : { t: 'bool', v: d.v, at };
      }
      case 'Fn::Length': {
        const l = this.resolve(arg);
        if (l === NO_VALUE) return this.#invalid(at, '`Fn::Length` takes a list');
        if (l.t === 'unknown') return { ...withoutParts(l), at };
        if (l.t !== 'list') return this.#invalid(at, '`Fn::Length` takes a list');
        return { t: 'number', v: l.items.length, at };
      }
      case 'Fn::ToJsonString': {
        const o = this.resolve(arg);
        if (o === NO_VALUE) return this.#invalid(at, '`Fn::ToJsonString` takes an object or a list');
        // The structure stays beside the string, so a policy written this way is still read as a document.
        const bad = firstUnknownIn(o);
        if (bad) return { t: 'unknown', why: bad.why, refs: bad.refs, at, json: o };
        return { t: 'string', v: JSON.stringify(plain(o)), at, json: o };
      }
      case 'Fn::Transform': {
        const name = arg.t === 'object' ? arg.fields.get('Name') : undefined;
        const label = name?.t === 'string' ? ` \`${name.v}\`` : '';
        return unknownAt(`the macro${label} (\`Fn::Transform\`) runs at deployment`, at);
      }
      default:
        this.#report('unsupported-function', at, `\`${fn}\` (\`!${fn.replace('Fn::', '')}\`) is not a CloudFormation intrinsic function; the value is unknown`);
        return unknownAt(`\`${fn}\` is not evaluated`, at);
    }
  }

  #invalid(at: Provenance, message: string, got?: Resolved): Value {
    if (got !== undefined && got !== NO_VALUE && got.t === 'unknown') return { ...withoutParts(got), at };
    this.#report('invalid-template', at, `${message}; the value is unknown`);
    return unknownAt(message, at);
  }

  // ---- Ref ----

  ref(name: string, at: Provenance): Resolved {
    switch (name) {
      case 'AWS::NoValue': return NO_VALUE;
      case 'AWS::Partition': return { t: 'string', v: this.pseudo.partition, at };
      case 'AWS::URLSuffix':
        return { t: 'string', v: this.#given['AWS::URLSuffix'] ?? (this.pseudo.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'), at };
      case 'AWS::Region': case 'AWS::AccountId': case 'AWS::StackName': case 'AWS::StackId': case 'AWS::NotificationARNs': {
        const given = this.#given[name];
        if (given !== undefined) {
          return name === 'AWS::NotificationARNs' ? { t: 'list', items: splitList(given).map((s) => ({ t: 'string', v: s, at })), at } : { t: 'string', v: given, at };
        }
        return unknownAt(`\`${name}\` is known only at deployment`, at);
      }
      default: break;
    }
    if (this.#tpl.parameters.has(name)) return relocate(this.#parameter(name), at);
    const decl = this.#tpl.resources.get(name);
    if (decl) return this.#refResource(decl, at);
    if (name.startsWith('AWS::')) {
      this.#report('unresolved-reference', at, `\`${name}\` is not a pseudo parameter`);
      return unknownAt(`\`${name}\` is not a pseudo parameter`, at);
    }
    this.#report('unresolved-reference', at, `\`Ref ${name}\`: no parameter or resource \`${name}\` in the template`);
    return unknownAt(`\`${name}\` is not declared in the template`, at);
  }

  #parameter(name: string): Value {
    const cached = this.#params.get(name);
    if (cached) return cached;
    const p = this.#tpl.parameters.get(name);
    let v: Value;
    if (!p) v = unknownAt(`parameter \`${name}\` is not declared`, this.#tpl.root.at);
    else {
      const isList = p.type === 'CommaDelimitedList' || p.type.startsWith('List<');
      const given = this.#given[name];
      if (p.type.startsWith('AWS::SSM::Parameter::Value<')) {
        const source = given ?? (p.default && scalarText(p.default));
        v = unknownAt(`parameter \`${name}\` is read from SSM Parameter Store${source ? ` (\`${source}\`)` : ''} at deployment`, p.at);
      } else if (given !== undefined) {
        v = isList ? listOf(splitList(given), p.at) : { t: 'string', v: given, at: p.at };
      } else if (p.default !== undefined && p.default.t !== 'null') {
        const d = p.default;
        const text = scalarText(d);
        if (isList && text !== undefined) v = listOf(splitList(text), d.at);
        else if (text !== undefined) v = { t: 'string', v: text, at: d.at };
        else if (d.t === 'list') v = d;
        else v = unknownAt(`the default of parameter \`${name}\` is not a string`, d.at);
      } else {
        v = unknownAt(`parameter \`${name}\` has no default and no value was given`, p.at);
      }
    }
    this.#params.set(name, v);
    return v;
  }

  /** The parameter's value as resolved (given value, else default), positioned where it was written. */
  parameterValue(name: string): Value {
    return this.#parameter(name);
  }

  /** The resolved physical name of a resource, when its type has one and the template sets it. */
  nameOf(decl: ResourceDecl): Value | undefined {
    if (this.#names.has(decl.logicalId)) return this.#names.get(decl.logicalId);
    const prop = NAME_PROPERTY[decl.type];
    const raw = prop ? decl.properties?.fields.get(prop) : undefined;
    if (raw === undefined) {
      this.#names.set(decl.logicalId, undefined);
      return undefined;
    }
    if (this.#namesBusy.has(decl.logicalId)) {
      this.#report('cycle', raw.at, `the name of \`${decl.logicalId}\` depends on itself`);
      return unknownAt(`the name of \`${decl.logicalId}\` depends on itself`, raw.at);
    }
    this.#namesBusy.add(decl.logicalId);
    const v = this.resolveOptional(raw);
    this.#namesBusy.delete(decl.logicalId);
    this.#names.set(decl.logicalId, v);
    return v;
  }

  /** One property of a resource, resolved on its own (for attributes that return it), guarded against cycles. */
  #property(decl: ResourceDecl, prop: string): Resolved | undefined {
    const raw = decl.properties?.fields.get(prop);
    if (raw === undefined) return undefined;
    const busy = `${decl.logicalId}.${prop}`;
    if (this.#namesBusy.has(busy)) {
      this.#report('cycle', raw.at, `\`${busy}\` depends on itself`);
      return unknownAt(`\`${busy}\` depends on itself`, raw.at);
    }
    this.#namesBusy.add(busy);
    try {
      return this.resolve(raw);
    } finally {
      this.#namesBusy.delete(busy);
    }
  }

  #pathOf(decl: ResourceDecl): string {
    const raw = decl.properties?.fields.get('Path');
    const v = raw ? this.resolveOptional(raw) : undefined;
    return v?.t === 'string' ? v.v : '/';
  }

  #notCreated(decl: ResourceDecl, at: Provenance): Value | undefined {
    const created = this.created(decl);
    if (created.v !== false) return undefined;
    return unknownAt(`resource \`${decl.logicalId}\` is not created (${created.why})`, at);
  }

  #refResource(decl: ResourceDecl, at: Provenance): Value {
    const gone = this.#notCreated(decl, at);
    if (gone) return gone;
    const key = this.key(decl.logicalId);
    const name = this.nameOf(decl);
    if (name?.t === 'string') {
      const handle = refFromName(decl.type, name.v, this.#pathOf(decl), this.pseudo);
      if (handle !== undefined) {
        const s: Value = { t: 'string', v: handle, at };
        this.origin.set(s, key);
        return s;
      }
    }
    return { t: 'unknown', why: `\`!Ref ${decl.logicalId}\` (${decl.type}) is known only after deployment`, refs: [key], at };
  }

  // ---- Fn::GetAtt ----

  #getAtt(arg: Value, at: Provenance): Value {
    let id: string | undefined;
    let attr: string | undefined;
    const r = this.resolve(arg);
    if (r !== NO_VALUE && r.t === 'list' && r.items.length === 2) {
      const [a, b] = r.items;
      if (a?.t === 'string') id = a.v;
      if (b?.t === 'string') attr = b.v;
      if (b?.t === 'unknown') return { ...withoutParts(b), at };
    } else if (r !== NO_VALUE && r.t === 'string' && r.v.includes('.')) {
      id = r.v.slice(0, r.v.indexOf('.'));
      attr = r.v.slice(r.v.indexOf('.') + 1);
    }
    if (id === undefined || attr === undefined) return this.#invalid(at, '`Fn::GetAtt` takes [logicalId, attribute]', r);
    const decl = this.#tpl.resources.get(id);
    if (!decl) {
      this.#report('unresolved-reference', at, `\`!GetAtt ${id}.${attr}\`: no resource \`${id}\` in the template`);
      return unknownAt(`\`${id}\` is not declared in the template`, at);
    }
    const gone = this.#notCreated(decl, at);
    if (gone) return gone;
    const key = this.key(id);
    const fromProperty = ATTRIBUTE_FROM_PROPERTY[decl.type]?.[attr];
    if (fromProperty !== undefined) {
      const v = this.#property(decl, fromProperty);
      if (v !== undefined && v !== NO_VALUE) return relocate(v, at) as Value;
    }
    const name = this.nameOf(decl);
    if (name?.t === 'string') {
      const handle = getAttFromName(decl.type, attr, name.v, this.#pathOf(decl), this.pseudo);
      if (handle !== undefined) {
        const s: Value = { t: 'string', v: handle, at };
        this.origin.set(s, key);
        return s;
      }
    }
    return { t: 'unknown', why: `\`!GetAtt ${id}.${attr}\` is known only after deployment`, refs: [key], at };
  }

  // ---- Fn::Sub ----

  #sub(arg: Value, at: Provenance): Value {
    let template: Value | undefined;
    let vars: ObjectValue | undefined;
    if (arg.t === 'string') template = arg;
    else if (arg.t === 'list' && (arg.items.length === 1 || arg.items.length === 2)) {
      const [t, m] = arg.items;
      const rt = t ? this.resolveOptional(t) : undefined;
      template = rt;
      if (m?.t === 'object') vars = m;
      else if (m !== undefined) return this.#invalid(at, 'the second argument of `Fn::Sub` must be a map of variables');
    }
    if (template?.t === 'unknown') return { ...withoutParts(template), at };
    if (template?.t !== 'string') return this.#invalid(at, '`Fn::Sub` takes a string, or [string, variables]');
    const text = template.v;
    const resolvedVars = new Map<string, Resolved>();
    let out = '';
    const unknowns: UnknownValue[] = [];
    // The string's shape when some variables are unknown: literal text between them stays known.
    const pieces: (string | UnknownValue)[] = [];
    let mark = 0;
    let k = 0;
    while (k < text.length) {
      const open = text.indexOf('${', k);
      if (open === -1) {
        out += text.slice(k);
        break;
      }
      const close = text.indexOf('}', open + 2);
      if (close === -1) {
        out += text.slice(k);
        break;
      }
      out += text.slice(k, open);
      const inner = text.slice(open + 2, close);
      k = close + 1;
      if (inner.startsWith('!')) {
        // `${!Literal}` writes `${Literal}`.
        out += `\${${inner.slice(1)}}`;
        continue;
      }
      const name = inner.trim();
      let v: Resolved;
      const raw = vars?.fields.get(name);
      if (raw !== undefined) {
        let cached = resolvedVars.get(name);
        if (cached === undefined) {
          cached = this.resolve(raw);
          resolvedVars.set(name, cached);
        }
        v = cached;
      } else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        v = this.#getAtt({ t: 'list', items: [{ t: 'string', v: name.slice(0, dot), at }, { t: 'string', v: name.slice(dot + 1), at }], at }, at);
      } else {
        v = this.ref(name, at);
      }
      if (v === NO_VALUE) continue;
      if (v.t === 'unknown') {
        unknowns.push(v);
        pieces.push(out.slice(mark), v);
        mark = out.length;
        continue;
      }
      const s = scalarText(v);
      if (s === undefined) return this.#invalid(at, `\`\${${name}}\` in \`Fn::Sub\` is not a string`);
      out += s;
    }
    pieces.push(out.slice(mark));
    if (unknowns.length > 0) return this.#partial(mergeUnknown(unknowns, at), text, pieces);
    return { t: 'string', v: out, at };
  }

  #markDynamic(v: Value, text: string): Value {
    if (text.includes('{{resolve:')) this.dynamicReferences.add(v);
    return v;
  }

  /**
   * An unknown string built from known and unknown pieces, keeping its literal text. Not for a dynamic reference,
   * whose text is replaced whole by the value fetched at deployment.
   */
  #partial(u: UnknownValue, text: string, pieces: readonly (string | UnknownValue)[]): Value {
    return this.#markDynamic(text.includes('{{resolve:') ? u : withParts(u, pieces), text);
  }

  // ---- list and string functions ----

  #args(arg: Value, count: number): Value[] | undefined {
    if (arg.t !== 'list' || arg.items.length < count) return undefined;
    return arg.items as Value[];
  }

  #join(arg: Value, at: Provenance): Value {
    const args = this.#args(arg, 2);
    if (!args) return this.#invalid(at, '`Fn::Join` takes [delimiter, list]');
    const delim = this.resolveOptional(args[0] as Value);
    const items = this.resolveOptional(args[1] as Value);
    if (delim?.t === 'unknown') return { ...withoutParts(delim), at };
    if (items?.t === 'unknown') return { ...withoutParts(items), at };
    const d = delim === undefined ? undefined : scalarText(delim);
    if (d === undefined || items?.t !== 'list') return this.#invalid(at, '`Fn::Join` takes [delimiter, list]');
    const parts: string[] = [];
    const unknowns: UnknownValue[] = [];
    const pieces: (string | UnknownValue)[] = [];
    for (const it of items.items) {
      if (pieces.length > 0) pieces.push(d);
      if (it.t === 'unknown') {
        unknowns.push(it);
        pieces.push(it);
        continue;
      }
      const s = scalarText(it);
      if (s === undefined) return this.#invalid(it.at, 'items of `Fn::Join` must be strings');
      parts.push(s);
      pieces.push(s);
    }
    if (unknowns.length > 0) return this.#partial(mergeUnknown(unknowns, at), parts.join(d), pieces);
    return { t: 'string', v: parts.join(d), at };
  }

  #select(arg: Value, at: Provenance): Resolved {
    const args = this.#args(arg, 2);
    if (!args) return this.#invalid(at, '`Fn::Select` takes [index, list]');
    const index = this.resolveOptional(args[0] as Value);
    const items = this.resolveOptional(args[1] as Value);
    if (index?.t === 'unknown') return { ...withoutParts(index), at };
    if (items?.t === 'unknown') return { ...withoutParts(items), at };
    const n = index === undefined ? undefined : Number(scalarText(index));
    if (n === undefined || !Number.isInteger(n) || items?.t !== 'list') return this.#invalid(at, '`Fn::Select` takes [index, list]');
    const picked = items.items[n];
    if (picked === undefined) return this.#invalid(at, `\`Fn::Select\` index ${n} is outside a list of ${items.items.length}`);
    return relocate(picked, at);
  }

  #split(arg: Value, at: Provenance): Value {
    const args = this.#args(arg, 2);
    if (!args) return this.#invalid(at, '`Fn::Split` takes [delimiter, string]');
    const delim = this.resolveOptional(args[0] as Value);
    const source = this.resolveOptional(args[1] as Value);
    if (delim?.t === 'unknown') return { ...withoutParts(delim), at };
    if (source?.t === 'unknown') return { ...withoutParts(source), at };
    const d = delim === undefined ? undefined : scalarText(delim);
    const s = source === undefined ? undefined : scalarText(source);
    if (d === undefined || s === undefined || d === '') return this.#invalid(at, '`Fn::Split` takes [delimiter, string]');
    return listOf(s.split(d), at);
  }

  #cidr(arg: Value, at: Provenance): Value {
    const args = this.#args(arg, 3);
    if (!args) return this.#invalid(at, '`Fn::Cidr` takes [ipBlock, count, cidrBits]');
    const vals = args.slice(0, 3).map((a) => this.resolveOptional(a));
    const u = vals.find((v): v is UnknownValue => v?.t === 'unknown');
    if (u) return { ...withoutParts(u), at };
    const [block, count, bits] = vals.map((v) => (v === undefined ? undefined : scalarText(v)));
    if (block === undefined || count === undefined || bits === undefined) return this.#invalid(at, '`Fn::Cidr` takes [ipBlock, count, cidrBits]');
    const r = cidrSubnets(block, Number(count), Number(bits));
    if (!r.ok) return this.#invalid(at, `\`Fn::Cidr\`: ${r.error}`);
    return listOf(r.cidrs, at);
  }

  #findInMap(arg: Value, at: Provenance): Resolved {
    const args = this.#args(arg, 3);
    if (!args) return this.#invalid(at, '`Fn::FindInMap` takes [map, top-level key, second-level key]');
    const keys = args.slice(0, 3).map((a) => this.resolveOptional(a));
    const u = keys.find((v): v is UnknownValue => v?.t === 'unknown');
    // Defaults are an AWS::LanguageExtensions option: [map, key, key, {DefaultValue: x}].
    const opts = args[3]?.t === 'object' ? args[3] : undefined;
    const dflt = opts?.fields.get('DefaultValue');
    if (u) return { ...withoutParts(u), at };
    const [mapName, top, second] = keys.map((k) => (k === undefined ? undefined : scalarText(k)));
    if (mapName === undefined || top === undefined || second === undefined) {
      return this.#invalid(at, '`Fn::FindInMap` takes [map, top-level key, second-level key]');
    }
    const map = this.#tpl.mappings?.fields.get(mapName);
    const level1 = map?.t === 'object' ? map.fields.get(top) : undefined;
    const found = level1?.t === 'object' ? level1.fields.get(second) : undefined;
    if (found !== undefined) return relocate(found, at);
    if (dflt !== undefined) return relocate(this.resolve(dflt), at);
    if (map === undefined) {
      this.#report('unresolved-reference', at, `\`Fn::FindInMap\`: no mapping \`${mapName}\``);
      return unknownAt(`mapping \`${mapName}\` is not declared`, at);
    }
    this.#report('unresolved-reference', at, `\`Fn::FindInMap\`: mapping \`${mapName}\` has no \`${top}\`/\`${second}\``);
    return unknownAt(`mapping \`${mapName}\` has no \`${top}\`/\`${second}\``, at);
  }

  // ---- conditions ----

  #if(arg: Value, at: Provenance): Resolved {
    const args = this.#args(arg, 3);
    const name = args?.[0];
    if (!args || name?.t !== 'string') return this.#invalid(at, '`Fn::If` takes [condition, value if true, value if false]');
    const d = this.condition(name.v, name.at);
    if (d.v === true) return this.resolve(args[1] as Value);
    if (d.v === false) return this.resolve(args[2] as Value);
    return unknownAt(`condition \`${name.v}\` is undecided: ${d.why}`, at);
  }

  /** A named condition of the Conditions section, evaluated once. */
  condition(name: string, at: Provenance): Decision {
    const cached = this.#conditions.get(name);
    if (cached) return cached;
    const expr = this.#tpl.conditions.get(name);
    if (expr === undefined) {
      this.#report('unresolved-reference', at, `condition \`${name}\` is not declared in \`Conditions\``);
      return { v: 'unknown', why: `condition \`${name}\` is not declared` };
    }
    if (this.#conditionsBusy.has(name)) {
      this.#report('cycle', expr.at, `condition \`${name}\` depends on itself`);
      return { v: 'unknown', why: `condition \`${name}\` depends on itself` };
    }
    this.#conditionsBusy.add(name);
    const d = this.#conditionExpr(expr);
    this.#conditionsBusy.delete(name);
    this.#conditions.set(name, d);
    return d;
  }

  /** Whether a resource is created: its `Condition`, or true when it has none. */
  created(decl: ResourceDecl): Decision {
    const c = decl.condition;
    if (c === undefined) return { v: true, why: '' };
    if (c.t !== 'string') {
      this.#report('invalid-template', c.at, `the \`Condition\` of \`${decl.logicalId}\` must be a condition name`);
      return { v: 'unknown', why: 'its condition is not a name' };
    }
    const d = this.condition(c.v, c.at);
    if (d.v === false) return { v: false, why: `condition \`${c.v}\` is false` };
    if (d.v === 'unknown') return { v: 'unknown', why: `condition \`${c.v}\` is undecided: ${d.why}` };
    return d;
  }

  #conditionExpr(v: Value): Decision {
    if (v.t === 'object' && v.fields.size === 1) {
      const [entry] = v.fields;
      const [fn, arg] = entry as [string, Value];
      switch (fn) {
        case 'Condition':
          if (arg.t === 'string') return this.condition(arg.v, arg.at);
          break;
        case 'Fn::Equals': {
          if (arg.t !== 'list' || arg.items.length !== 2) break;
          const a = this.resolveOptional(arg.items[0] as Value);
          const b = this.resolveOptional(arg.items[1] as Value);
          if (a?.t === 'unknown') return { v: 'unknown', why: a.why };
          if (b?.t === 'unknown') return { v: 'unknown', why: b.why };
          return { v: sameValue(a, b), why: '' };
        }
        case 'Fn::And': case 'Fn::Or': {
          if (arg.t !== 'list' || arg.items.length === 0) break;
          const parts = arg.items.map((x) => this.#conditionExpr(x));
          const absorbing = fn === 'Fn::And' ? false : true;
          if (parts.some((p) => p.v === absorbing)) return { v: absorbing, why: '' };
          const u = parts.find((p) => p.v === 'unknown');
          return u ?? { v: !absorbing, why: '' };
        }
        case 'Fn::Not': {
          const inner = arg.t === 'list' && arg.items.length === 1 ? arg.items[0] : undefined;
          if (!inner) break;
          const d = this.#conditionExpr(inner);
          return d.v === 'unknown' ? d : { v: !d.v, why: '' };
        }
        default: {
          const r = this.resolveOptional(v);
          if (r?.t === 'bool') return { v: r.v, why: '' };
          if (r?.t === 'unknown') return { v: 'unknown', why: r.why };
        }
      }
    } else if (v.t === 'bool') return { v: v.v, why: '' };
    else if (v.t === 'string' && (v.v === 'true' || v.v === 'false')) return { v: v.v === 'true', why: '' };
    this.#report('invalid-template', v.at, 'a condition must be `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` or `Condition`');
    return { v: 'unknown', why: 'the condition is malformed' };
  }
}

// ---- helpers ----

function unknownAt(why: string, at: Provenance, refs: readonly string[] = []): Value {
  return { t: 'unknown', why, refs, at };
}

function mergeUnknown(parts: readonly UnknownValue[], at: Provenance): UnknownValue {
  const refs = [...new Set(parts.flatMap((p) => p.refs))];
  const first = parts[0] as UnknownValue;
  return { t: 'unknown', why: first.why, refs, at };
}

/** The text of a scalar as CloudFormation turns it into a string; undefined for lists, objects and unknowns. */
export function scalarText(v: Value): string | undefined {
  switch (v.t) {
    case 'string': return v.v;
    case 'number': return String(v.v);
    case 'bool': return v.v ? 'true' : 'false';
    default: return undefined;
  }
}

function splitList(s: string): string[] {
  return s === '' ? [] : s.split(',').map((x) => x.trim());
}

function listOf(items: readonly string[], at: Provenance): Value {
  return { t: 'list', items: items.map((v) => ({ t: 'string', v, at })), at };
}

/** A value re-positioned where it is used (a parameter's default seen from the property that refers to it). */
function relocate(v: Resolved, at: Provenance): Resolved {
  if (v === NO_VALUE) return v;
  switch (v.t) {
    case 'list': return { t: 'list', items: v.items.map((x) => relocate(x, at) as Value), at };
    case 'object': return { ...v, at };
    default: return { ...v, at };
  }
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (sa !== undefined || sb !== undefined) return sa === sb;
  if (a.t === 'list' && b.t === 'list') return a.items.length === b.items.length && a.items.every((x, k) => sameValue(x, b.items[k]));
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

function firstUnknownIn(v: Value): UnknownValue | undefined {
  if (v.t === 'unknown') return v;
  if (v.t === 'list') for (const x of v.items) {
    const u = firstUnknownIn(x);
    if (u) return u;
  }
  if (v.t === 'object') for (const x of v.fields.values()) {
    const u = firstUnknownIn(x);
    if (u) return u;
  }
  return undefined;
}

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

function plain(v: Value): Plain {
  switch (v.t) {
    case 'string': case 'number': case 'bool': return v.v;
    case 'null': case 'unknown': return null;
    case 'list': return v.items.map(plain);
    case 'object': {
      const o: { [k: string]: Plain } = {};
      for (const [k, x] of v.fields) o[k] = plain(x);
      return o;
    }
  }
}
