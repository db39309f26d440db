import { formatIPv4, formatIPv6, IPV4_MAX, IPV6_MAX, parseCidr } from './address.js';
import type { Address, Cidr } from './address.js';
import { BIG, covers, has, intersect, normalize, NUM, overlaps, same, subtract, union } from './intervals.js';
import type { Flat } from './intervals.js';

/** An immutable set of IPv4 and IPv6 addresses as sorted intervals. */
export class IpSet {
  private constructor(
    readonly v4: Flat<number>,
    readonly v6: Flat<bigint>,
  ) {}

  static readonly EMPTY = new IpSet([], []);
  static readonly ALL = new IpSet([0, IPV4_MAX], [0n, IPV6_MAX]);
  static readonly ALL_V4 = new IpSet([0, IPV4_MAX], []);
  static readonly ALL_V6 = new IpSet([], [0n, IPV6_MAX]);

  static of(v4: Flat<number>, v6: Flat<bigint>): IpSet {
    return v4.length === 0 && v6.length === 0 ? IpSet.EMPTY : new IpSet(v4, v6);
  }

  static fromCidr(c: Cidr): IpSet {
    return c.family === 4 ? new IpSet([c.lo as number, c.hi as number], []) : new IpSet([], [c.lo as bigint, c.hi as bigint]);
  }

  static fromAddress(a: Address): IpSet {
    return a.family === 4 ? new IpSet([a.value, a.value], []) : new IpSet([], [a.value, a.value]);
  }

  /** Parses known-good CIDR text (constants, test fixtures); throws on a typo in our own code, never on user input. */
  static parse(...cidrs: string[]): IpSet {
    const v4: [number, number][] = [];
    const v6: [bigint, bigint][] = [];
    for (const text of cidrs) {
      const r = parseCidr(text);
      if (!r.ok) throw new Error(`bad constant CIDR ${text}: ${r.reason}`);
      if (r.value.family === 4) v4.push([r.value.lo as number, r.value.hi as number]);
      else v6.push([r.value.lo as bigint, r.value.hi as bigint]);
    }
    return IpSet.of(normalize(v4, NUM), normalize(v6, BIG));
  }

  /** The union of many sets in one normalisation (a fold of `union` would copy a growing set once per operand). */
  static unionAll(sets: readonly IpSet[]): IpSet {
    if (sets.length === 0) return IpSet.EMPTY;
    if (sets.length === 1) return sets[0] as IpSet;
    const v4: [number, number][] = [];
    const v6: [bigint, bigint][] = [];
    for (const s of sets) {
      for (let i = 0; i < s.v4.length; i += 2) v4.push([s.v4[i] as number, s.v4[i + 1] as number]);
      for (let i = 0; i < s.v6.length; i += 2) v6.push([s.v6[i] as bigint, s.v6[i + 1] as bigint]);
    }
    return IpSet.of(normalize(v4, NUM), normalize(v6, BIG));
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  // The fast paths return an operand unchanged when the result is known to equal it: region folds intersect and
  // subtract the same sets over and over, and most of those calls change nothing.
  union(o: IpSet): IpSet {
    if (o.isEmpty() || o === this) return this;
    if (this.isEmpty()) return o;
    if (this.covers(o)) return this;
    if (o.covers(this)) return o;
    return IpSet.of(union(this.v4, o.v4, NUM), union(this.v6, o.v6, BIG));
  }

  intersect(o: IpSet): IpSet {
    if (o === this) return this;
    if (this.isEmpty() || o.isEmpty()) return IpSet.EMPTY;
    if (o.covers(this)) return this;
    if (this.covers(o)) return o;
    return IpSet.of(intersect(this.v4, o.v4), intersect(this.v6, o.v6));
  }

  subtract(o: IpSet): IpSet {
    if (this.isEmpty() || o.isEmpty()) return this;
    if (o === this) return IpSet.EMPTY;
    if (!this.overlaps(o)) return this;
    return IpSet.of(subtract(this.v4, o.v4, NUM), subtract(this.v6, o.v6, BIG));
  }

  has(a: Address): boolean {
    return a.family === 4 ? has(this.v4, a.value) : has(this.v6, a.value);
  }

  /** o ⊆ this. */
  covers(o: IpSet): boolean {
    return covers(this.v4, o.v4) && covers(this.v6, o.v6);
  }

  overlaps(o: IpSet): boolean {
    return overlaps(this.v4, o.v4) || overlaps(this.v6, o.v6);
  }

  equals(o: IpSet): boolean {
    return same(this.v4, o.v4) && same(this.v6, o.v6);
  }

  onlyFamily(f: 4 | 6): IpSet {
    return f === 4 ? IpSet.of(this.v4, []) : IpSet.of([], this.v6);
  }

  /** The smallest address, for a representative example. */
  first(): Address | undefined {
    if (this.v4.length > 0) return { family: 4, value: this.v4[0] as number };
    if (this.v6.length > 0) return { family: 6, value: this.v6[0] as bigint };
    return undefined;
  }

  /** The set as a minimal list of CIDR blocks, IPv4 first. */
  toCidrs(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.v4.length; i += 2) blocks4(this.v4[i] as number, this.v4[i + 1] as number, out);
    for (let i = 0; i < this.v6.length; i += 2) blocks6(this.v6[i] as bigint, this.v6[i + 1] as bigint, out);
    return out;
  }

  /** Number of intervals: a cheap measure of how complicated the set is to describe. */
  get pieces(): number {
    return (this.v4.length + this.v6.length) / 2;
  }

  toString(): string {
    return this.isEmpty() ? '(none)' : this.toCidrs().join(', ');
  }
}

/** Splits [lo, hi] into aligned power-of-two blocks (plain numbers: IPv4 fits in a double exactly). */
function blocks4(lo: number, hi: number, out: string[]): void {
  let cur = lo;
  while (cur <= hi) {
    let size = 1;
    let len = 32;
    while (len > 0 && cur % (size * 2) === 0 && cur + size * 2 - 1 <= hi) {
      size *= 2;
      len--;
    }
    out.push(`${formatIPv4(cur)}/${len}`);
    cur += size;
  }
}

function blocks6(lo: bigint, hi: bigint, out: string[]): void {
  let cur = lo;
  while (cur <= hi) {
    let bits = 0n;
    while (bits < 128n) {
      const next = 1n << (bits + 1n);
      if ((cur & (next - 1n)) !== 0n || cur + next - 1n > hi) break;
      bits++;
    }
    out.push(`${formatIPv6(cur)}/${128n - bits}`);
    cur += 1n << bits;
  }
}
