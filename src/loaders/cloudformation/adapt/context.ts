import type { Attr, Link, LoadDiagnostic, NativeRef, Provenance } from '../../../model/core/index.js';
import { known, unknown } from '../../../model/core/index.js';
import type { Resource, ResourceFragment, ResourceKind, ResourceOfKind } from '../../../model/index.js';
import { readLink, readString } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import type { Resolver } from '../resolve.js';
import { diagnostic } from '../source.js';
import type { ResourceDecl, Template } from '../template.js';

/** One template resource, its properties resolved, ready to adapt. */
export interface CfnResource {
  readonly decl: ResourceDecl;
  readonly key: string;
  readonly native: NativeRef;
  readonly at: Provenance;
  readonly props: ObjectValue;
}

export type Adapter = (r: CfnResource, ctx: AdaptContext) => void;

/**
 * What adapters share for one template: the resolver, the template's resources (resolved on demand, once), and the
 * output. Links prefer a resource key over a name: `!Ref Bucket` that resolved to the bucket's name still links to
 * `<file>#Bucket`, so two templates deploying the same name do not cross-link.
 */
export class AdaptContext {
  readonly resources: Resource[] = [];
  readonly fragments: ResourceFragment[] = [];
  readonly #props = new Map<string, ObjectValue | undefined>();
  readonly #memo = new Map<string, unknown>();

  constructor(
    readonly template: Template,
    readonly resolver: Resolver,
    readonly diagnostics: LoadDiagnostic[],
  ) {}

  get file(): string {
    return this.template.file;
  }

  report(code: LoadDiagnostic['code'], at: Provenance, message: string, severity: LoadDiagnostic['severity'] = 'error'): void {
    this.diagnostics.push(diagnostic(code, this.template.file, at, message, severity));
  }

  /** A per-template index computed once (e.g. access keys by user), under a name unique to its adapter. */
  memo<T>(name: string, build: () => T): T {
    if (this.#memo.has(name)) return this.#memo.get(name) as T;
    const v = build();
    this.#memo.set(name, v);
    return v;
  }

  /** The resolved properties of a template resource (empty when it has none); undefined when they are unknown. */
  propsOf(decl: ResourceDecl): ObjectValue | undefined {
    if (this.#props.has(decl.logicalId)) return this.#props.get(decl.logicalId);
    let props: ObjectValue | undefined;
    if (!decl.properties) props = { t: 'object', fields: new Map(), at: decl.at };
    else {
      const r = this.resolver.resolveOptional(decl.properties);
      if (r === undefined) props = { t: 'object', fields: new Map(), at: decl.at };
      else if (r.t === 'object') props = r;
    }
    this.#props.set(decl.logicalId, props);
    return props;
  }

  /** Template resources of a type, with their resolved properties, skipping those never created. */
  *ofType(type: string): Generator<CfnResource> {
    for (const decl of this.template.resources.values()) {
      if (decl.type !== type || this.resolver.created(decl).v === false) continue;
      const props = this.propsOf(decl);
      if (props) yield this.resource(decl, props);
    }
  }

  resource(decl: ResourceDecl, props: ObjectValue): CfnResource {
    return {
      decl, props, at: decl.at, key: this.resolver.key(decl.logicalId),
      native: { type: decl.type, name: decl.logicalId, address: decl.logicalId },
    };
  }

  /** The template resource a key names, when it is one of this template's. */
  declOfKey(key: string): ResourceDecl | undefined {
    const prefix = `${this.template.file}#`;
    return key.startsWith(prefix) ? this.template.resources.get(key.slice(prefix.length)) : undefined;
  }

  /** A link to another resource: this template's resource key when the value came from one, else its handle. */
  link(v: Value | undefined, at: Provenance): Link {
    if (v !== undefined) {
      const key = this.resolver.origin.get(v);
      if (key !== undefined) return known(key, v.at);
    }
    return readLink(v, at);
  }

  links(v: Value | undefined, at: Provenance): Link[] {
    if (v === undefined || v.t === 'null') return [];
    if (v.t === 'list') return v.items.map((it) => this.link(it, at));
    return [this.link(v, at)];
  }

  /**
   * An attribute naming another resource (a KMS key, a log group, a bucket), null when not set. When the name is
   * known only after deployment but comes from one resource of the inputs, the value is that resource's key: the
   * setting is there, and it says which resource it is.
   */
  handle(v: Value | undefined, at: Provenance): Attr<string | null> {
    if (v === undefined || v.t === 'null') return { known: true, value: null, at, defaulted: true };
    if (v.t === 'string' && v.v === '') return known(null, v.at);
    const origin = this.resolver.origin.get(v);
    if (origin !== undefined) return known(v.t === 'string' ? v.v : origin, v.at);
    if (v.t === 'unknown' && v.refs.length === 1) return known(v.refs[0] as string, v.at);
    return readString(v, at);
  }

  /** A physical name: as written, or unknown because CloudFormation generates it. */
  physicalName(r: CfnResource, prop: string): Attr<string> {
    const v = r.props.fields.get(prop);
    if (v === undefined || v.t === 'null') {
      return unknown(r.at, `\`${r.decl.logicalId}\` has no \`${prop}\`; CloudFormation generates the name at deployment`);
    }
    return readString(v, r.at, undefined, prop);
  }

  emit(resource: Resource): void {
    this.resources.push(resource);
  }

  fragment<K extends ResourceKind>(r: CfnResource, targetKind: K, target: Link, fields: Partial<ResourceOfKind<K>>): void {
    this.fragments.push({
      targetKind, target, fields, source: { type: r.native.type, address: r.native.address, at: r.at },
    } as ResourceFragment);
  }

  /** Base fields every model resource carries. */
  base<K extends ResourceKind>(r: CfnResource, kind: K, aliases: readonly (string | undefined)[] = []): {
    kind: K; key: string; aliases: string[]; native: NativeRef; at: Provenance;
  } {
    const list = [...new Set(aliases.filter((a): a is string => a !== undefined && a !== ''))];
    return { kind, key: r.key, aliases: list, native: r.native, at: r.at };
  }
}

/** The value of a known string attribute, else undefined (for aliases). */
export function knownString(a: Attr<string>): string | undefined {
  return a.known ? a.value : undefined;
}

export function field(o: ObjectValue | undefined, name: string): Value | undefined {
  return o?.fields.get(name);
}

export function objectAt(o: ObjectValue | undefined, name: string): ObjectValue | undefined {
  const v = o?.fields.get(name);
  return v?.t === 'object' ? v : undefined;
}
