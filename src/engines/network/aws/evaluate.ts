import type { Tri } from '../../../model/core/index.js';
import { exact, ipUnion, matchPeer, triAnd2, triOr2 } from '../compile-util.js';
import type { B, Peer } from '../compile-util.js';
import { decidePoint, decideRegion } from '../first-match.js';
import { constLevel } from '../path.js';
import type { Explanation, Level } from '../path.js';
import type { Address } from '../sets/address.js';
import { has } from '../sets/intervals.js';
import { IpSet } from '../sets/ip-set.js';
import { EPHEMERAL, ICMP, ICMPV6, PortMap, ports, protocolName, TCP, UDP } from '../sets/ports.js';
import { INTERNET, NON_PUBLIC } from '../sets/well-known.js';
import type { AwsCompiled, IfaceC, NaclC, NaclEntryC, RouteC, RouteTableC, SgRuleC } from './compile.js';

type Dir = 'ingress' | 'egress';
const eqSet = (a: IpSet, b: IpSet): boolean => a.equals(b);
const EMPTY_MAP = PortMap.constant(IpSet.EMPTY);
const ALL_MAP = PortMap.constant(IpSet.ALL);

function tri(def: readonly number[], pos: readonly number[], x: number): Tri {
  return has(def, x) ? true : has(pos, x) ? 'unknown' : false;
}

/** ICMP request type → the reply type a stateless ACL must let back; undefined: no reply to check. */
function icmpReply(proto: number, type: number): number | undefined {
  if (proto === ICMP) return ({ 8: 0, 13: 14, 15: 16, 17: 18 } as Record<number, number>)[type];
  if (proto === ICMPV6) return type === 128 ? 129 : undefined;
  return undefined;
}

/**
 * Evaluation over a compiled AWS network. Regions (which peers, per port) are memoised per security group set, ACL and
 * route table, so a full exposure pass touches each once.
 */
export class AwsNet {
  readonly #sgMemo = new Map<string, B<PortMap<IpSet>>>();
  readonly #naclMemo = new Map<string, B<PortMap<IpSet>>>();
  readonly #replyMemo = new Map<string, B<IpSet>>();
  readonly #routeMemo = new Map<string, B<IpSet>>();
  readonly #naclIds = new Map<NaclC, number>();

  /** Internet source/destination addresses: public space outside every network in the inputs. */
  internet: IpSet = INTERNET;

  constructor(readonly c: AwsCompiled) {}

  // ── security groups ──────────────────────────────────────────────────────────────────────────────────────────────

  ruleMatch(r: SgRuleC, proto: number, port: number, peer: Peer, peerIface: IfaceC | undefined): Tri {
    const p = tri(r.protos.def, r.protos.pos, proto);
    if (p === false) return false;
    const t = tri(r.ports.def, r.ports.pos, port);
    if (t === false) return false;
    let g: Tri = false;
    if (r.groupRefs.length > 0 || r.unknownGroupRef) {
      if (peerIface && !peerIface.pseudo) {
        g = r.groupRefs.some((x) => peerIface.sgIds.includes(x)) ? true : peerIface.sgUnknown || r.unknownGroupRef ? 'unknown' : false;
      } else g = matchPeer(r.groupPeers, peer);
    }
    return triAnd2(triAnd2(p, t), triOr2(matchPeer(r.cidrs, peer), g));
  }

  sgExplain(n: IfaceC, dir: Dir, proto: number, port: number, peer: Peer, peerIface?: IfaceC): Explanation {
    let acc: Tri = false;
    let maybe: { id: string; rule: string } | undefined;
    const missing: string[] = [];
    for (const id of n.sgIds) {
      const g = this.c.sgs.get(id);
      if (!g) {
        missing.push(id);
        continue;
      }
      for (const r of g[dir]) {
        const m = this.ruleMatch(r, proto, port, peer, peerIface);
        if (m === true) return { decision: true, id: g.id, rule: r.label };
        if (m === 'unknown') {
          acc = 'unknown';
          maybe ??= { id: g.id, rule: r.label };
        }
      }
    }
    if (missing.length > 0 || n.sgUnknown) acc = triOr2(acc, 'unknown');
    const groups = this.groupLabel(n);
    if (acc === false) return { decision: false, id: groups, rule: null, note: `no ${dir} rule allows ${protocolName(proto)}/${port}` };
    const note = missing.length > 0 ? `security groups not in the inputs: ${missing.join(', ')}` : n.sgUnknown ? 'the interface\'s security groups are not all known' : undefined;
    return maybe ? { decision: 'unknown', id: maybe.id, rule: maybe.rule, ...(note ? { note } : {}) } : { decision: 'unknown', id: groups, rule: null, ...(note ? { note } : {}) };
  }

  groupLabel(n: IfaceC): string {
    return n.sgIds.length > 0 ? n.sgIds.join(', ') : n.sgUnknown ? '(unknown security groups)' : '(no security groups)';
  }

  /** Peers the interface's security groups let through, per port, for one protocol. */
  sgRegion(n: IfaceC, dir: Dir, proto: number, internetOnly = false): B<PortMap<IpSet>> {
    const key = `${dir}|${proto}|${internetOnly ? 'i' : ''}|${n.sgUnknown ? '?' : ''}|${n.sgIds.join(',')}`;
    const hit = this.#sgMemo.get(key);
    if (hit) return hit;
    let def = EMPTY_MAP;
    let pos = n.sgUnknown ? PortMap.constant(internetOnly ? this.internet : IpSet.ALL) : EMPTY_MAP;
    for (const id of n.sgIds) {
      const one = this.oneSgRegion(id, dir, proto, internetOnly);
      def = PortMap.combine(def, one.def, (a, b) => a.union(b), eqSet);
      pos = PortMap.combine(pos, one.pos, (a, b) => a.union(b), eqSet);
    }
    const out = { def, pos };
    this.#sgMemo.set(key, out);
    return out;
  }

  /** One group's region; restricted to internet peers first when asked, which keeps the maps small. */
  private oneSgRegion(id: string, dir: Dir, proto: number, internetOnly: boolean): B<PortMap<IpSet>> {
    const key = `one|${dir}|${proto}|${internetOnly ? 'i' : ''}|${id}`;
    const hit = this.#sgMemo.get(key);
    if (hit) return hit;
    const g = this.c.sgs.get(id);
    const clip = (x: IpSet) => (internetOnly ? x.intersect(this.internet) : x);
    let out: B<PortMap<IpSet>>;
    if (!g) out = { def: EMPTY_MAP, pos: PortMap.constant(clip(IpSet.ALL)) };
    else {
      let def = EMPTY_MAP;
      let pos = EMPTY_MAP;
      for (const r of g[dir]) {
        if (has(r.protos.pos, proto)) {
          const peers = clip(r.peers.pos);
          if (!peers.isEmpty()) pos = PortMap.combine(pos, PortMap.of(r.ports.pos, peers, IpSet.EMPTY), (a, b) => a.union(b), eqSet);
        }
        if (has(r.protos.def, proto)) {
          const peers = clip(r.peers.def);
          if (!peers.isEmpty()) def = PortMap.combine(def, PortMap.of(r.ports.def, peers, IpSet.EMPTY), (a, b) => a.union(b), eqSet);
        }
      }
      out = { def, pos };
    }
    this.#sgMemo.set(key, out);
    return out;
  }

  // ── network ACLs ─────────────────────────────────────────────────────────────────────────────────────────────────

  naclOf(n: IfaceC): NaclC | undefined {
    return n.subnetId === null ? undefined : this.c.naclOf.get(n.subnetId);
  }

  routeTableOf(n: IfaceC): RouteTableC | undefined {
    return n.subnetId === null ? undefined : this.c.routeTableOf.get(n.subnetId);
  }

  private entryMatch(e: NaclEntryC, proto: number, port: number, peer: Peer): Tri {
    const p = tri(e.protos.def, e.protos.pos, proto);
    if (p === false) return false;
    return triAnd2(triAnd2(p, tri(e.ports.def, e.ports.pos, port)), matchPeer(e.peers, peer));
  }

  naclExplain(a: NaclC, egress: boolean, proto: number, port: number, peer: Peer): Explanation {
    const d = decidePoint(egress ? a.egress : a.ingress, (e) => this.entryMatch(e, proto, port, peer), 'deny');
    const dir = egress ? 'outbound' : 'inbound';
    if (d.decision === true) return { decision: true, rule: `${dir} ${d.lower?.label ?? '*'}` };
    if (d.decision === false) return { decision: false, rule: `${dir} ${d.upper?.label ?? '*'}` };
    return { decision: 'unknown', rule: `${dir} ${d.upper?.label ?? d.lower?.label ?? '*'}`, note: 'depends on values not known before deployment' };
  }

  naclRegion(a: NaclC, egress: boolean, proto: number): B<PortMap<IpSet>> {
    const key = `${this.naclKey(a)}|${egress ? 'e' : 'i'}|${proto}`;
    const hit = this.#naclMemo.get(key);
    if (hit) return hit;
    const out = decideRegion(egress ? a.egress : a.ingress, (e, certain) => {
      if (!has(certain ? e.protos.def : e.protos.pos, proto)) return null;
      return PortMap.of(certain ? e.ports.def : e.ports.pos, certain ? e.peers.def : e.peers.pos, IpSet.EMPTY);
    }, 'deny');
    this.#naclMemo.set(key, out);
    return out;
  }

  private naclKey(a: NaclC): number {
    let k = this.#naclIds.get(a);
    if (k === undefined) {
      k = this.#naclIds.size;
      this.#naclIds.set(a, k);
    }
    return k;
  }

  /**
   * Peers a reply can go back to (or come back from) through a stateless ACL: for TCP/UDP, some client ephemeral port
   * in 1024-65535 must be allowed; for ICMP, the reply type.
   */
  replySet(a: NaclC, egress: boolean, proto: number, port: number): B<IpSet> {
    const replyPort = proto === TCP || proto === UDP ? -1 : proto === ICMP || proto === ICMPV6 ? icmpReply(proto, port) : 0;
    if (replyPort === undefined) return exact(IpSet.ALL);
    const key = `${this.naclKey(a)}|${egress ? 'e' : 'i'}|${proto}|${replyPort}`;
    const hit = this.#replyMemo.get(key);
    if (hit) return hit;
    const region = this.naclRegion(a, egress, proto);
    let out: B<IpSet>;
    if (replyPort >= 0) out = { def: region.def.at(replyPort), pos: region.pos.at(replyPort) };
    else {
      const collect = (m: PortMap<IpSet>): IpSet => {
        let acc = IpSet.EMPTY;
        for (const [lo, hi, v] of m.pieces((v) => !v.isEmpty())) if (ports.overlaps([lo, hi], EPHEMERAL)) acc = acc.union(v);
        return acc;
      };
      out = { def: collect(region.def), pos: collect(region.pos) };
    }
    this.#replyMemo.set(key, out);
    return out;
  }

  /** Client ports a reply may use for one peer (certainly allowed), for notes on partial ephemeral ranges. */
  replyPortsFor(a: NaclC, egress: boolean, proto: number, peer: Address): number[] {
    const m = this.naclRegion(a, egress, proto).def;
    let acc: number[] = [];
    for (const [lo, hi] of m.pieces((v) => v.has(peer))) acc = [...ports.union(acc, ports.intersect([lo, hi], EPHEMERAL))];
    return acc;
  }

  replyLevel(a: NaclC | undefined, n: IfaceC, egress: boolean, proto: number, port: number, peer: Peer | null): Level {
    const kind = 'network-acl' as const;
    if (!a) return constLevel(kind, this.naclLabel(n), 'unknown', null, 'the subnet\'s network ACL is not in the inputs');
    const set = this.replySet(a, egress, proto, port);
    const explainAt = (p: Peer): Explanation => {
      const decision = matchPeer(set, p);
      if (!(proto === TCP || proto === UDP)) {
        const rp = icmpReply(proto, port);
        const e = this.naclExplain(a, egress, proto, rp ?? 0, p);
        return { ...e, decision, note: 'reply traffic (network ACLs are stateless)' };
      }
      const addr = p.address ?? p.set.first();
      const allowedPorts = addr ? this.replyPortsFor(a, egress, proto, addr) : [];
      const probe = allowedPorts.length > 0 ? (allowedPorts[0] as number) : 1024;
      const e = this.naclExplain(a, egress, proto, probe, p);
      const partial = decision !== false && allowedPorts.length > 0 && !ports.covers(allowedPorts, EPHEMERAL)
        ? `; replies only to client ports ${ports.format(allowedPorts).join(', ')}` : '';
      return { decision, rule: e.rule, note: `reply traffic to client ports 1024-65535 (network ACLs are stateless)${partial}` };
    };
    return {
      kind, id: a.id, ...(peer ? {} : { allowed: set }),
      explain: (rep) => explainAt(peer ?? { set: rep ? IpSet.fromAddress(rep) : IpSet.EMPTY, ...(rep ? { address: rep } : {}) }),
    };
  }

  naclLabel(n: IfaceC): string {
    return n.subnetId === null ? '(unknown subnet)' : `network ACL of ${n.subnetId}`;
  }

  // ── routes ───────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Longest-prefix match; `uncertain` when a route with an unknown destination could be more specific. */
  lookup(t: RouteTableC, a: Address): { route: RouteC | undefined; uncertain: boolean } {
    let best: RouteC | undefined;
    let bestLen = -1;
    let uncertain = false;
    for (const r of t.routes) {
      if (r.dests === null) {
        uncertain = true;
        continue;
      }
      for (const d of r.dests) if (d.prefix > bestLen && d.set.has(a)) {
        best = r;
        bestLen = d.prefix;
      }
    }
    return { route: best, uncertain };
  }

  /**
   * Destinations whose longest-prefix route satisfies `ok` (returning which of them it lets through). A route with an
   * unknown destination may capture anything, so it empties the certain part or fills the possible part.
   */
  routed(t: RouteTableC, key: string, ok: (r: RouteC) => B<IpSet>): B<IpSet> {
    const memoKey = `${t.id}|${key}`;
    const hit = this.#routeMemo.get(memoKey);
    if (hit) return hit;
    const entries: { set: IpSet; prefix: number; r: RouteC }[] = [];
    let unknownOk = false;
    let unknownOther = false;
    for (const r of t.routes) {
      if (r.dests === null) {
        const v = ok(r);
        if (!v.pos.isEmpty()) unknownOk = true;
        if (!v.def.equals(IpSet.ALL)) unknownOther = true;
        continue;
      }
      for (const d of r.dests) entries.push({ ...d, r });
    }
    entries.sort((a, b) => b.prefix - a.prefix);
    let remaining = IpSet.ALL;
    let def = IpSet.EMPTY;
    let pos = IpSet.EMPTY;
    for (const e of entries) {
      const captured = e.set.intersect(remaining);
      if (captured.isEmpty()) continue;
      remaining = remaining.subtract(e.set);
      const v = ok(e.r);
      def = def.union(captured.intersect(v.def));
      pos = pos.union(captured.intersect(v.pos));
    }
    const out = { def: unknownOther ? IpSet.EMPTY : def, pos: unknownOk ? IpSet.ALL : pos };
    this.#routeMemo.set(memoKey, out);
    return out;
  }

  /** Is the route's internet gateway usable from this table's VPC? */
  private igwOk(t: RouteTableC, r: RouteC): Tri {
    if (r.target !== 'internetGateway') return false;
    if (r.targetId === null) return 'unknown';
    const vpc = this.c.igws.get(r.targetId);
    if (vpc === undefined || t.vpcId === null) return true;
    return vpc === null ? false : vpc === t.vpcId;
  }

  /** Internet addresses the table sends to an internet gateway (what inbound replies and direct egress need). */
  igwSet(t: RouteTableC): B<IpSet> {
    return this.routed(t, 'igw', (r) => triSet(this.igwOk(t, r)));
  }

  /** Destinations reachable through a working NAT gateway (public NAT whose own subnet routes them to an IGW). */
  private natSet(t: RouteTableC): B<IpSet> {
    return this.routed(t, 'nat', (r) => {
      if (r.target !== 'natGateway') return exact(IpSet.EMPTY);
      const nat = r.targetId === null ? undefined : this.c.nats.get(r.targetId);
      if (!nat || nat.subnetId === null) return { def: IpSet.EMPTY, pos: IpSet.ALL_V4 };
      const natTable = this.c.routeTableOf.get(nat.subnetId);
      if (!natTable) return { def: IpSet.EMPTY, pos: IpSet.ALL_V4 };
      const viaIgw = this.igwSet(natTable);
      const pub = triSet(nat.isPublic);
      return { def: viaIgw.def.intersect(pub.def).onlyFamily(4), pos: viaIgw.pos.intersect(pub.pos).onlyFamily(4) };
    });
  }

  private eigwSet(t: RouteTableC): B<IpSet> {
    return this.routed(t, 'eigw', (r) => (r.target === 'egressOnlyInternetGateway' ? exact(IpSet.ALL_V6) : exact(IpSet.EMPTY)));
  }

  /** Internet destinations an interface can send to: IGW (with a public address), NAT (IPv4), egress-only IGW (IPv6). */
  egressRouteSet(t: RouteTableC, n: IfaceC): B<IpSet> {
    const igw = this.igwSet(t);
    const v4pub = triSet(n.hasPublicIp);
    const v6 = triSet(n.hasIpv6);
    const direct: B<IpSet> = {
      def: igw.def.intersect(v4pub.def.onlyFamily(4).union(v6.def.onlyFamily(6))),
      pos: igw.pos.intersect(v4pub.pos.onlyFamily(4).union(v6.pos.onlyFamily(6))),
    };
    const nat = this.natSet(t);
    const eigw = this.eigwSet(t);
    return ipUnion(direct, ipUnion(nat, { def: eigw.def.intersect(v6.def), pos: eigw.pos.intersect(v6.pos) }));
  }

  routeText(r: RouteC | undefined): string {
    return r ? `${r.destText} → ${r.targetLabel ?? r.targetId ?? r.target}` : 'no matching route';
  }

  // ── levels ───────────────────────────────────────────────────────────────────────────────────────────────────────

  sgLevel(n: IfaceC, dir: Dir, proto: number, port: number, peer: Peer | null, peerIface?: IfaceC, internetOnly = false): Level {
    const explainAt = (p: Peer): Explanation => this.sgExplain(n, dir, proto, port, p, peerIface);
    const region = peer ? undefined : this.sgRegion(n, dir, proto, internetOnly);
    return {
      kind: 'security-group', id: this.groupLabel(n),
      ...(region ? { allowed: { def: region.def.at(port), pos: region.pos.at(port) } } : {}),
      explain: (rep) => explainAt(peer ?? peerAt(rep)),
    };
  }

  naclLevel(n: IfaceC, egress: boolean, proto: number, port: number, peer: Peer | null): Level {
    const a = this.naclOf(n);
    if (!a) return constLevel('network-acl', this.naclLabel(n), 'unknown', null, 'the subnet\'s network ACL is not in the inputs');
    const region = peer ? undefined : this.naclRegion(a, egress, proto);
    return {
      kind: 'network-acl', id: a.id,
      ...(region ? { allowed: { def: region.def.at(port), pos: region.pos.at(port) } } : {}),
      explain: (rep) => this.naclExplain(a, egress, proto, port, peer ?? peerAt(rep)),
    };
  }

  /** Route level for traffic with internet peers: inbound replies and egress both need the table to send them out. */
  internetRouteLevel(n: IfaceC, egress: boolean): Level {
    const t = this.routeTableOf(n);
    if (!t) return constLevel('route-table', n.subnetId ?? '(unknown subnet)', 'unknown', null, 'the subnet\'s route table is not in the inputs');
    const allowed = egress ? this.egressRouteSet(t, n) : this.igwSet(t);
    return {
      kind: 'route-table', id: t.id, allowed,
      explain: (rep) => {
        if (!rep) return { decision: 'unknown', rule: null };
        const { route, uncertain } = this.lookup(t, rep);
        const d = matchPeer(allowed, { set: IpSet.fromAddress(rep), address: rep });
        const note = route === undefined ? 'no route to the internet'
          : route.target === 'internetGateway' ? undefined
            : route.target === 'natGateway' ? (egress ? 'through a NAT gateway' : 'a NAT gateway does not accept connections from the internet')
              : `traffic goes to ${route.target}`;
        return { decision: uncertain && d === false ? 'unknown' : d, rule: this.routeText(route), ...(note ? { note } : {}) };
      },
    };
  }

  readonly #publicMemo = new Map<IfaceC, Level>();

  publicLevel(n: IfaceC): Level {
    let l = this.#publicMemo.get(n);
    if (!l) {
      l = this.makePublicLevel(n);
      this.#publicMemo.set(n, l);
    }
    return l;
  }

  private makePublicLevel(n: IfaceC): Level {
    const v4 = triSet(n.hasPublicIp).def.onlyFamily(4);
    const v4p = triSet(n.hasPublicIp).pos.onlyFamily(4);
    const v6 = triSet(n.hasIpv6);
    const allowed = { def: v4.union(v6.def.onlyFamily(6)), pos: v4p.union(v6.pos.onlyFamily(6)) };
    return {
      kind: 'public-ip', id: n.id, allowed,
      explain: (rep) => {
        const fam = rep?.family ?? 4;
        const t = fam === 4 ? n.hasPublicIp : n.hasIpv6;
        const rule = fam === 4 ? (n.publicIps.length > 0 ? n.publicIps.join(', ') : null) : null;
        const note = t === false ? (fam === 4 ? 'no public or Elastic IP address' : 'no IPv6 address') : t === 'unknown' ? 'whether it gets a public address is not known' : undefined;
        return { decision: t, rule, ...(note ? { note } : {}) };
      },
    };
  }

  // ── flows ────────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Levels for traffic from peers in `peers` (internet or other external addresses) to interface n. */
  inboundFromSet(n: IfaceC, proto: number, port: number, peer: Peer | null = null, internetOnly = false): Level[] {
    const a = this.naclOf(n);
    return [
      this.publicLevel(n),
      this.internetRouteLevel(n, false),
      this.naclLevel(n, false, proto, port, peer),
      this.sgLevel(n, 'ingress', proto, port, peer, undefined, internetOnly),
      this.replyLevel(a, n, true, proto, port, peer),
    ];
  }

  /** Levels for traffic from interface n to internet peers. */
  outboundToSet(n: IfaceC, proto: number, port: number, peer: Peer | null = null, internetOnly = false): Level[] {
    const a = this.naclOf(n);
    return [
      this.sgLevel(n, 'egress', proto, port, peer, undefined, internetOnly),
      this.naclLevel(n, true, proto, port, peer),
      this.internetRouteLevel(n, true),
      this.replyLevel(a, n, false, proto, port, peer),
    ];
  }

  /** Levels for traffic between two interfaces of the same VPC (point mode). */
  betweenInterfaces(src: IfaceC, srcPeer: Peer, dst: IfaceC, dstPeer: Peer, proto: number, port: number, route?: Level): Level[] {
    const levels: Level[] = [this.sgLevel(src, 'egress', proto, port, dstPeer, dst)];
    const sameSubnet = src.subnetId !== null && src.subnetId === dst.subnetId;
    // Network ACLs filter traffic entering and leaving a subnet; traffic inside one subnet does not cross them.
    if (!sameSubnet) levels.push(this.naclLevel(src, true, proto, port, dstPeer));
    levels.push(route ?? constLevel('route-table', src.vpcId ?? '(unknown VPC)', src.vpcId !== null && src.vpcId === dst.vpcId ? true : 'unknown', 'local'));
    if (!sameSubnet) levels.push(this.naclLevel(dst, false, proto, port, srcPeer));
    levels.push(this.sgLevel(dst, 'ingress', proto, port, srcPeer, src));
    if (!sameSubnet) {
      levels.push(this.replyLevel(this.naclOf(dst), dst, true, proto, port, srcPeer));
      levels.push(this.replyLevel(this.naclOf(src), src, false, proto, port, dstPeer));
    }
    return levels;
  }

  /** Protocol numbers named by any rule on this interface's path, for exposure analysis. */
  readonly #protoMemo = new Map<string, number[]>();

  protocolsFor(n: IfaceC, dir: Dir): number[] {
    const a0 = this.naclOf(n);
    const key = `${dir}|${a0 ? this.naclKey(a0) : '-'}|${n.sgIds.join(',')}`;
    const hit = this.#protoMemo.get(key);
    if (hit) return hit;
    const list = this.computeProtocols(n, dir);
    this.#protoMemo.set(key, list);
    return list;
  }

  private computeProtocols(n: IfaceC, dir: Dir): number[] {
    const out = new Set<number>([TCP, UDP, ICMP, ICMPV6]);
    for (const id of n.sgIds) for (const r of this.c.sgs.get(id)?.[dir] ?? []) addProtos(out, r.protos.pos);
    const a = this.naclOf(n);
    if (a) for (const e of dir === 'ingress' ? a.ingress.upper : a.egress.upper) addProtos(out, e.protos.pos);
    out.add(256);
    return [...out].sort((x, y) => x - y);
  }

  readonly #classes = new Map<IfaceC, string>();
  readonly #regionMemo = new Map<string, { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> }>();

  /**
   * What an interface's internet paths depend on besides its identity: its security groups, its subnet (network ACL,
   * route table), whether it has a public IPv4 address and IPv6, and which public addresses. Interfaces alike (an
   * auto-scaled fleet, instances launched from one template) share every region and explanation computed for one.
   */
  pathClass(n: IfaceC): string {
    let k = this.#classes.get(n);
    if (k === undefined) {
      k = JSON.stringify([n.sgUnknown, n.sgIds, n.subnetId, n.hasPublicIp, n.hasIpv6, n.publicIps]);
      this.#classes.set(n, k);
    }
    return k;
  }

  /** Which internet peers pass every level, per port, for one protocol (inbound) — exposure analysis. */
  inboundRegion(n: IfaceC, proto: number): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const key = `i|${proto}|${this.pathClass(n)}`;
    let hit = this.#regionMemo.get(key);
    if (!hit) {
      hit = this.computeInboundRegion(n, proto);
      this.#regionMemo.set(key, hit);
    }
    return hit;
  }

  /** Which internet destinations the interface can open connections to, per port, for one protocol. */
  egressRegion(n: IfaceC, proto: number): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const key = `e|${proto}|${this.pathClass(n)}`;
    let hit = this.#regionMemo.get(key);
    if (!hit) {
      hit = this.computeEgressRegion(n, proto);
      this.#regionMemo.set(key, hit);
    }
    return hit;
  }

  private computeInboundRegion(n: IfaceC, proto: number): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const rule = this.sgRegion(n, 'ingress', proto, true);
    // Nothing the groups admit from the internet: nothing to intersect further.
    if (isEmptyMap(rule.pos)) return { rule, path: rule };
    const a = this.naclOf(n);
    const t = this.routeTableOf(n);
    const naclIn = a ? this.naclRegion(a, false, proto) : { def: EMPTY_MAP, pos: ALL_MAP };
    const pub = this.publicLevel(n).allowed as B<IpSet>;
    const route = t ? this.igwSet(t) : { def: IpSet.EMPTY, pos: IpSet.ALL };
    const gateDef = pub.def.intersect(route.def);
    const gatePos = pub.pos.intersect(route.pos);
    // No public address or no route to an internet gateway: no path, whatever the ACL says.
    if (gatePos.isEmpty()) return { rule, path: { def: EMPTY_MAP, pos: EMPTY_MAP } };
    const replyAt = (certain: boolean) => (port: number): IpSet => {
      if (!a) return certain ? IpSet.EMPTY : IpSet.ALL;
      const r = this.replySet(a, true, proto, port);
      return certain ? r.def : r.pos;
    };
    const build = (certain: boolean): PortMap<IpSet> => {
      const s = certain ? rule.def : rule.pos;
      const na = certain ? naclIn.def : naclIn.pos;
      const gate = certain ? gateDef : gatePos;
      const reply = replyAt(certain);
      const m = PortMap.combine(s, na, (x, y) => x.intersect(y).intersect(gate), eqSet);
      if (proto !== ICMP && proto !== ICMPV6) {
        const r = reply(0);
        return m.map((v) => v.intersect(r), eqSet);
      }
      // ICMP requests that expect a reply (echo, timestamp …) need the reply type let back out; others need nothing.
      let replies: PortMap<IpSet> = ALL_MAP;
      for (const t of proto === ICMP ? [8, 13, 15, 17] : [128]) {
        replies = PortMap.combine(replies, PortMap.of([t, t], reply(t), IpSet.ALL), (x, y) => x.intersect(y), eqSet);
      }
      return PortMap.combine(m, replies, (x, y) => x.intersect(y), eqSet);
    };
    return { rule, path: { def: build(true), pos: build(false) } };
  }

  private computeEgressRegion(n: IfaceC, proto: number): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const rule = this.sgRegion(n, 'egress', proto, true);
    if (isEmptyMap(rule.pos)) return { rule, path: rule };
    const a = this.naclOf(n);
    const t = this.routeTableOf(n);
    const naclOut = a ? this.naclRegion(a, true, proto) : { def: EMPTY_MAP, pos: ALL_MAP };
    const route = t ? this.egressRouteSet(t, n) : { def: IpSet.EMPTY, pos: IpSet.ALL };
    const reply = a ? this.replySet(a, false, proto, proto === ICMP ? 8 : proto === ICMPV6 ? 128 : 0) : { def: IpSet.EMPTY, pos: IpSet.ALL };
    const build = (certain: boolean): PortMap<IpSet> => {
      const gate = (certain ? route.def : route.pos).intersect(certain ? reply.def : reply.pos);
      return PortMap.combine(certain ? rule.def : rule.pos, certain ? naclOut.def : naclOut.pos, (x, y) => x.intersect(y).intersect(gate), eqSet);
    };
    return { rule, path: { def: build(true), pos: build(false) } };
  }

  /** Security group rules of the interface that let `from` in on `[lo, hi]` — the "via" of an exposure row. */
  rulesAllowing(n: IfaceC, dir: Dir, proto: number, lo: number, hi: number, from: IpSet): { id: string; rule: string }[] {
    const out: { id: string; rule: string }[] = [];
    for (const id of n.sgIds) {
      for (const r of this.c.sgs.get(id)?.[dir] ?? []) {
        if (!has(r.protos.pos, proto) || !ports.overlaps(r.ports.pos, [lo, hi])) continue;
        if (r.peers.pos.overlaps(from)) out.push({ id, rule: r.label });
      }
    }
    return out;
  }

  isPrivateSet(s: IpSet): boolean {
    return NON_PUBLIC.covers(s);
  }
}

function isEmptyMap(m: PortMap<IpSet>): boolean {
  return m.values.every((v) => v.isEmpty());
}

function addProtos(out: Set<number>, ps: readonly number[]): void {
  for (let i = 0; i < ps.length; i += 2) {
    const lo = ps[i] as number;
    const hi = ps[i + 1] as number;
    if (hi - lo < 8) for (let p = lo; p <= hi; p++) out.add(p);
  }
}

function triSet(t: Tri): B<IpSet> {
  return t === true ? exact(IpSet.ALL) : t === false ? exact(IpSet.EMPTY) : { def: IpSet.EMPTY, pos: IpSet.ALL };
}

function peerAt(rep: Address | undefined): Peer {
  return rep ? { set: IpSet.fromAddress(rep), address: rep } : { set: IpSet.EMPTY };
}
