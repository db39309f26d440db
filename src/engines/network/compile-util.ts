import type { Provenance, Tri } from '../../model/core/index.js';
import { parseCidr } from './sets/address.js';
import type { Address } from './sets/address.js';
import { IpSet } from './sets/ip-set.js';
import { isUnknown } from './types.js';
import type { NetworkDiagnostic, NetworkDiagnosticCode, Val } from './types.js';

/**
 * Lower and upper bound of something that may be partly unknown: `def` is what is certainly in it, `pos` what may
 * be. Known inputs give def = pos. Every answer is derived from both, so an unknown input yields `unknown` exactly
 * where it could change the answer, and nowhere else.
 */
export interface B<T> {
  readonly def: T;
  readonly pos: T;
}

export function exact<T>(v: T): B<T> {
  return { def: v, pos: v };
}

export function ipUnion(a: B<IpSet>, b: B<IpSet>): B<IpSet> {
  return { def: a.def.union(b.def), pos: a.pos.union(b.pos) };
}

/** The address (or addresses) on the other side of a rule: one exactly known address, or one unknown address in `set`. */
export interface Peer {
  readonly set: IpSet;
  /** A single known address: `set` has exactly one element. */
  readonly address?: Address;
}

/** Does a peer fall in a bounded address set? */
export function matchPeer(s: B<IpSet>, p: Peer): Tri {
  if (p.address) {
    if (s.def.has(p.address)) return true;
    return s.pos.has(p.address) ? 'unknown' : false;
  }
  if (p.set.isEmpty()) return false;
  if (s.def.covers(p.set)) return true;
  return s.pos.overlaps(p.set) ? 'unknown' : false;
}

export class Diagnostics {
  readonly list: NetworkDiagnostic[] = [];

  add(code: NetworkDiagnosticCode, severity: 'error' | 'warning', path: string, message: string, at?: Provenance): void {
    this.list.push(at ? { code, severity, message, at, path } : { code, severity, message, path });
  }
}

/** A list that may be unknown as a whole or item by item: the known items, and whether some are unknown. */
export function readList<T>(v: Val<readonly Val<T>[]> | undefined | null): { items: { value: T; index: number }[]; unknown: string | null } {
  if (v === undefined || v === null) return { items: [], unknown: null };
  if (isUnknown(v)) return { items: [], unknown: v.unknown };
  const items: { value: T; index: number }[] = [];
  let unknown: string | null = null;
  v.forEach((x, index) => {
    if (isUnknown(x)) unknown ??= x.unknown;
    else items.push({ value: x, index });
  });
  return { items, unknown };
}

/**
 * Parses CIDR text strictly. Malformed text is an error diagnostic and counts as unknown (the rule is kept, its reach
 * bounded by `unknownAs`); host bits set is a warning and the named network is used, as the services do.
 */
export function parseCidrs(
  v: Val<readonly Val<string>[]> | undefined | null,
  ctx: { diags: Diagnostics; path: string; at?: Provenance; unknownAs?: IpSet },
): B<IpSet> {
  const { items, unknown } = readList(v);
  let known = IpSet.EMPTY;
  let bad = unknown !== null;
  for (const { value, index } of items) {
    const set = parseOneCidr(value, { ...ctx, path: `${ctx.path}[${index}]` });
    if (set) known = known.union(set);
    else bad = true;
  }
  return bad ? { def: known, pos: known.union(ctx.unknownAs ?? IpSet.ALL) } : exact(known);
}

/** Parsed CIDR texts per compile (the same few texts, `0.0.0.0/0`, `10.0.0.0/8`, recur across thousands of rules). */
const parsedCidrs = new WeakMap<Diagnostics, Map<string, ReturnType<typeof parseCidr>>>();

export function parseOneCidr(text: string, ctx: { diags: Diagnostics; path: string; at?: Provenance }): IpSet | undefined {
  let memo = parsedCidrs.get(ctx.diags);
  if (!memo) {
    memo = new Map();
    parsedCidrs.set(ctx.diags, memo);
  }
  let r = memo.get(text);
  if (!r) {
    r = parseCidr(text);
    memo.set(text, r);
  }
  if (!r.ok) {
    ctx.diags.add('malformed-cidr', 'error', ctx.path, `\`${text}\` is not a valid CIDR: ${r.reason}`, ctx.at);
    return undefined;
  }
  if (r.value.hostBitsSet && !r.value.bare) {
    ctx.diags.add('host-bits-set', 'warning', ctx.path,
      `\`${text}\` has host bits set; it covers the network ${IpSet.fromCidr(r.value).toCidrs()[0] ?? ''}`, ctx.at);
  }
  return IpSet.fromCidr(r.value);
}

/** Lowercased id, for Azure where ids compare case-insensitively. */
export function fold(id: string): string {
  let out = '';
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : id[i];
  }
  return out;
}

export function triAnd2(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === 'unknown' || b === 'unknown' ? 'unknown' : true;
}

export function triOr2(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === 'unknown' || b === 'unknown' ? 'unknown' : false;
}
