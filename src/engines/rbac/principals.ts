import { asciiLower } from './text.js';

/** The principal that stands for everyone in deny assignments (type `SystemDefined`). */
export const EVERYONE = '00000000-0000-0000-0000-000000000000';

export interface Closure {
  /** The principal itself first, then every group it belongs to, directly or through nested groups. */
  readonly nodes: Int32Array;
  /** For each group in `nodes`, the member through which it was reached (to print the path). */
  readonly via: ReadonlyMap<number, number>;
}

/**
 * Principals and group membership. Ids are interned to small integers; membership is stored both ways so `can`
 * walks up (principal → its groups) and `who-can` walks down (group → every member). Both walks keep a visited set,
 * so a cycle in the membership data ends the walk instead of hanging it (and is reported once by `findCycles`).
 */
export class PrincipalTable {
  readonly ids: string[] = [];
  readonly names: (string | null)[] = [];
  readonly types: (string | null)[] = [];
  readonly attributes: (Readonly<Record<string, string | readonly string[]>> | null)[] = [];
  readonly #index = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();
  /** member → groups that list it directly. */
  readonly #parents: number[][] = [];
  /** group → direct members. */
  readonly #members: number[][] = [];
  /** Groups whose member list was supplied. */
  readonly #membershipKnown = new Set<number>();
  readonly #upCache = new Map<number, Closure>();
  readonly #downCache = new Map<number, Closure>();
  #possibleCache: Set<number> | undefined;

  intern(id: string): number {
    const key = asciiLower(id.trim());
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(key);
      this.names.push(null);
      this.types.push(null);
      this.attributes.push(null);
      this.#parents.push([]);
      this.#members.push([]);
      this.#index.set(key, i);
    }
    return i;
  }

  find(id: string): number | undefined {
    return this.#index.get(asciiLower(id.trim()));
  }

  /** Principals whose display name (or UPN) equals `name`, ignoring case. */
  findByName(name: string): readonly number[] {
    return this.#byName.get(asciiLower(name.trim())) ?? [];
  }

  /** Records a name (every name a principal is known by resolves to it; the first is the one shown) and a type. */
  describe(i: number, name: string | null | undefined, type: string | null | undefined): void {
    if (name) {
      if (this.names[i] === null) this.names[i] = name;
      const key = asciiLower(name.trim());
      const list = this.#byName.get(key);
      if (!list) this.#byName.set(key, [i]);
      else if (!list.includes(i)) list.push(i);
    }
    if (type && this.types[i] === null) this.types[i] = type;
  }

  setMembers(group: number, members: readonly number[]): void {
    this.#membershipKnown.add(group);
    if (this.types[group] === null) this.types[group] = 'Group';
    for (const m of members) {
      if (m === group) continue; // a group listing itself adds nothing
      this.#members[group]?.push(m);
      this.#parents[m]?.push(group);
    }
  }

  isGroup(i: number): boolean {
    return this.#membershipKnown.has(i) || asciiLower(this.types[i] ?? '') === 'group';
  }

  membershipKnown(i: number): boolean {
    return this.#membershipKnown.has(i);
  }

  /** The principal and all its (transitive) groups. */
  up(i: number): Closure {
    const cached = this.#upCache.get(i);
    if (cached) return cached;
    const c = this.#walk(i, this.#parents);
    this.#upCache.set(i, c);
    return c;
  }

  /** The group and all its (transitive) members. */
  down(i: number): Closure {
    const cached = this.#downCache.get(i);
    if (cached) return cached;
    const c = this.#walk(i, this.#members);
    this.#downCache.set(i, c);
    return c;
  }

  #walk(start: number, edges: readonly number[][]): Closure {
    const seen = new Set<number>([start]);
    const via = new Map<number, number>();
    const order = [start];
    for (let k = 0; k < order.length; k++) {
      const cur = order[k] as number;
      for (const next of edges[cur] ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        via.set(next, cur);
        order.push(next);
      }
    }
    return { nodes: Int32Array.from(order), via };
  }

  /** Path from `from` up to `group` through nested groups, excluding `from`, nearest first, ending with `group`. */
  pathUp(from: number, group: number): string[] {
    const c = this.up(from);
    const out: string[] = [];
    let cur: number | undefined = group;
    while (cur !== undefined && cur !== from) {
      out.push(this.ids[cur] as string);
      cur = c.via.get(cur);
    }
    return out.reverse();
  }

  /** Path from `member` up to `group`, computed on the downward walk of `group`; nearest first, ending with `group`. */
  pathDown(group: number, member: number): string[] {
    const c = this.down(group);
    const out: string[] = [];
    let cur = c.via.get(member);
    while (cur !== undefined) {
      out.push(this.ids[cur] as string);
      if (cur === group) break;
      cur = c.via.get(cur);
    }
    return out;
  }

  /**
   * Groups a principal might belong to without the inputs saying so: every group whose membership is unknown, and
   * every group those are (transitively) members of. Shared by all principals; empty when all membership is known.
   */
  possibleGroups(): ReadonlySet<number> {
    if (this.#possibleCache) return this.#possibleCache;
    const out = new Set<number>();
    for (let i = 0; i < this.ids.length; i++) {
      if (!this.isGroup(i) || this.#membershipKnown.has(i)) continue;
      for (const g of this.up(i).nodes) out.add(g);
    }
    this.#possibleCache = out;
    return out;
  }

  /** Strongly connected groups (Tarjan), i.e. membership cycles; each as a list of ids. */
  findCycles(): string[][] {
    const n = this.ids.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack: number[] = [];
    const out: string[][] = [];
    let counter = 0;
    // Iterative Tarjan: deep nesting must not overflow the call stack.
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1 || (this.#members[root]?.length ?? 0) === 0) continue;
      const work: [number, number][] = [[root, 0]];
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      while (work.length > 0) {
        const frame = work[work.length - 1] as [number, number];
        const [v, ei] = frame;
        const edges = this.#members[v] ?? [];
        if (ei < edges.length) {
          frame[1]++;
          const w = edges[ei] as number;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push([w, 0]);
          } else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
        if (low[v] === index[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop() as number;
            onStack[w] = 0;
            comp.push(w);
          } while (w !== v);
          if (comp.length > 1) out.push(comp.map((c) => this.ids[c] as string).sort());
        }
      }
    }
    return out;
  }
}
