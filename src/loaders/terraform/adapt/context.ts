import type { Attr, EmbeddedDocument, Link, LoadDiagnostic, NativeRef, Provenance, ResourceBase, Unknown } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { Resource, ResourceFragment, ResourceKind, ResourceOfKind } from '../../../model/index.js';
import {
  field, readBool, readDocument, readLink, readNullableString, readNumber, readString, readStringList,
} from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import type { TfResourceInstance } from '../types.js';

/**
 * One Terraform resource instance seen by an adapter: typed readers over its values (arguments and nested blocks,
 * blocks as lists of objects) and builders for the model resource or fragments it becomes.
 */
export class Tf {
  readonly v: ObjectValue;
  readonly at: Provenance;
  readonly native: NativeRef;

  constructor(readonly inst: TfResourceInstance) {
    this.v = inst.values;
    this.at = inst.at;
    this.native = { type: inst.type, name: inst.name, address: inst.address };
  }

  get key(): string {
    return this.inst.key;
  }

  /**
   * An argument: undefined when not set, including a value the plan marks `unset` (computed by the provider because
   * the configuration leaves it out).
   */
  field(name: string, o: ObjectValue = this.v): Value | undefined {
    const x = field(o, name);
    return x?.t === 'unknown' && x.unset ? undefined : x;
  }

  /** The value as the input has it, `unset` marks included. */
  raw(name: string, o: ObjectValue = this.v): Value | undefined {
    return field(o, name);
  }

  /** An output the provider computes (an address assigned at apply): unknown until then, never "not set". */
  output(name: string, o: ObjectValue = this.v): Attr<string | null> {
    return readNullableString(field(o, name), o.at);
  }

  /** The first of several argument names that is set (renamed arguments across provider versions). */
  first(names: readonly string[], o: ObjectValue = this.v): Value | undefined {
    for (const n of names) {
      const x = this.field(n, o);
      // Plans write an unset optional string as "".
      if (x !== undefined && x.t !== 'null' && !(x.t === 'string' && x.v === '')) return x;
    }
    return undefined;
  }

  /**
   * Without a default, an argument the provider fills in at apply is unknown for that reason ("computed by the
   * provider"), not merely "not set".
   */
  #computed(name: string, o: ObjectValue, dflt: unknown): Unknown | undefined {
    if (dflt !== undefined) return undefined;
    const x = field(o, name);
    return x?.t === 'unknown' && x.unset ? unknown(x.at, x.why) : undefined;
  }

  str(name: string, dflt?: string, o: ObjectValue = this.v): Attr<string> {
    const x = this.field(name, o);
    // Terraform writes unset optional strings as "" in plans: that is "not set", so the default applies.
    return this.#computed(name, o, dflt) ?? readString(x?.t === 'string' && x.v === '' ? undefined : x, o.at, dflt, name);
  }

  nstr(name: string, o: ObjectValue = this.v): Attr<string | null> {
    return readNullableString(this.field(name, o), o.at);
  }

  /**
   * An optional handle on another resource (a KMS key, a log bucket, a log group): null when not set; a value known
   * only after apply that derives from exactly one resource (`aws_kms_key.data.arn`) is that resource's key, so the
   * setting is known to be set and can be followed, as CloudFormation's `!GetAtt Key.Arn` is.
   */
  handle(name: string, o: ObjectValue = this.v): Attr<string | null> {
    const x = this.field(name, o);
    if (x?.t === 'unknown' && x.refs.length === 1) return known(x.refs[0] as string, x.at);
    return this.nstr(name, o);
  }

  bool(name: string, dflt?: boolean, o: ObjectValue = this.v): Attr<boolean> {
    return this.#computed(name, o, dflt) ?? readBool(this.field(name, o), o.at, dflt, name);
  }

  num(name: string, dflt?: number, o: ObjectValue = this.v): Attr<number> {
    return this.#computed(name, o, dflt) ?? readNumber(this.field(name, o), o.at, dflt, name);
  }

  strs(name: string, o: ObjectValue = this.v, dflt: readonly string[] = []): Attr<readonly string[]> {
    return readStringList(this.field(name, o), o.at, dflt);
  }

  /** A reference to another resource; an empty string is "not set". */
  link(name: string, o: ObjectValue = this.v): Link {
    const computed = this.#computed(name, o, undefined);
    if (computed) return computed;
    const x = this.field(name, o);
    if (x?.t === 'string' && x.v === '') return unknown(x.at, `\`${name}\` is not set`);
    return readLink(x, o.at);
  }

  /** An optional reference: null when not set. */
  optLink(name: string, o: ObjectValue = this.v): Link | null {
    const x = this.field(name, o);
    if (x === undefined || x.t === 'null' || (x.t === 'string' && x.v === '')) return null;
    return readLink(x, o.at);
  }

  links(name: string, o: ObjectValue = this.v): Link[] {
    return this.#list(name, o).filter((x) => !(x.t === 'string' && x.v === '') && x.t !== 'null').map((x) => readLink(x, o.at));
  }

  #list(name: string, o: ObjectValue): readonly Value[] {
    const x = this.field(name, o);
    if (x === undefined || x.t === 'null') return [];
    return x.t === 'list' ? x.items : [x];
  }

  doc(name: string, o: ObjectValue = this.v): Attr<EmbeddedDocument | null> {
    return readDocument(this.field(name, o), o.at);
  }

  /** A map of strings (`tags`): null or absent is empty; unknown when any entry is. */
  stringMap(name: string, o: ObjectValue = this.v): Attr<Readonly<Record<string, string>>> {
    const x = this.field(name, o);
    if (x === undefined || x.t === 'null') return defaulted({}, o.at);
    if (x.t === 'unknown') return unknown(x.at, x.why);
    if (x.t !== 'object') return unknown(x.at, `\`${name}\` is not a map`);
    const out: Record<string, string> = {};
    for (const [k, v] of x.fields) {
      if (v.t === 'unknown') return unknown(v.at, v.why);
      if (v.t === 'string' || v.t === 'number' || v.t === 'bool') out[k] = String(v.v);
    }
    return known(out, x.at);
  }

  /** A document that must exist (trust policy, managed policy): absent or empty is unknown, never "no policy". */
  requiredDoc(name: string, o: ObjectValue = this.v): Attr<EmbeddedDocument> {
    const d = this.doc(name, o);
    if (!d.known) return d;
    return d.value === null ? unknown(d.at, `\`${name}\` is not set`) : known(d.value, d.at);
  }

  /** The first block of a nested block type (Terraform writes blocks as lists), or a nested object. */
  block(name: string, o: ObjectValue = this.v): ObjectValue | undefined {
    const x = this.field(name, o);
    if (x?.t === 'object') return x;
    if (x?.t === 'list' && x.items[0]?.t === 'object') return x.items[0];
    return undefined;
  }

  blocks(name: string, o: ObjectValue = this.v): ObjectValue[] {
    return this.#list(name, o).filter((x): x is ObjectValue => x.t === 'object');
  }

  /** Whether a nested block (or attribute) is itself unknown until apply (and not merely left to the provider). */
  unknownField(name: string, o: ObjectValue = this.v): Extract<Value, { t: 'unknown' }> | undefined {
    const x = this.field(name, o);
    return x?.t === 'unknown' ? x : undefined;
  }

  /** Known, non-empty string values of the named attributes: the handles others use for this resource. */
  aliases(names: readonly string[], lower = false): string[] {
    const out = new Set<string>();
    for (const n of names) {
      const x = this.field(n);
      if (x?.t === 'string' && x.v !== '') out.add(lower ? x.v.toLowerCase() : x.v);
    }
    return [...out];
  }

  base<K extends ResourceKind>(kind: K, aliases: readonly string[]): ResourceBase<K> {
    return { kind, key: this.key, aliases: [...new Set(aliases.filter((a) => a !== '' && a !== this.key))], native: this.native, at: this.at };
  }

  fragment<K extends ResourceKind>(kind: K, target: Link, fields: Partial<ResourceOfKind<K>>): ResourceFragment {
    return { targetKind: kind, target, fields, source: { type: this.inst.type, address: this.inst.address, at: this.at } } as ResourceFragment;
  }
}

/** What adapters write to, plus work that needs every instance first (associations folded into nested fields). */
export class Emitter {
  constructor(private readonly byKey: ReadonlyMap<string, TfResourceInstance> = new Map()) {}

  /** Another instance of the same configuration, by estate key (to read a handle a reference only names). */
  instance(key: string): Tf | undefined {
    const i = this.byKey.get(key);
    return i ? new Tf(i) : undefined;
  }

  /** The managed instance of `type` a handle names: its estate key, or the known value of one of `fields`. */
  find(type: string, handle: string, fields: readonly string[]): Tf | undefined {
    const byKey = this.byKey.get(handle);
    if (byKey) return byKey.type === type ? new Tf(byKey) : undefined;
    for (const i of this.byKey.values()) {
      if (i.type !== type || i.mode !== 'managed') continue;
      const tf = new Tf(i);
      if (fields.some((f) => { const x = tf.field(f); return x?.t === 'string' && x.v === handle; })) return tf;
    }
    return undefined;
  }

  readonly resources: Resource[] = [];
  readonly fragments: ResourceFragment[] = [];
  readonly diagnostics: LoadDiagnostic[] = [];
  readonly #late: (() => void)[] = [];

  resource(r: Resource): void {
    this.resources.push(r);
  }

  fragment(f: ResourceFragment): void {
    this.fragments.push(f);
  }

  readonly #state = new Map<string, unknown>();

  /**
   * State shared by the instances of one adaptation (counts, pending associations), created on first use; `init`
   * may register `later` work that reads it.
   */
  state<T>(id: string, init: () => T): T {
    if (!this.#state.has(id)) this.#state.set(id, init());
    return this.#state.get(id) as T;
  }

  /** Runs `f` once every instance has been adapted. */
  later(f: () => void): void {
    this.#late.push(f);
  }

  finish(): void {
    for (const f of this.#late) f();
    this.#late.length = 0;
  }
}

export type Adapter = (tf: Tf, out: Emitter) => void;

/** Adapters by Terraform resource type. */
export type AdapterTable = Readonly<Record<string, Adapter>>;

/** A known value at a position (for values the adapter derives, such as `true` for "a login profile exists"). */
export function at<T>(value: T, where: Provenance): Attr<T> {
  return known(value, where);
}
