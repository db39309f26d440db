import type { Link, ResourceBase } from './resource.js';

/**
 * The estate's resources, indexed by kind, key and alias. Built once per scan after linking; read-only afterwards.
 * Aliases are matched case-insensitively because Azure ids and many AWS names are.
 */
export class ResourceGraph<R extends ResourceBase> {
  readonly #byKind = new Map<string, R[]>();
  readonly #byHandle = new Map<string, R[]>();

  constructor(readonly resources: readonly R[]) {
    for (const r of resources) {
      push(this.#byKind, r.kind, r);
      push(this.#byHandle, r.key.toLowerCase(), r);
      for (const a of r.aliases) if (a.toLowerCase() !== r.key.toLowerCase()) push(this.#byHandle, a.toLowerCase(), r);
    }
  }

  ofKind<K extends R['kind']>(kind: K): Extract<R, { kind: K }>[] {
    return (this.#byKind.get(kind) ?? []) as Extract<R, { kind: K }>[];
  }

  /** Every resource a handle names, optionally of one kind. */
  lookup<K extends R['kind']>(handle: string, kind?: K): Extract<R, { kind: K }>[] {
    const all = this.#byHandle.get(handle.toLowerCase()) ?? [];
    return (kind === undefined ? all : all.filter((r) => r.kind === kind)) as Extract<R, { kind: K }>[];
  }

  /**
   * Follows a link: the target, `undefined` when nothing in the estate has that handle (it lives outside the
   * inputs), or 'unknown' when the link itself is unknown.
   */
  resolve<K extends R['kind']>(link: Link, kind: K): Extract<R, { kind: K }> | undefined | 'unknown' {
    if (!link.known) return 'unknown';
    return this.lookup(link.value, kind)[0];
  }
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
