import type { Provenance, Tri } from '../../../model/core/index.js';
import { exact, parseCidrs, parseOneCidr, readList } from '../compile-util.js';
import type { B , Diagnostics} from '../compile-util.js';
import { sequences } from '../first-match.js';
import type { OrderedRule, Sequences } from '../first-match.js';
import { parseAddress } from '../sets/address.js';
import type { Address } from '../sets/address.js';
import { IpSet } from '../sets/ip-set.js';
import { ALL_PORTS, ALL_PROTOCOLS, ICMP, ICMPV6, NO_PORTS, parseProtocol, TCP, UDP } from '../sets/ports.js';
import type { PortSet, ProtocolSet } from '../sets/ports.js';
import { NON_PUBLIC } from '../sets/well-known.js';
import { isUnknown } from '../types.js';
import type { AwsInput, AwsNaclEntry, AwsRouteTarget, AwsSgRule, Val } from '../types.js';

export interface SgRuleC {
  readonly group: string;
  readonly direction: 'ingress' | 'egress';
  readonly label: string;
  readonly index: number;
  readonly protos: B<ProtocolSet>;
  readonly ports: B<PortSet>;
  /** CIDRs and prefix lists. */
  readonly cidrs: B<IpSet>;
  readonly groupRefs: readonly string[];
  /** Some group reference is itself unknown. */
  readonly unknownGroupRef: boolean;
  /** Addresses of the referenced groups' members, filled once membership is known. */
  groupPeers: B<IpSet>;
  /** CIDRs and group members together: every peer the rule may admit. */
  peers: B<IpSet>;
  readonly description: string | null;
  readonly at?: Provenance;
  /** The literal CIDR texts and prefix list ids, for messages. */
  readonly sources: readonly string[];
}

export interface SgC {
  readonly id: string;
  readonly name?: string;
  readonly vpcId: string | null;
  readonly ingress: readonly SgRuleC[];
  readonly egress: readonly SgRuleC[];
  readonly at?: Provenance;
}

export interface NaclEntryC extends OrderedRule {
  readonly egress: boolean;
  readonly protos: B<ProtocolSet>;
  readonly ports: B<PortSet>;
  readonly peers: B<IpSet>;
  readonly at?: Provenance;
}

export interface NaclC {
  readonly id: string;
  readonly vpcId: string | null;
  readonly isDefault: boolean;
  readonly ingress: Sequences<NaclEntryC>;
  readonly egress: Sequences<NaclEntryC>;
  /** Synthesised from the documented default (a VPC the inputs create, with no default ACL written). */
  readonly implicit: boolean;
}

export interface RouteDest {
  readonly set: IpSet;
  readonly prefix: number;
}

export interface RouteC {
  /** The destination as CIDR blocks (a prefix list gives several); null: unknown destination. */
  readonly dests: readonly RouteDest[] | null;
  readonly destText: string;
  readonly target: AwsRouteTarget | 'blackhole';
  readonly targetId: string | null;
  readonly targetLabel?: string;
  readonly at?: Provenance;
}

export interface RouteTableC {
  readonly id: string;
  readonly vpcId: string | null;
  readonly routes: readonly RouteC[];
  readonly implicit: boolean;
}

export interface SubnetC {
  readonly id: string;
  readonly vpcId: string | null;
  readonly cidrs: B<IpSet>;
}

export interface VpcC {
  readonly id: string;
  readonly cidrs: B<IpSet>;
  readonly createdByInputs: boolean;
}

export interface IfaceC {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly subnetId: string | null;
  readonly vpcId: string | null;
  /** Private IPv4 and IPv6 addresses. */
  readonly addrs: B<IpSet>;
  readonly primary4?: Address;
  readonly primary6?: Address;
  readonly sgIds: readonly string[];
  readonly sgUnknown: boolean;
  readonly hasPublicIp: Tri;
  readonly publicIps: readonly string[];
  readonly hasIpv6: Tri;
  readonly pseudo: boolean;
  readonly at?: Provenance;
}

export interface NatC {
  readonly id: string;
  readonly subnetId: string | null;
  readonly isPublic: Tri;
  readonly publicIps: readonly string[];
}

export interface AwsCompiled {
  readonly vpcs: ReadonlyMap<string, VpcC>;
  readonly subnets: ReadonlyMap<string, SubnetC>;
  readonly sgs: ReadonlyMap<string, SgC>;
  readonly nacls: readonly NaclC[];
  readonly routeTables: readonly RouteTableC[];
  readonly igws: ReadonlyMap<string, string | null>;
  readonly nats: ReadonlyMap<string, NatC>;
  readonly ifaces: readonly IfaceC[];
  /** Subnet id → its network ACL (explicit association or the VPC default); absent: unknown. */
  readonly naclOf: ReadonlyMap<string, NaclC>;
  /** Subnet id → its route table (explicit association or the main table); absent: unknown. */
  readonly routeTableOf: ReadonlyMap<string, RouteTableC>;
  readonly membership: ReadonlyMap<string, B<IpSet>>;
}

const str = (v: Val<string> | undefined | null): string | null => (v === undefined || v === null || isUnknown(v) ? null : v);

export function compileAws(input: AwsInput, diags: Diagnostics): AwsCompiled {
  const vpcs = new Map<string, VpcC>();
  (input.vpcs ?? []).forEach((v) => {
    const path = `aws.vpcs[${v.id}].cidrs`;
    vpcs.set(v.id, { id: v.id, cidrs: parseCidrs(v.cidrs, { diags, path, ...at(v.at) }), createdByInputs: v.createdByInputs === true });
  });
  const subnets = new Map<string, SubnetC>();
  for (const s of input.subnets ?? []) {
    const cidrs = parseCidrs(s.cidrs, { diags, path: `aws.subnets[${s.id}].cidrs`, ...at(s.at) });
    subnets.set(s.id, { id: s.id, vpcId: str(s.vpcId), cidrs });
  }
  const prefixLists = new Map<string, B<IpSet>>();
  for (const p of input.prefixLists ?? []) {
    prefixLists.set(p.id, parseCidrs(p.cidrs, { diags, path: `aws.prefixLists[${p.id}].cidrs`, ...at(p.at) }));
  }

  const sgs = new Map<string, SgC>();
  for (const g of input.securityGroups ?? []) {
    const rule = (dir: 'ingress' | 'egress') => (r: AwsSgRule, i: number) =>
      compileSgRule(g.id, dir, r, i, prefixLists, diags);
    sgs.set(g.id, {
      id: g.id, ...(g.name !== undefined ? { name: g.name } : {}), vpcId: str(g.vpcId ?? null),
      ingress: g.ingress.map(rule('ingress')), egress: g.egress.map(rule('egress')), ...at(g.at),
    });
  }

  const ifaces: IfaceC[] = (input.interfaces ?? []).map((n) => {
    const subnetId = str(n.subnetId);
    const subnet = subnetId !== null ? subnets.get(subnetId) : undefined;
    const addrList = [...listOf(n.privateIps), ...listOf(n.ipv6Ips)];
    let def = IpSet.EMPTY;
    let unknownAddr = isUnknown(n.privateIps) || (n.ipv6Ips !== undefined && isUnknown(n.ipv6Ips));
    let primary4: Address | undefined;
    let primary6: Address | undefined;
    addrList.forEach((a) => {
      if (isUnknown(a)) {
        unknownAddr = true;
        return;
      }
      const r = parseAddress(a);
      if (!r.ok) {
        diags.add('malformed-cidr', 'error', `aws.interfaces[${n.id}].privateIps`, `\`${a}\` is not an IP address: ${r.reason}`, n.at);
        unknownAddr = true;
        return;
      }
      def = def.union(IpSet.fromAddress(r.value));
      if (r.value.family === 4) primary4 ??= r.value;
      else primary6 ??= r.value;
    });
    const pos = unknownAddr ? def.union(subnet ? subnet.cidrs.pos : IpSet.ALL) : def;
    const sg = readList(n.securityGroupIds);
    for (const { value } of sg.items) {
      if (!sgs.has(value)) {
        diags.add('missing-reference', 'warning', `aws.interfaces[${n.id}].securityGroupIds`,
          `security group \`${value}\` is not in the inputs; rules depending on it are unknown`, n.at);
      }
    }
    const v6 = n.ipv6Ips === undefined ? false : isUnknown(n.ipv6Ips) ? 'unknown' : n.ipv6Ips.length > 0;
    return {
      id: n.id, aliases: n.aliases ?? [], subnetId, vpcId: subnet?.vpcId ?? null, addrs: { def, pos },
      ...(primary4 ? { primary4 } : {}), ...(primary6 ? { primary6 } : {}),
      sgIds: sg.items.map((x) => x.value), sgUnknown: sg.unknown !== null,
      hasPublicIp: isUnknown(n.hasPublicIp) ? 'unknown' : n.hasPublicIp, publicIps: n.publicIps ?? [],
      hasIpv6: v6 as Tri, pseudo: false, ...at(n.at),
    };
  });

  const membership = computeMembership(sgs, ifaces, vpcs);
  for (const g of sgs.values()) {
    for (const r of [...g.ingress, ...g.egress]) {
      let peers: B<IpSet> = exact(IpSet.EMPTY);
      for (const ref of r.groupRefs) {
        const m = membership.get(ref);
        if (!m) {
          diags.add('missing-reference', 'warning', `aws.securityGroups[${g.id}].${r.label}`,
            `referenced security group \`${ref}\` is not in the inputs; its members are unknown`, r.at);
          // Members of a group outside the inputs are still matched by their private addresses only.
          peers = { def: peers.def, pos: peers.pos.union(NON_PUBLIC) };
        } else peers = { def: peers.def.union(m.def), pos: peers.pos.union(m.pos) };
      }
      if (r.unknownGroupRef) peers = { def: peers.def, pos: IpSet.ALL };
      r.groupPeers = peers;
      r.peers = { def: r.cidrs.def.union(peers.def), pos: r.cidrs.pos.union(peers.pos) };
    }
  }

  const nacls: NaclC[] = (input.networkAcls ?? []).map((a) => {
    const entries = a.entries.map((e, i) => compileNaclEntry(a.id, e, i, diags));
    return {
      id: a.id, vpcId: str(a.vpcId), isDefault: a.isDefault, implicit: false,
      ingress: sequences(entries.filter((e) => !e.egress)), egress: sequences(entries.filter((e) => e.egress)),
    };
  });
  const routeTables: RouteTableC[] = (input.routeTables ?? []).map((t) => {
    const vpcId = str(t.vpcId);
    const routes = t.routes.map((r, i) => ({
      ...compileRoute(t.id, r.destination, r.targetType, r.targetId, r.state, i, prefixLists, diags, r.at),
      ...(r.targetLabel !== undefined ? { targetLabel: r.targetLabel } : {}),
    }));
    const vpc = vpcId !== null ? vpcs.get(vpcId) : undefined;
    if (!routes.some((r) => r.target === 'local') && vpc) {
      // Every route table has the local route for the VPC's CIDRs even when a template does not write it.
      routes.push({ dests: blocksOf(vpc.cidrs.def), destText: 'local', target: 'local', targetId: 'local' });
    }
    return { id: t.id, vpcId, routes, implicit: false };
  });

  const igws = new Map<string, string | null>();
  for (const g of input.internetGateways ?? []) igws.set(g.id, g.vpcId === null ? null : str(g.vpcId));
  const nats = new Map<string, NatC>();
  for (const n of input.natGateways ?? []) {
    const c = str(n.connectivity);
    nats.set(n.id, { id: n.id, subnetId: str(n.subnetId), isPublic: c === null ? 'unknown' : c.toLowerCase() === 'public', publicIps: n.publicIps ?? [] });
  }

  const naclOf = new Map<string, NaclC>();
  const routeTableOf = new Map<string, RouteTableC>();
  // The compiled ACL or table of the same id (the first, as a search from the start would find it) and each VPC's
  // default ACL and main table, indexed once rather than searched for every association and subnet.
  const firstById = <T extends { id: string }>(xs: readonly T[]): Map<string, T> => {
    const m = new Map<string, T>();
    for (const x of xs) if (!m.has(x.id)) m.set(x.id, x);
    return m;
  };
  const naclById = firstById(nacls);
  const tableById = firstById(routeTables);
  const defaultNacl = new Map<string | null, NaclC>();
  for (const a of nacls) if (a.isDefault && !defaultNacl.has(a.vpcId)) defaultNacl.set(a.vpcId, a);
  const mainTable = new Map<string | null, RouteTableC | undefined>();
  for (const t of input.routeTables ?? []) {
    const vpcId = str(t.vpcId);
    if (t.isMain === true && !mainTable.has(vpcId)) mainTable.set(vpcId, tableById.get(t.id));
  }
  for (const a of input.networkAcls ?? []) {
    const c = naclById.get(a.id) as NaclC;
    for (const s of a.subnetIds) if (!isUnknown(s)) naclOf.set(s, c);
  }
  for (const t of input.routeTables ?? []) {
    const c = tableById.get(t.id) as RouteTableC;
    for (const s of t.subnetIds) if (!isUnknown(s)) routeTableOf.set(s, c);
  }
  for (const s of subnets.values()) {
    if (s.vpcId === null) continue;
    const vpc = vpcs.get(s.vpcId);
    if (!naclOf.has(s.id)) {
      const def = defaultNacl.get(s.vpcId);
      if (def) naclOf.set(s.id, def);
      else if (vpc?.createdByInputs) naclOf.set(s.id, implicitDefaultNacl(s.vpcId));
    }
    if (!routeTableOf.has(s.id)) {
      const c = mainTable.get(s.vpcId);
      if (c) routeTableOf.set(s.id, c);
      else if (vpc?.createdByInputs) {
        routeTableOf.set(s.id, {
          id: `${s.vpcId} main route table`, vpcId: s.vpcId, implicit: true,
          routes: [{ dests: blocksOf(vpc.cidrs.def), destText: 'local', target: 'local', targetId: 'local' }],
        });
      }
    }
  }
  return { vpcs, subnets, sgs, nacls, routeTables, igws, nats, ifaces, naclOf, routeTableOf, membership };
}

function at(p: Provenance | undefined): { at?: Provenance } {
  return p ? { at: p } : {};
}

function listOf<T>(v: Val<readonly Val<T>[]> | undefined): readonly Val<T>[] {
  return v === undefined || isUnknown(v) ? [] : v;
}

const implicitCache = new Map<string, NaclC>();
/** The default network ACL AWS creates with a VPC: allow all IPv4 and IPv6 both ways, then the `*` deny. */
function implicitDefaultNacl(vpcId: string): NaclC {
  const hit = implicitCache.get(vpcId);
  if (hit) return hit;
  const entry = (egress: boolean): NaclEntryC => ({
    order: 100, action: 'allow', label: '#100', egress, protos: exact(ALL_PROTOCOLS), ports: exact(ALL_PORTS), peers: exact(IpSet.ALL),
  });
  const c: NaclC = {
    id: `${vpcId} default network ACL`, vpcId, isDefault: true, implicit: true,
    ingress: sequences([entry(false)]), egress: sequences([entry(true)]),
  };
  implicitCache.set(vpcId, c);
  return c;
}

function num(v: Val<number> | null | undefined): number | null | 'unknown' {
  if (v === undefined || v === null) return null;
  return isUnknown(v) ? 'unknown' : v;
}

/** Protocols and ports of an SG rule or ACL entry, by the documented per-protocol meaning of the port fields. */
function protoPorts(
  protocol: Val<string | number>,
  from: number | null | 'unknown',
  to: number | null | 'unknown',
  icmpType: number | null | 'unknown',
  ctx: { diags: Diagnostics; path: string; at?: Provenance },
): { protos: B<ProtocolSet>; ports: B<PortSet> } {
  const unknownAll = { protos: { def: [] as ProtocolSet, pos: ALL_PROTOCOLS }, ports: { def: NO_PORTS, pos: ALL_PORTS } };
  if (isUnknown(protocol)) return unknownAll;
  const protos = parseProtocol(protocol);
  if (!protos) {
    ctx.diags.add('bad-protocol', 'error', `${ctx.path}.protocol`, `\`${String(protocol)}\` is not a protocol name or number`, ctx.at);
    return unknownAll;
  }
  const p = protos.length === 2 && protos[0] === protos[1] ? (protos[0] as number) : -1;
  const withProtos = (ports: B<PortSet>) => ({ protos: exact(protos), ports });
  if (p === TCP || p === UDP) {
    if (from === 'unknown' || to === 'unknown') return withProtos({ def: NO_PORTS, pos: ALL_PORTS });
    if (from === null && to === null) return withProtos(exact(ALL_PORTS));
    const lo = from ?? to;
    const hi = to ?? from;
    if (lo === null || hi === null || !validPort(lo) || !validPort(hi) || lo > hi) {
      ctx.diags.add('bad-port', 'error', `${ctx.path}.ports`, `port range \`${String(from)}-${String(to)}\` is not within 0-65535 in order`, ctx.at);
      return withProtos({ def: NO_PORTS, pos: ALL_PORTS });
    }
    return withProtos(exact([lo, hi]));
  }
  if (p === ICMP || p === ICMPV6) {
    if (icmpType === 'unknown') return withProtos({ def: NO_PORTS, pos: ALL_PORTS });
    if (icmpType === null || icmpType === -1) return withProtos(exact(ALL_PORTS));
    if (!Number.isInteger(icmpType) || icmpType < 0 || icmpType > 255) {
      ctx.diags.add('bad-port', 'error', `${ctx.path}.icmpType`, `ICMP type \`${icmpType}\` is not within 0-255 or -1`, ctx.at);
      return withProtos({ def: NO_PORTS, pos: ALL_PORTS });
    }
    return withProtos(exact([icmpType, icmpType]));
  }
  // "-1" or any other protocol: the documented behaviour is all ports, whatever range is written.
  return withProtos(exact(ALL_PORTS));
}

function validPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}

function compileSgRule(
  group: string, direction: 'ingress' | 'egress', r: AwsSgRule, index: number,
  prefixLists: ReadonlyMap<string, B<IpSet>>, diags: Diagnostics,
): SgRuleC {
  const label = r.label ?? `${direction}[${index}]`;
  const path = `aws.securityGroups[${group}].${label}`;
  const ctx = { diags, path, ...at(r.at) };
  const from = num(r.fromPort);
  const to = num(r.toPort);
  const { protos, ports } = protoPorts(r.protocol, from, to, from, ctx);
  let cidrs = parseCidrs(r.cidrs, { ...ctx, path: `${path}.cidrs` });
  const sources: string[] = readList(r.cidrs).items.map((x) => x.value);
  for (const pl of r.prefixListIds ?? []) {
    if (isUnknown(pl)) {
      cidrs = { def: cidrs.def, pos: IpSet.ALL };
      continue;
    }
    sources.push(pl);
    const set = prefixLists.get(pl);
    if (!set) {
      diags.add('missing-reference', 'warning', `${path}.prefixListIds`, `prefix list \`${pl}\` is not in the inputs; its addresses are unknown`, r.at);
      cidrs = { def: cidrs.def, pos: IpSet.ALL };
    } else cidrs = { def: cidrs.def.union(set.def), pos: cidrs.pos.union(set.pos) };
  }
  const refs: string[] = [];
  let unknownGroupRef = false;
  for (const g of r.groupIds ?? []) {
    if (isUnknown(g)) unknownGroupRef = true;
    else {
      refs.push(g);
      sources.push(g);
    }
  }
  return {
    group, direction, label, index, protos, ports, cidrs, groupRefs: refs, unknownGroupRef,
    groupPeers: exact(IpSet.EMPTY), peers: cidrs, description: r.description ?? null, ...at(r.at), sources,
  };
}

function compileNaclEntry(acl: string, e: AwsNaclEntry, index: number, diags: Diagnostics): NaclEntryC {
  const n = num(e.ruleNumber);
  const label = n === null || n === 'unknown' ? `entry[${index}]` : n === 32767 ? '*' : `#${n}`;
  const path = `aws.networkAcls[${acl}].${e.egress ? 'egress' : 'ingress'}${label}`;
  const ctx = { diags, path, ...at(e.at) };
  let order: number | null = typeof n === 'number' ? n : null;
  if (typeof n === 'number' && (!Number.isInteger(n) || n < 1 || n > 32767)) {
    diags.add('bad-value', 'error', `${path}.ruleNumber`, `rule number \`${n}\` is not within 1-32766`, e.at);
    order = null;
  }
  const action = isUnknown(e.action) ? 'unknown' : e.action.toLowerCase() === 'allow' ? 'allow' : e.action.toLowerCase() === 'deny' ? 'deny' : 'unknown';
  if (!isUnknown(e.action) && action === 'unknown') {
    diags.add('bad-value', 'error', `${path}.action`, `action \`${e.action}\` is neither allow nor deny`, e.at);
  }
  const { protos, ports } = protoPorts(e.protocol, num(e.fromPort), num(e.toPort), num(e.icmpType), ctx);
  let peers: B<IpSet>;
  if (isUnknown(e.cidr)) peers = { def: IpSet.EMPTY, pos: IpSet.ALL };
  else {
    const s = parseOneCidr(e.cidr, { ...ctx, path: `${path}.cidr` });
    peers = s ? exact(s) : { def: IpSet.EMPTY, pos: IpSet.ALL };
  }
  return { order, action, label, egress: e.egress, protos, ports, peers, ...at(e.at) };
}

function compileRoute(
  table: string, destination: Val<string>, targetType: AwsRouteTarget, targetId: Val<string>, state: string | undefined,
  index: number, prefixLists: ReadonlyMap<string, B<IpSet>>, diags: Diagnostics, where?: Provenance,
): RouteC {
  const target = state === 'blackhole' ? 'blackhole' : targetType;
  const tid = isUnknown(targetId) ? null : targetId;
  const base = { target, targetId: tid, ...at(where) } as const;
  if (isUnknown(destination)) return { ...base, dests: null, destText: '(unknown)' };
  if (destination.startsWith('pl-')) {
    const pl = prefixLists.get(destination);
    return { ...base, dests: pl && pl.def.equals(pl.pos) ? blocksOf(pl.def) : null, destText: destination };
  }
  const set = parseOneCidr(destination, { diags, path: `aws.routeTables[${table}].routes[${index}].destination`, ...at(where) });
  return { ...base, dests: set ? blocksOf(set) : null, destText: destination };
}

/** A set as aligned CIDR blocks with their prefix lengths, for longest-prefix matching. */
function blocksOf(s: IpSet): RouteDest[] {
  return s.toCidrs().map((c) => {
    const slash = c.indexOf('/');
    return { set: IpSet.parse(c), prefix: Number(c.slice(slash + 1)) };
  });
}

/**
 * Which addresses belong to members of each security group. Certain: the private addresses of interfaces whose group
 * list names it. Possible: also interfaces whose group list is unknown, and — since resources outside the inputs
 * (databases, functions, load balancers) can be members too — any address in the group's VPC not held by a known
 * non-member.
 */
function computeMembership(sgs: ReadonlyMap<string, SgC>, ifaces: readonly IfaceC[], vpcs: ReadonlyMap<string, VpcC>): Map<string, B<IpSet>> {
  const out = new Map<string, B<IpSet>>();
  // Each interface is visited once: its addresses go to the groups it names (not a scan of every interface per group),
  // and each union is taken once over all the pieces rather than one growing set at a time.
  const known: IpSet[] = [];
  const unknownList: IpSet[] = [];
  const members = new Map<string, IfaceC[]>();
  for (const n of ifaces) {
    known.push(n.addrs.def);
    if (n.sgUnknown) unknownList.push(n.addrs.pos);
    for (const id of new Set(n.sgIds)) {
      const list = members.get(id);
      if (list) list.push(n);
      else members.set(id, [n]);
    }
  }
  const knownAddrs = IpSet.unionAll(known);
  const unknownListAddrs = IpSet.unionAll(unknownList);
  // What every group of a VPC may have as members whoever its named members are: interfaces whose group lists are
  // unknown, and addresses of the VPC no known interface holds.
  const anyMember = new Map<string | null, IpSet>();
  for (const g of sgs.values()) {
    const mine = members.get(g.id) ?? [];
    let base = anyMember.get(g.vpcId);
    if (!base) {
      const vpc = g.vpcId !== null ? vpcs.get(g.vpcId) : undefined;
      base = unknownListAddrs.union((vpc ? vpc.cidrs.pos : NON_PUBLIC).subtract(knownAddrs));
      anyMember.set(g.vpcId, base);
    }
    if (mine.length === 0) {
      out.set(g.id, { def: IpSet.EMPTY, pos: base });
      continue;
    }
    const def = IpSet.unionAll(mine.map((n) => n.addrs.def));
    out.set(g.id, { def, pos: IpSet.unionAll([base, ...mine.map((n) => n.addrs.pos), def]) });
  }
  return out;
}
