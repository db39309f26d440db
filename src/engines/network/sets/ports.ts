import { covers, has, intersect, NUM, overlaps, subtract, union } from './intervals.js';
import type { Flat } from './intervals.js';

/** Ports 0–65535 (or ICMP types, which live in 0–255 of the same line) as flat intervals. */
export type PortSet = Flat<number>;

export const PORT_MAX = 65535;
export const ALL_PORTS: PortSet = [0, PORT_MAX];
export const NO_PORTS: PortSet = [];
/** Client source ports a reply goes back to. AWS: "ephemeral ports 1024-65535" covers every client OS it lists. */
export const EPHEMERAL: PortSet = [1024, 65535];

export const ports = {
  range: (lo: number, hi: number): PortSet => (lo <= hi ? [lo, hi] : []),
  union: (a: PortSet, b: PortSet): PortSet => union(a, b, NUM),
  intersect: (a: PortSet, b: PortSet): PortSet => intersect(a, b),
  subtract: (a: PortSet, b: PortSet): PortSet => subtract(a, b, NUM),
  has: (a: PortSet, p: number): boolean => has(a, p),
  covers: (a: PortSet, b: PortSet): boolean => covers(a, b),
  overlaps: (a: PortSet, b: PortSet): boolean => overlaps(a, b),
  format(a: PortSet): string[] {
    const out: string[] = [];
    for (let i = 0; i < a.length; i += 2) {
      const lo = a[i] as number;
      const hi = a[i + 1] as number;
      out.push(lo === hi ? String(lo) : `${lo}-${hi}`);
    }
    return out;
  },
};

/**
 * IP protocol numbers 0–255, plus 256 standing for "any protocol no rule names": a rule for every protocol (`-1`,
 * `*`) covers it, a rule for one protocol does not. That keeps "all protocols" exact without enumerating 256 cases.
 */
export type ProtocolSet = Flat<number>;
export const OTHER_PROTOCOL = 256;
export const ALL_PROTOCOLS: ProtocolSet = [0, OTHER_PROTOCOL];
export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;
export const ICMPV6 = 58;

const NAMES: Readonly<Record<string, number>> = { tcp: TCP, udp: UDP, icmp: ICMP, icmpv6: ICMPV6, esp: 50, ah: 51 };

/** `tcp`, `Tcp`, `6`, `-1`, `all`, `*` … → a protocol set; undefined when unreadable. */
export function parseProtocol(text: string | number): ProtocolSet | undefined {
  const s = String(text).trim().toLowerCase();
  if (s === '-1' || s === 'all' || s === '*' || s === 'any') return ALL_PROTOCOLS;
  const named = NAMES[s];
  if (named !== undefined) return [named, named];
  if (s.length === 0 || s.length > 3) return undefined;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return undefined;
  if (s.length > 1 && s.charCodeAt(0) === 48) return undefined;
  const n = Number(s);
  return n <= 255 ? [n, n] : undefined;
}

export function protocolName(p: number): string {
  if (p === TCP) return 'tcp';
  if (p === UDP) return 'udp';
  if (p === ICMP) return 'icmp';
  if (p === ICMPV6) return 'icmpv6';
  if (p === OTHER_PROTOCOL) return 'all';
  return String(p);
}

/**
 * A function from ports 0–65535 to values, piecewise constant: `starts[i]` is where piece i begins, the last piece
 * runs to 65535. Region computations (what may reach an interface on which port) fold rules into these.
 */
export class PortMap<V> {
  constructor(
    readonly starts: readonly number[],
    readonly values: readonly V[],
  ) {}

  static constant<V>(v: V): PortMap<V> {
    return new PortMap([0], [v]);
  }

  /** `inside` on the set, `outside` elsewhere. */
  static of<V>(set: PortSet, inside: V, outside: V): PortMap<V> {
    const starts: number[] = [];
    const values: V[] = [];
    let cur = 0;
    for (let i = 0; i < set.length; i += 2) {
      const lo = set[i] as number;
      const hi = set[i + 1] as number;
      if (lo > cur) {
        starts.push(cur);
        values.push(outside);
      }
      starts.push(lo);
      values.push(inside);
      cur = hi + 1;
    }
    if (cur <= PORT_MAX) {
      starts.push(cur);
      values.push(outside);
    }
    return new PortMap(starts, values);
  }

  at(port: number): V {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= port) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo] as V;
  }

  /** Pointwise f(a, b); adjacent equal pieces (by `eq`) are merged. */
  static combine<A, B, C>(a: PortMap<A>, b: PortMap<B>, f: (x: A, y: B) => C, eq: (x: C, y: C) => boolean): PortMap<C> {
    // One side constant (the common case: "all ports the same"): no merge of breakpoints needed.
    if (b.starts.length === 1) {
      const y = b.values[0] as B;
      if (a.starts.length === 1) return new PortMap([0], [f(a.values[0] as A, y)]);
      return PortMap.normalize(a.starts, a.values.map((x) => f(x, y)), eq);
    }
    if (a.starts.length === 1) {
      const x = a.values[0] as A;
      return PortMap.normalize(b.starts, b.values.map((y) => f(x, y)), eq);
    }
    const starts: number[] = [];
    const values: C[] = [];
    let i = 0;
    let j = 0;
    while (i < a.starts.length && j < b.starts.length) {
      const start = Math.max(a.starts[i] as number, b.starts[j] as number);
      const v = f(a.values[i] as A, b.values[j] as B);
      const n = values.length;
      if (n === 0 || !eq(values[n - 1] as C, v)) {
        starts.push(start);
        values.push(v);
      }
      const aNext = i + 1 < a.starts.length ? (a.starts[i + 1] as number) : PORT_MAX + 1;
      const bNext = j + 1 < b.starts.length ? (b.starts[j + 1] as number) : PORT_MAX + 1;
      if (aNext <= bNext) i++;
      if (bNext <= aNext) j++;
    }
    return new PortMap(starts, values);
  }

  /** Merges adjacent equal pieces. */
  private static normalize<W>(starts: readonly number[], values: readonly W[], eq: (x: W, y: W) => boolean): PortMap<W> {
    const s: number[] = [];
    const v: W[] = [];
    for (let i = 0; i < starts.length; i++) {
      const n = v.length;
      if (n > 0 && eq(v[n - 1] as W, values[i] as W)) continue;
      s.push(starts[i] as number);
      v.push(values[i] as W);
    }
    return new PortMap(s, v);
  }

  map<W>(f: (v: V) => W, eq: (x: W, y: W) => boolean): PortMap<W> {
    return PortMap.combine(this, PortMap.constant(0), (v) => f(v), eq);
  }

  /** [lo, hi, value] pieces, optionally only those satisfying `keep`. */
  pieces(keep: (v: V) => boolean = () => true): [number, number, V][] {
    const out: [number, number, V][] = [];
    for (let i = 0; i < this.starts.length; i++) {
      const v = this.values[i] as V;
      if (!keep(v)) continue;
      const lo = this.starts[i] as number;
      const hi = i + 1 < this.starts.length ? (this.starts[i + 1] as number) - 1 : PORT_MAX;
      out.push([lo, hi, v]);
    }
    return out;
  }
}
