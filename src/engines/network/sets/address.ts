/**
 * Strict IPv4/IPv6 address and CIDR parsing. Written by hand rather than with a permissive library because the
 * permissive readings are the dangerous ones: `010.0.0.1` is octal 8.0.0.1 to inet_aton but a typo to a person, and
 * a rule must never silently cover a different network than the one written. Anything not in canonical dotted-decimal
 * or RFC 4291 text form is rejected with a reason.
 */
export type Family = 4 | 6;

export type Address = { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint };

export interface Cidr {
  readonly family: Family;
  /** First and last address covered. */
  readonly lo: number | bigint;
  readonly hi: number | bigint;
  readonly prefix: number;
  /** The address had bits set below the prefix (`10.0.0.5/24`); the range is the network it names. */
  readonly hostBitsSet: boolean;
  /** No `/len` was written: a single address. */
  readonly bare: boolean;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const MAX4 = 0xffffffff;
const MAX6 = (1n << 128n) - 1n;

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isHex(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 102;
    const upper = c >= 65 && c <= 70;
    if (!digit && !lower && !upper) return false;
  }
  return true;
}

export function parseIPv4(s: string): ParseResult<number> {
  const parts = s.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'an IPv4 address has four dot-separated parts' };
  let v = 0;
  for (const p of parts) {
    if (!isDigits(p) || p.length > 3) return { ok: false, reason: `\`${p}\` is not a decimal number from 0 to 255` };
    if (p.length > 1 && p.charCodeAt(0) === 48) {
      return { ok: false, reason: `\`${p}\` has a leading zero (some parsers read it as octal)` };
    }
    const n = Number(p);
    if (n > 255) return { ok: false, reason: `\`${p}\` is greater than 255` };
    v = v * 256 + n;
  }
  return { ok: true, value: v };
}

export function parseIPv6(s: string): ParseResult<bigint> {
  if (s.includes('%')) return { ok: false, reason: 'zone identifiers are not allowed' };
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return { ok: false, reason: '`::` may appear only once' };
  const head = dbl === -1 ? s : s.slice(0, dbl);
  const tail = dbl === -1 ? '' : s.slice(dbl + 2);
  const groups = (part: string): number[] | string => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const g = items[i] as string;
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4.ok) return `embedded IPv4 part: ${v4.reason}`;
        out.push(Math.floor(v4.value / 65536), v4.value % 65536);
      } else {
        if (!isHex(g) || g.length > 4) return `\`${g}\` is not a group of 1 to 4 hexadecimal digits`;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  const h = groups(head);
  if (typeof h === 'string') return { ok: false, reason: h };
  const t = groups(tail);
  if (typeof t === 'string') return { ok: false, reason: t };
  if (dbl === -1 && h.length !== 8) return { ok: false, reason: 'an IPv6 address has eight groups' };
  if (dbl !== -1 && h.length + t.length > 7) return { ok: false, reason: 'too many groups around `::`' };
  const all = dbl === -1 ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  let v = 0n;
  for (const g of all) v = (v << 16n) | BigInt(g);
  return { ok: true, value: v };
}

export function parseAddress(s: string): ParseResult<Address> {
  if (s.includes(':')) {
    const r = parseIPv6(s);
    return r.ok ? { ok: true, value: { family: 6, value: r.value } } : r;
  }
  const r = parseIPv4(s);
  return r.ok ? { ok: true, value: { family: 4, value: r.value } } : r;
}

/** `a.b.c.d/n`, `x::y/n`, or a bare address (a host). */
export function parseCidr(input: string): ParseResult<Cidr> {
  const s = input.trim();
  if (s !== input) return { ok: false, reason: 'surrounding whitespace' };
  const slash = s.indexOf('/');
  if (slash !== -1 && s.indexOf('/', slash + 1) !== -1) return { ok: false, reason: 'more than one `/`' };
  const addrText = slash === -1 ? s : s.slice(0, slash);
  const addr = parseAddress(addrText);
  if (!addr.ok) return addr;
  const width = addr.value.family === 4 ? 32 : 128;
  let prefix = width;
  if (slash !== -1) {
    const p = s.slice(slash + 1);
    if (!isDigits(p) || (p.length > 1 && p.charCodeAt(0) === 48)) {
      return { ok: false, reason: `prefix length \`${p}\` is not a decimal number` };
    }
    prefix = Number(p);
    if (prefix > width) return { ok: false, reason: `prefix length ${prefix} is greater than ${width}` };
  }
  if (addr.value.family === 4) {
    const size = 2 ** (32 - prefix);
    const lo = Math.floor(addr.value.value / size) * size;
    return {
      ok: true,
      value: { family: 4, lo, hi: lo + size - 1, prefix, hostBitsSet: lo !== addr.value.value, bare: slash === -1 },
    };
  }
  const hostBits = BigInt(128 - prefix);
  const mask = (1n << hostBits) - 1n;
  const lo = addr.value.value & ~mask & MAX6;
  return {
    ok: true,
    value: { family: 6, lo, hi: lo | mask, prefix, hostBitsSet: lo !== addr.value.value, bare: slash === -1 },
  };
}

export function formatIPv4(v: number): string {
  return `${Math.floor(v / 16777216) % 256}.${Math.floor(v / 65536) % 256}.${Math.floor(v / 256) % 256}.${v % 256}`;
}

/** RFC 5952 text: lowercase, longest run of two or more zero groups compressed. */
export function formatIPv6(v: bigint): string {
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]): string => xs.map((x) => x.toString(16)).join(':');
  if (bestStart === -1) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}

export function formatAddress(a: Address): string {
  return a.family === 4 ? formatIPv4(a.value) : formatIPv6(a.value);
}

export const IPV4_MAX = MAX4;
export const IPV6_MAX = MAX6;
