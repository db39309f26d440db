import ipaddr from 'ipaddr.js';
import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import { errorValue, list, str } from '../values.js';
import { numberArg, stringArg } from './args.js';
import type { FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions/cidrsubnet (and cidrhost, cidrnetmask, cidrsubnets)
// https://developer.hashicorp.com/terraform/language/functions/cidrsubnets (leading zeros in IPv4 octets are decimal)

interface Prefix {
  readonly bits: 32 | 128;
  /** Network address (host bits cleared). */
  readonly network: bigint;
  readonly length: number;
}

function parsePrefix(s: string): Prefix | string {
  const slash = s.indexOf('/');
  if (slash < 0) return `invalid CIDR \`${s}\``;
  const addr = s.slice(0, slash);
  const lenText = s.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(lenText)) return `invalid prefix length in \`${s}\``;
  const length = Number(lenText);
  let bytes: number[];
  if (addr.includes(':')) {
    if (!ipaddr.IPv6.isValid(addr)) return `invalid IP address \`${addr}\``;
    bytes = ipaddr.IPv6.parse(addr).toByteArray();
  } else {
    // Octets are decimal even with leading zeros (a documented "historical accident" of these functions);
    // ipaddr.js would read them as octal, so IPv4 is parsed here.
    const octets = addr.split('.');
    if (octets.length !== 4 || octets.some((o) => !/^[0-9]{1,3}$/.test(o) || Number(o) > 255)) return `invalid IP address \`${addr}\``;
    bytes = octets.map(Number);
  }
  const bits = bytes.length === 4 ? 32 : 128;
  if (length > bits) return `prefix length ${length} is too long for \`${addr}\``;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const hostBits = BigInt(bits - length);
  const network = (n >> hostBits) << hostBits;
  return { bits, network, length };
}

function format(n: bigint, bits: 32 | 128): string {
  const bytes: number[] = [];
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  const ip = ipaddr.fromByteArray(bytes);
  return ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
}

function subnet(p: Prefix, newbits: number, netnum: number, at: Provenance): Value {
  const len = p.length + newbits;
  if (!Number.isInteger(newbits) || newbits < 0 || len > p.bits) return errorValue(`cidrsubnet(): ${newbits} new bits would exceed a /${p.bits}`, at);
  if (!Number.isInteger(netnum) || netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) return errorValue(`cidrsubnet(): network number ${netnum} does not fit in ${newbits} bits`, at);
  const n = p.network | (BigInt(netnum) << BigInt(p.bits - len));
  return str(`${format(n, p.bits)}/${len}`, at);
}

export const NETWORK_FUNCTIONS: FunctionTable = {
  cidrsubnet: {
    min: 3,
    max: 3,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'cidrsubnet', at);
      const nb = numberArg(args, 1, 'cidrsubnet', at);
      const nn = numberArg(args, 2, 'cidrsubnet', at);
      if (!s.ok) return s.err;
      if (!nb.ok) return nb.err;
      if (!nn.ok) return nn.err;
      const p = parsePrefix(s.v);
      return typeof p === 'string' ? errorValue(`cidrsubnet(): ${p}`, at) : subnet(p, nb.v, nn.v, at);
    },
  },
  cidrhost: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'cidrhost', at);
      const h = numberArg(args, 1, 'cidrhost', at);
      if (!s.ok) return s.err;
      if (!h.ok) return h.err;
      const p = parsePrefix(s.v);
      if (typeof p === 'string') return errorValue(`cidrhost(): ${p}`, at);
      const size = 1n << BigInt(p.bits - p.length);
      if (!Number.isInteger(h.v)) return errorValue('cidrhost(): the host number must be whole', at);
      const host = h.v < 0 ? size + BigInt(h.v) : BigInt(h.v);
      if (host < 0n || host >= size) return errorValue(`cidrhost(): host number ${h.v} is outside ${s.v}`, at);
      return str(format(p.network + host, p.bits), at);
    },
  },
  cidrnetmask: {
    min: 1,
    max: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'cidrnetmask', at);
      if (!s.ok) return s.err;
      const p = parsePrefix(s.v);
      if (typeof p === 'string') return errorValue(`cidrnetmask(): ${p}`, at);
      if (p.bits !== 32) return errorValue('cidrnetmask(): only IPv4 prefixes have a netmask', at);
      const mask = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - p.length)) - 1n);
      return str(format(mask, 32), at);
    },
  },
  cidrsubnets: {
    min: 1,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'cidrsubnets', at);
      if (!s.ok) return s.err;
      const p = parsePrefix(s.v);
      if (typeof p === 'string') return errorValue(`cidrsubnets(): ${p}`, at);
      const end = p.network + (1n << BigInt(p.bits - p.length));
      let cursor = p.network;
      const out: Value[] = [];
      for (let i = 1; i < args.length; i++) {
        const nb = numberArg(args, i, 'cidrsubnets', at);
        if (!nb.ok) return nb.err;
        const len = p.length + nb.v;
        if (!Number.isInteger(nb.v) || nb.v < 1 || len > p.bits) return errorValue(`cidrsubnets(): ${nb.v} new bits do not fit`, at);
        const size = 1n << BigInt(p.bits - len);
        cursor = ((cursor + size - 1n) / size) * size;
        if (cursor + size > end) return errorValue(`cidrsubnets(): not enough space in ${s.v}`, at);
        out.push(str(`${format(cursor, p.bits)}/${len}`, at));
        cursor += size;
      }
      return list(out, at);
    },
  },
};
