import { intersect, NUM, subtract } from '../sets/intervals.js';
import type { Flat } from '../sets/intervals.js';
import type { IpSet } from '../sets/ip-set.js';

/**
 * Boxes in a product space (protocol × ports × addresses …) and the one question the rule analyses need: is a box
 * covered by a union of other boxes? Answered exactly by subtracting each coverer and seeing whether anything is left.
 */
export interface Dim {
  and(o: Dim): Dim;
  minus(o: Dim): Dim;
  empty(): boolean;
}

export class NumDim implements Dim {
  constructor(readonly v: Flat<number>) {}
  and(o: Dim): Dim {
    return new NumDim(intersect(this.v, (o as NumDim).v));
  }
  minus(o: Dim): Dim {
    return new NumDim(subtract(this.v, (o as NumDim).v, NUM));
  }
  empty(): boolean {
    return this.v.length === 0;
  }
}

/**
 * Addresses plus group tokens (security group or ASG references). A token belongs to another value when that value
 * names the same token or its addresses cover every possible member; a value's tokens cover their certain members'
 * addresses. Both directions are conservative, so "covered" is never claimed wrongly.
 */
export class AddrDim implements Dim {
  constructor(
    readonly ips: IpSet,
    readonly tokens: readonly string[],
    readonly members: (token: string) => { def: IpSet; pos: IpSet },
  ) {}

  #reach: IpSet | undefined;

  /** The addresses this value certainly stands for (asked for every piece it is compared with: computed once). */
  private reach(): IpSet {
    if (this.#reach) return this.#reach;
    let s = this.ips;
    for (const t of this.tokens) s = s.union(this.members(t).def);
    this.#reach = s;
    return s;
  }

  private holds(o: AddrDim, t: string): boolean {
    return o.tokens.includes(t) || o.reach().covers(this.members(t).pos);
  }

  and(x: Dim): Dim {
    const o = x as AddrDim;
    return new AddrDim(this.ips.intersect(o.reach()), this.tokens.filter((t) => this.holds(o, t)), this.members);
  }

  minus(x: Dim): Dim {
    const o = x as AddrDim;
    return new AddrDim(this.ips.subtract(o.reach()), this.tokens.filter((t) => !this.holds(o, t)), this.members);
  }

  empty(): boolean {
    return this.ips.isEmpty() && this.tokens.length === 0;
  }
}

export type Box = readonly Dim[];

export function boxEmpty(b: Box): boolean {
  return b.some((d) => d.empty());
}

export function overlaps(a: Box, b: Box): boolean {
  return a.every((d, i) => !d.and(b[i] as Dim).empty());
}

function subtractBox(a: Box, b: Box): Box[] {
  if (!overlaps(a, b)) return [a];
  const out: Box[] = [];
  const prefix: Dim[] = [];
  for (let i = 0; i < a.length; i++) {
    const ai = a[i] as Dim;
    const bi = b[i] as Dim;
    const rest = ai.minus(bi);
    if (!rest.empty()) out.push([...prefix, rest, ...a.slice(i + 1)]);
    prefix.push(ai.and(bi));
  }
  return out;
}

/** Is `a` inside the union of `by`? Gives up (false) past `limit` pieces rather than spend unbounded time. */
export function covered(a: Box, by: readonly Box[], limit = 4000): boolean {
  if (boxEmpty(a)) return true;
  let rest: Box[] = [a];
  for (const b of by) {
    const next: Box[] = [];
    for (const r of rest) next.push(...subtractBox(r, b));
    rest = next;
    if (rest.length === 0) return true;
    if (rest.length > limit) return false;
  }
  return rest.length === 0;
}
