import type { Provenance, Tri } from '../../../model/core/index.js';
import { exact, fold, parseCidrs, parseOneCidr, readList } from '../compile-util.js';
import type { B , Diagnostics} from '../compile-util.js';
import { sequences } from '../first-match.js';
import type { OrderedRule, Sequences } from '../first-match.js';
import { parseAddress } from '../sets/address.js';
import type { Address } from '../sets/address.js';
import { IpSet } from '../sets/ip-set.js';
import { ALL_PORTS, ALL_PROTOCOLS, NO_PORTS, parseProtocol } from '../sets/ports.js';
import type { PortSet, ProtocolSet } from '../sets/ports.js';
import { NON_PUBLIC } from '../sets/well-known.js';
import { isUnknown } from '../types.js';
import type { AzureInput, AzureNsgRule, Val } from '../types.js';

/** Service tags the engine resolves; any other tag stands for Azure-owned public ranges it does not know. */
export type Tag = 'internet' | 'virtualnetwork' | 'azureloadbalancer';

export interface AddrSpec {
  readonly any: boolean;
  readonly cidrs: B<IpSet>;
  readonly tags: readonly Tag[];
  /** Service tags other than the three above (Storage, AzureCloud …): public Azure ranges not known here. */
  readonly otherTags: readonly string[];
  readonly asgs: readonly string[];
  readonly unknownAsg: boolean;
  /** The texts as written, for messages. */
  readonly texts: readonly string[];
}

export interface NsgRuleC extends OrderedRule {
  readonly nsg: string;
  readonly name: string;
  readonly inbound: Tri;
  readonly protos: B<ProtocolSet>;
  readonly srcPorts: B<PortSet>;
  readonly dstPorts: B<PortSet>;
  readonly src: AddrSpec;
  readonly dst: AddrSpec;
  readonly isDefault: boolean;
  readonly index: number;
  readonly at?: Provenance;
}

export interface NsgC {
  readonly id: string;
  readonly display: string;
  readonly name: string;
  readonly rules: readonly NsgRuleC[];
  readonly inbound: Sequences<NsgRuleC>;
  readonly outbound: Sequences<NsgRuleC>;
  readonly at?: Provenance;
}

export interface VnetC {
  readonly id: string;
  readonly space: B<IpSet>;
  readonly peers: readonly string[];
}

/** null: no NSG; 'unknown': cannot tell; otherwise the NSG id (folded). */
export type NsgLink = string | null | 'unknown';

export interface SubnetAzC {
  readonly id: string;
  readonly display: string;
  readonly vnetId: string | null;
  readonly prefixes: B<IpSet>;
  readonly nsg: NsgLink;
  readonly outbound: Tri;
}

export interface IpConfigC {
  readonly nic: NicC;
  readonly name: string;
  readonly subnetId: string | null;
  readonly vnetId: string | null;
  readonly addr: B<IpSet>;
  readonly primary?: Address;
  /** null: no public IP; 'unknown': cannot tell. */
  readonly publicIp: string | null | 'unknown';
  readonly asgs: readonly string[];
  readonly asgUnknown: boolean;
}

export interface NicC {
  readonly id: string;
  readonly display: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly nsg: NsgLink;
  ipConfigs: IpConfigC[];
  readonly at?: Provenance;
}

export interface PublicIpC {
  readonly id: string;
  readonly display: string;
  /** 4 or 6; 0 when unknown. */
  readonly family: 0 | 4 | 6;
  readonly sku: 'basic' | 'standard' | 'unknown';
  readonly address: string | null;
}

export interface AzureCompiled {
  readonly vnets: ReadonlyMap<string, VnetC>;
  readonly subnets: ReadonlyMap<string, SubnetAzC>;
  readonly nsgs: ReadonlyMap<string, NsgC>;
  readonly publicIps: ReadonlyMap<string, PublicIpC>;
  readonly nics: readonly NicC[];
  readonly asgMembers: ReadonlyMap<string, B<IpSet>>;
  readonly asgNames: ReadonlyMap<string, string>;
}

const ANY_SPEC: AddrSpec = { any: true, cidrs: exact(IpSet.EMPTY), tags: [], otherTags: [], asgs: [], unknownAsg: false, texts: ['*'] };
const UNKNOWN_SPEC: AddrSpec = { any: false, cidrs: { def: IpSet.EMPTY, pos: IpSet.ALL }, tags: [], otherTags: [], asgs: [], unknownAsg: false, texts: ['(unknown)'] };
const tagSpec = (t: Tag, text: string): AddrSpec => ({ ...ANY_SPEC, any: false, tags: [t], texts: [text] });

/** The six rules Azure adds to every NSG, lowest priority, as documented ("Default security rules"). */
function defaultRules(nsg: string): NsgRuleC[] {
  const base = { nsg, protos: exact(ALL_PROTOCOLS), srcPorts: exact(ALL_PORTS), dstPorts: exact(ALL_PORTS), isDefault: true } as const;
  const mk = (name: string, order: number, inbound: boolean, action: 'allow' | 'deny', src: AddrSpec, dst: AddrSpec, index: number): NsgRuleC =>
    ({ ...base, name, label: name, order, inbound, action, src, dst, index });
  const vnet = tagSpec('virtualnetwork', 'VirtualNetwork');
  return [
    mk('AllowVnetInBound', 65000, true, 'allow', vnet, vnet, -1),
    mk('AllowAzureLoadBalancerInBound', 65001, true, 'allow', tagSpec('azureloadbalancer', 'AzureLoadBalancer'), ANY_SPEC, -2),
    mk('DenyAllInBound', 65500, true, 'deny', ANY_SPEC, ANY_SPEC, -3),
    mk('AllowVnetOutBound', 65000, false, 'allow', vnet, vnet, -4),
    mk('AllowInternetOutBound', 65001, false, 'allow', ANY_SPEC, tagSpec('internet', 'Internet'), -5),
    mk('DenyAllOutBound', 65500, false, 'deny', ANY_SPEC, ANY_SPEC, -6),
  ];
}

const str = (v: Val<string> | undefined | null): string | null => (v === undefined || v === null || isUnknown(v) ? null : v);

export function compileAzure(input: AzureInput, diags: Diagnostics): AzureCompiled {
  const vnets = new Map<string, VnetC>();
  for (const v of input.vnets ?? []) {
    vnets.set(fold(v.id), {
      id: fold(v.id), space: parseCidrs(v.addressSpace, { diags, path: `azure.vnets[${v.id}].addressSpace`, ...at(v.at) }),
      peers: readList(v.peeredVnetIds).items.map((x) => fold(x.value)),
    });
  }
  const subnets = new Map<string, SubnetAzC>();
  for (const s of input.subnets ?? []) {
    const vnetId = str(s.vnetId);
    const dob = s.defaultOutboundAccess === undefined ? true : isUnknown(s.defaultOutboundAccess) ? 'unknown' : s.defaultOutboundAccess;
    const nat = s.natGatewayId === undefined || s.natGatewayId === null ? false : isUnknown(s.natGatewayId) ? 'unknown' : true;
    subnets.set(fold(s.id), {
      id: fold(s.id), display: s.id, vnetId: vnetId === null ? null : fold(vnetId),
      prefixes: parseCidrs(s.prefixes, { diags, path: `azure.subnets[${s.id}].prefixes`, ...at(s.at) }),
      nsg: link(s.nsgId), outbound: nat === true || dob === true ? true : nat === 'unknown' || dob === 'unknown' ? 'unknown' : false,
    });
  }
  const asgNames = new Map<string, string>();
  for (const a of input.asgs ?? []) asgNames.set(fold(a.id), a.name ?? a.id);
  const nsgs = new Map<string, NsgC>();
  for (const n of input.nsgs ?? []) {
    const id = fold(n.id);
    const custom = n.rules.map((r, i) => compileRule(id, n.id, r, i, asgNames, diags));
    flagDuplicatePriorities(custom, n.id, diags);
    const rules = [...custom, ...defaultRules(id)];
    const dirOf = (r: NsgRuleC, inbound: boolean) => r.inbound === 'unknown' || r.inbound === inbound;
    nsgs.set(id, {
      id, display: n.id, name: n.name ?? n.id, rules, ...at(n.at),
      inbound: sequences(rules.filter((r) => dirOf(r, true))), outbound: sequences(rules.filter((r) => dirOf(r, false))),
    });
  }
  const publicIps = new Map<string, PublicIpC>();
  for (const p of input.publicIps ?? []) {
    const sku = str(p.sku);
    const address = p.address === undefined || p.address === null || isUnknown(p.address) ? null : p.address;
    const version = p.version === undefined ? 'ipv4' : str(p.version)?.toLowerCase() ?? null;
    const family = address !== null ? (address.includes(':') ? 6 : 4) : version === 'ipv6' ? 6 : version === 'ipv4' ? 4 : 0;
    publicIps.set(fold(p.id), {
      id: fold(p.id), display: p.id, family, sku: sku === null ? 'unknown' : sku.toLowerCase() === 'standard' ? 'standard' : sku.toLowerCase() === 'basic' ? 'basic' : 'unknown',
      address,
    });
  }
  const nics: NicC[] = (input.nics ?? []).map((n) => {
    const nic: NicC = {
      id: fold(n.id), display: n.id, name: n.name ?? n.id, aliases: n.aliases ?? [], nsg: link(n.nsgId), ipConfigs: [], ...at(n.at),
    };
    if (typeof nic.nsg === 'string' && nic.nsg !== 'unknown' && !nsgs.has(nic.nsg)) {
      diags.add('missing-reference', 'warning', `azure.nics[${n.id}].nsgId`, `network security group \`${String(n.nsgId)}\` is not in the inputs; its rules are unknown`, n.at);
    }
    nic.ipConfigs = n.ipConfigs.map((c, i) => {
      const subnetId = str(c.subnetId);
      const sub = subnetId === null ? undefined : subnets.get(fold(subnetId));
      let addr: B<IpSet>;
      let primary: Address | undefined;
      if (isUnknown(c.privateIp) || c.privateIp === null) addr = { def: IpSet.EMPTY, pos: sub ? sub.prefixes.pos : IpSet.ALL };
      else {
        const r = parseAddress(c.privateIp);
        if (r.ok) {
          primary = r.value;
          addr = exact(IpSet.fromAddress(r.value));
        } else {
          diags.add('malformed-cidr', 'error', `azure.nics[${n.id}].ipConfigs[${i}].privateIp`, `\`${c.privateIp}\` is not an IP address: ${r.reason}`, c.at ?? n.at);
          addr = { def: IpSet.EMPTY, pos: sub ? sub.prefixes.pos : IpSet.ALL };
        }
      }
      const asg = readList(c.asgIds);
      return {
        nic, name: c.name ?? `ipconfig${i + 1}`, subnetId: subnetId === null ? null : fold(subnetId), vnetId: sub?.vnetId ?? vnetFromSubnetId(subnetId),
        addr, ...(primary ? { primary } : {}),
        publicIp: c.publicIpId === null ? null : isUnknown(c.publicIpId) ? 'unknown' : fold(c.publicIpId),
        asgs: asg.items.map((x) => fold(x.value)), asgUnknown: asg.unknown !== null,
      };
    });
    return nic;
  });
  const asgMembers = new Map<string, B<IpSet>>();
  // Each ipconfig visited once, its addresses going to the ASGs it names (not a scan of every ipconfig per ASG).
  const knownParts: IpSet[] = [];
  const unknownParts: IpSet[] = [];
  const members = new Map<string, IpConfigC[]>();
  for (const n of nics) for (const c of n.ipConfigs) {
    knownParts.push(c.addr.def);
    if (c.asgUnknown) unknownParts.push(c.addr.pos);
    for (const id of new Set(c.asgs)) {
      const list = members.get(id);
      if (list) list.push(c);
      else members.set(id, [c]);
    }
  }
  const unknownList = IpSet.unionAll(unknownParts);
  // NICs outside the inputs can be members: any private address not held by a known NIC may be one.
  const unheld = NON_PUBLIC.subtract(IpSet.unionAll(knownParts));
  for (const id of asgNames.keys()) {
    const mine = members.get(id) ?? [];
    const def = IpSet.unionAll(mine.map((c) => c.addr.def));
    asgMembers.set(id, { def, pos: IpSet.unionAll([unknownList, ...mine.map((c) => c.addr.pos), def, unheld]) });
  }
  return { vnets, subnets, nsgs, publicIps, nics, asgMembers, asgNames };
}

function at(p: Provenance | undefined): { at?: Provenance } {
  return p ? { at: p } : {};
}

function link(v: Val<string> | null): NsgLink {
  if (v === null) return null;
  return isUnknown(v) ? 'unknown' : fold(v);
}

function vnetFromSubnetId(id: string | null): string | null {
  if (id === null) return null;
  const f = fold(id);
  const i = f.indexOf('/subnets/');
  return i === -1 ? null : f.slice(0, i);
}

function flagDuplicatePriorities(rules: NsgRuleC[], nsg: string, diags: Diagnostics): void {
  const seen = new Map<string, NsgRuleC>();
  for (const r of rules) {
    if (r.order === null || r.inbound === 'unknown') continue;
    const key = `${r.inbound ? 'in' : 'out'}|${r.order}`;
    const prev = seen.get(key);
    if (prev) {
      diags.add('duplicate-priority', 'error', `azure.nsgs[${nsg}].rules[${r.name}]`,
        `rules \`${prev.name}\` and \`${r.name}\` share priority ${r.order} in the same direction; Azure rejects this, so the order is unknown`, r.at);
      (prev as { order: number | null }).order = null;
      (r as { order: number | null }).order = null;
    } else seen.set(key, r);
  }
}

interface FieldCtx {
  readonly diags: Diagnostics;
  readonly path: string;
  readonly at?: Provenance;
}

/** Merges a singular and a plural field; both set is an error (Azure accepts one or the other). */
function pick(single: Val<string> | null | undefined, plural: Val<readonly Val<string>[]> | null | undefined, name: string, pluralName: string, ctx: FieldCtx):
  { kind: 'none' } | { kind: 'unknown'; why: string } | { kind: 'values'; values: { text: string; index: number }[] } {
  const hasSingle = single !== undefined && single !== null && (isUnknown(single) || single !== '');
  const hasPlural = plural !== undefined && plural !== null && (isUnknown(plural) || plural.length > 0);
  if (hasSingle && hasPlural) {
    ctx.diags.add('singular-and-plural', 'error', `${ctx.path}.${name}`,
      `both \`${name}\` and \`${pluralName}\` are set; Azure accepts only one, so the rule's ${name} is unknown`, ctx.at);
    return { kind: 'unknown', why: 'both singular and plural fields' };
  }
  if (hasSingle) return isUnknown(single) ? { kind: 'unknown', why: single.unknown } : { kind: 'values', values: [{ text: single, index: 0 }] };
  if (hasPlural) {
    const l = readList(plural);
    if (l.unknown !== null) return { kind: 'unknown', why: l.unknown };
    return { kind: 'values', values: l.items.map((x) => ({ text: x.value, index: x.index })) };
  }
  return { kind: 'none' };
}

function addrSpec(
  single: Val<string> | null | undefined, plural: Val<readonly Val<string>[]> | null | undefined, asgIds: readonly Val<string>[] | undefined,
  name: string, asgNames: ReadonlyMap<string, string>, ctx: FieldCtx,
): AddrSpec {
  const p = pick(single, plural, name, `${name}es`, ctx);
  const asg = readList(asgIds);
  const asgs = asg.items.map((x) => fold(x.value));
  for (const a of asgs) {
    if (!asgNames.has(a)) {
      ctx.diags.add('missing-reference', 'warning', `${ctx.path}.${name}Asgs`, `application security group \`${a}\` is not in the inputs; its members are unknown`, ctx.at);
    }
  }
  const asgPart = { asgs, unknownAsg: asg.unknown !== null };
  if (p.kind === 'unknown') return { ...UNKNOWN_SPEC, ...asgPart };
  if (p.kind === 'none') {
    if (asgs.length > 0 || asg.unknown !== null) return { ...ANY_SPEC, any: false, ...asgPart, texts: asgs.map((a) => asgNames.get(a) ?? a) };
    ctx.diags.add('bad-value', 'error', `${ctx.path}.${name}`, `no ${name} is set; Azure requires an address prefix, service tag or application security group`, ctx.at);
    return UNKNOWN_SPEC;
  }
  let any = false;
  let cidrs: B<IpSet> = exact(IpSet.EMPTY);
  const tags: Tag[] = [];
  const otherTags: string[] = [];
  for (const { text, index } of p.values) {
    const t = text.trim().toLowerCase();
    if (t === '*' || t === 'any' || t === '0.0.0.0/0') any = true;
    else if (t === 'internet' || t === 'virtualnetwork' || t === 'azureloadbalancer') tags.push(t);
    else if (isTagLike(text)) otherTags.push(text);
    else {
      const s = parseOneCidr(text, { ...ctx, path: `${ctx.path}.${name}[${index}]` });
      cidrs = s ? { def: cidrs.def.union(s), pos: cidrs.pos.union(s) } : { def: cidrs.def, pos: IpSet.ALL };
    }
  }
  return { any, cidrs, tags, otherTags, ...asgPart, texts: p.values.map((v) => v.text) };
}

/** A service tag is a word (letters first), optionally with a region suffix: `Storage.WestEurope`. */
function isTagLike(s: string): boolean {
  const c = s.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  return !s.includes('/') && !s.includes(':');
}

function portSpec(single: Val<string> | null | undefined, plural: Val<readonly Val<string>[]> | null | undefined, name: string, ctx: FieldCtx): B<PortSet> {
  const p = pick(single, plural, name, `${name}s`, ctx);
  if (p.kind === 'unknown') return { def: NO_PORTS, pos: ALL_PORTS };
  if (p.kind === 'none') return exact(ALL_PORTS);
  let set: PortSet = [];
  let bad = false;
  for (const { text, index } of p.values) {
    const r = parsePortRange(text);
    if (r === undefined) {
      ctx.diags.add('bad-port', 'error', `${ctx.path}.${name}[${index}]`, `\`${text}\` is not a port, a range \`low-high\` within 0-65535, or \`*\``, ctx.at);
      bad = true;
    } else set = [...unionPorts(set, r)];
  }
  return bad ? { def: set, pos: ALL_PORTS } : exact(set);
}

function unionPorts(a: PortSet, b: PortSet): PortSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i] as number, a[i + 1] as number]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i] as number, b[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function parsePortRange(text: string): PortSet | undefined {
  const t = text.trim();
  if (t === '*' || t.toLowerCase() === 'any') return ALL_PORTS;
  const dash = t.indexOf('-');
  const num = (s: string): number | undefined => {
    if (s.length === 0 || s.length > 5) return undefined;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return undefined;
    const n = Number(s);
    return n <= 65535 ? n : undefined;
  };
  if (dash === -1) {
    const n = num(t);
    return n === undefined ? undefined : [n, n];
  }
  const lo = num(t.slice(0, dash));
  const hi = num(t.slice(dash + 1));
  if (lo === undefined || hi === undefined || lo > hi) return undefined;
  return [lo, hi];
}

function compileRule(nsg: string, display: string, r: AzureNsgRule, index: number, asgNames: ReadonlyMap<string, string>, diags: Diagnostics): NsgRuleC {
  const name = isUnknown(r.name) ? `rules[${index}]` : r.name;
  const ctx: FieldCtx = { diags, path: `azure.nsgs[${display}].rules[${name}]`, ...at(r.at) };
  let order: number | null = isUnknown(r.priority) ? null : r.priority;
  if (order !== null && (!Number.isInteger(order) || order < 100 || order > 4096)) {
    diags.add('bad-priority', 'error', `${ctx.path}.priority`, `priority ${order} is outside 100-4096; Azure rejects the rule, so its place is unknown`, r.at);
    order = null;
  }
  let inbound: Tri = 'unknown';
  if (!isUnknown(r.direction)) {
    const d = r.direction.toLowerCase();
    if (d === 'inbound') inbound = true;
    else if (d === 'outbound') inbound = false;
    else diags.add('bad-value', 'error', `${ctx.path}.direction`, `direction \`${r.direction}\` is neither Inbound nor Outbound`, r.at);
  }
  let action: 'allow' | 'deny' | 'unknown' = 'unknown';
  if (!isUnknown(r.access)) {
    const a = r.access.toLowerCase();
    if (a === 'allow' || a === 'deny') action = a;
    else diags.add('bad-value', 'error', `${ctx.path}.access`, `access \`${r.access}\` is neither Allow nor Deny`, r.at);
  }
  let protos: B<ProtocolSet> = { def: [], pos: ALL_PROTOCOLS };
  if (!isUnknown(r.protocol)) {
    const p = parseProtocol(r.protocol);
    if (p) protos = exact(p);
    else diags.add('bad-protocol', 'error', `${ctx.path}.protocol`, `\`${r.protocol}\` is not Tcp, Udp, Icmp, Esp, Ah or *`, r.at);
  }
  return {
    nsg, name, label: name, order, action, inbound, protos, isDefault: false, index, ...at(r.at),
    srcPorts: portSpec(r.sourcePortRange, r.sourcePortRanges, 'sourcePortRange', ctx),
    dstPorts: portSpec(r.destinationPortRange, r.destinationPortRanges, 'destinationPortRange', ctx),
    src: addrSpec(r.sourceAddressPrefix, r.sourceAddressPrefixes, r.sourceAsgIds, 'sourceAddressPrefix', asgNames, ctx),
    dst: addrSpec(r.destinationAddressPrefix, r.destinationAddressPrefixes, r.destinationAsgIds, 'destinationAddressPrefix', asgNames, ctx),
  };
}
