import type { Value } from '../../../common/value.js';
import { num, obj, str } from '../../../common/value.js';
import type { CallCtx, FnTable } from '../scope.js';
import { int } from './util.js';

/**
 * CIDR functions, IPv4 only (IPv6 ranges give an 'unsupported' diagnostic and an unknown value).
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr
 */

interface Net {
  readonly base: number;
  readonly bits: number;
}

function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    // Four decimal octets only: a leading zero is ambiguous (octal in some parsers) and refused.
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const o = Number(p);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n;
}

function ipText(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function parseNet(c: CallCtx, v: Value | undefined): Net | Value {
  if (v?.t !== 'string') return c.error(`\`${c.name}\` expects a CIDR string`);
  const slash = v.v.indexOf('/');
  const ip = parseIpv4(slash < 0 ? v.v : v.v.slice(0, slash));
  const bits = slash < 0 ? NaN : Number(v.v.slice(slash + 1));
  if (ip === undefined) {
    if (v.v.includes(':')) return c.error(`\`${c.name}\` of an IPv6 range is not supported`, 'unsupported-function');
    return c.error(`\`${v.v}\` is not an IPv4 CIDR range`, 'invalid-value');
  }
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return c.error(`\`${v.v}\` has an invalid prefix length`, 'invalid-value');
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), bits };
}

function isNet(x: Net | Value): x is Net {
  return 'bits' in x;
}

export const CIDR_FUNCTIONS: FnTable = {
  parsecidr: {
    min: 1, max: 1,
    run(c, [v]) {
      const n = parseNet(c, v);
      if (!isNet(n)) return n;
      const size = 2 ** (32 - n.bits);
      const broadcast = n.base + size - 1;
      const first = n.bits >= 31 ? n.base : n.base + 1;
      const last = n.bits >= 31 ? broadcast : broadcast - 1;
      return obj(new Map<string, Value>([
        ['network', str(ipText(n.base), c.at)],
        ['netmask', str(ipText(2 ** 32 - size), c.at)],
        ['broadcast', str(ipText(broadcast), c.at)],
        ['firstUsable', str(ipText(first), c.at)],
        ['lastUsable', str(ipText(last), c.at)],
        ['cidr', num(n.bits, c.at)],
      ]), c.at);
    },
  },
  cidrsubnet: {
    min: 3, max: 3,
    run(c, [v, nb, idx]) {
      const n = parseNet(c, v);
      if (!isNet(n)) return n;
      const bits = int(nb as Value);
      const i = int(idx as Value);
      if (bits === undefined || bits < n.bits || bits > 32) return c.error('`cidrSubnet` new prefix must be between the range prefix and 32', 'invalid-value');
      if (i === undefined || i < 0 || i >= 2 ** (bits - n.bits)) return c.error('`cidrSubnet` index is outside the range', 'invalid-value');
      return str(`${ipText(n.base + i * 2 ** (32 - bits))}/${bits}`, c.at);
    },
  },
  cidrhost: {
    min: 2, max: 2,
    run(c, [v, idx]) {
      const n = parseNet(c, v);
      if (!isNet(n)) return n;
      const i = int(idx as Value);
      const size = 2 ** (32 - n.bits);
      // Index 0 is the first usable address: the network address itself is reserved.
      const offset = n.bits >= 31 ? 0 : 1;
      if (i === undefined || i < 0 || i + offset >= size - (n.bits >= 31 ? 0 : 1)) return c.error('`cidrHost` index is outside the range', 'invalid-value');
      return str(ipText(n.base + offset + i), c.at);
    },
  },
};
