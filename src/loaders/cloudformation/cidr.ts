/**
 * `Fn::Cidr [ipBlock, count, cidrBits]`: `count` consecutive subnets of the block, each with `cidrBits` host bits.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
 * Addresses are parsed strictly (decimal octets without leading zeros), never through a permissive parser that reads
 * `010` as octal.
 */
export type CidrResult = { ok: true; cidrs: string[] } | { ok: false; error: string };

export function cidrSubnets(block: string, count: number, cidrBits: number): CidrResult {
  if (!Number.isInteger(count) || count < 1 || count > 256) return { ok: false, error: 'count must be between 1 and 256' };
  const slash = block.indexOf('/');
  if (slash === -1) return { ok: false, error: `\`${block}\` is not a CIDR block` };
  const addr = block.slice(0, slash);
  const lenText = block.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lenText)) return { ok: false, error: `\`${block}\` has an invalid prefix length` };
  const prefix = Number(lenText);
  const v4 = parseIpv4(addr);
  const bits = v4 !== undefined ? 32 : 128;
  const base = v4 !== undefined ? BigInt(v4) : parseIpv6(addr);
  if (base === undefined) return { ok: false, error: `\`${addr}\` is not an IP address` };
  if (prefix > bits) return { ok: false, error: `\`${block}\` has an invalid prefix length` };
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || cidrBits > bits) return { ok: false, error: `cidrBits must be between 1 and ${bits}` };
  const subnetLen = bits - cidrBits;
  if (subnetLen < prefix) return { ok: false, error: `subnets with ${cidrBits} host bits do not fit in \`${block}\`` };
  const available = 1n << BigInt(subnetLen - prefix);
  if (BigInt(count) > available) return { ok: false, error: `\`${block}\` holds only ${available} subnets of /${subnetLen}` };
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = base & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const step = 1n << BigInt(cidrBits);
  const cidrs: string[] = [];
  for (let k = 0n; k < BigInt(count); k++) {
    const a = network + k * step;
    cidrs.push(`${v4 !== undefined ? formatIpv4(a) : formatIpv6(a)}/${subnetLen}`);
  }
  return { ok: true, cidrs };
}

export function parseIpv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const o = Number(p);
    if (o > 255) return undefined;
    n = n * 256 + o;
  }
  return n;
}

function formatIpv4(a: bigint): string {
  const n = Number(a);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function parseIpv6(s: string): bigint | undefined {
  if (s.length === 0 || s.includes(':::')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (g: string): string[] | undefined => (g === '' ? [] : g.split(':'));
  const head = group(halves[0] ?? '');
  const tail = halves.length === 2 ? group(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || (halves.length === 2 && head.length + tail.length > 7)) return undefined;
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) + BigInt(parseInt(g, 16));
  }
  return n;
}

function formatIpv6(a: bigint): string {
  const groups: string[] = [];
  for (let k = 7; k >= 0; k--) groups.push(((a >> BigInt(k * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups, as RFC 5952 prints addresses.
  let best = -1;
  let bestLen = 1;
  for (let k = 0; k < 8;) {
    if (groups[k] !== '0') {
      k++;
      continue;
    }
    let e = k;
    while (e < 8 && groups[e] === '0') e++;
    if (e - k > bestLen) {
      best = k;
      bestLen = e - k;
    }
    k = e;
  }
  if (best === -1) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
