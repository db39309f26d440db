import type { Tri } from '../../../model/core/index.js';
import { exact, matchPeer, triAnd2, triOr2 } from '../compile-util.js';
import type { B, Peer } from '../compile-util.js';
import { decidePoint, decideRegion } from '../first-match.js';
import { constLevel } from '../path.js';
import type { Explanation, Level } from '../path.js';
import type { Address } from '../sets/address.js';
import { has } from '../sets/intervals.js';
import { IpSet } from '../sets/ip-set.js';
import { ICMP, ICMPV6, PortMap, PORT_MAX, protocolName, TCP, UDP } from '../sets/ports.js';
import { AZURE_PLATFORM, INTERNET, NON_PUBLIC } from '../sets/well-known.js';
import type { AddrSpec, AzureCompiled, IpConfigC, NsgC, NsgLink, NsgRuleC } from './compile.js';

const eqSet = (a: IpSet, b: IpSet): boolean => a.equals(b);
const EMPTY_MAP = PortMap.constant(IpSet.EMPTY);
const ALL_MAP = PortMap.constant(IpSet.ALL);
const ANY: B<IpSet> = exact(IpSet.ALL);

function tri(def: readonly number[], pos: readonly number[], x: number): Tri {
  return has(def, x) ? true : has(pos, x) ? 'unknown' : false;
}

/** Where an NSG applies: the subnet's or the NIC's. */
export type NsgPlace = 'subnet' | 'nic';

/**
 * Evaluation over a compiled Azure network. NSG regions depend on the local address (rules name destinations for
 * inbound, sources for outbound) and the virtual network (the `VirtualNetwork` tag), so they are memoised per NSG and
 * per class of local address: NICs the rules cannot tell apart share one computation.
 */
export class AzureNet {
  readonly #regionMemo = new Map<string, B<PortMap<IpSet>>>();
  readonly #cellMemo = new Map<string, [number, number][]>();
  readonly #sigMemo = new Map<IpConfigC, Map<string, { sig: string; localMatch: Map<NsgRuleC, Tri> }>>();

  /** Internet source/destination addresses: public space outside every network in the inputs. */
  internet: IpSet = INTERNET;

  constructor(readonly c: AzureCompiled) {}

  // ── addresses ────────────────────────────────────────────────────────────────────────────────────────────────────

  vnetSpace(vnet: string | null): B<IpSet> {
    const v = vnet === null ? undefined : this.c.vnets.get(vnet);
    if (!v) return { def: AZURE_PLATFORM, pos: NON_PUBLIC.union(AZURE_PLATFORM) };
    let def = v.space.def.union(AZURE_PLATFORM);
    let pos = v.space.pos.union(AZURE_PLATFORM);
    for (const p of v.peers) {
      const pv = this.c.vnets.get(p);
      def = def.union(pv ? pv.space.def : IpSet.EMPTY);
      pos = pos.union(pv ? pv.space.pos : NON_PUBLIC);
    }
    // Connected on-premises ranges and UDR prefixes also belong to the tag; they are not in the inputs.
    return { def, pos: pos.union(NON_PUBLIC) };
  }

  /** The addresses an address field names in a virtual network, ASGs resolved by membership. */
  resolve(r: NsgRuleC, which: 'src' | 'dst', vnet: string | null): B<IpSet> {
    return this.resolveSpec(which === 'src' ? r.src : r.dst, vnet, true);
  }

  readonly #specMemo = new Map<AddrSpec, Map<string | null, B<IpSet>>>();
  readonly #specMemoPlain = new Map<AddrSpec, Map<string | null, B<IpSet>>>();

  resolveSpec(s: AddrSpec, vnet: string | null, withAsgs: boolean): B<IpSet> {
    if (s.any) return ANY;
    const memo = withAsgs ? this.#specMemo : this.#specMemoPlain;
    const key = vnet;
    let m = memo.get(s);
    if (!m) {
      m = new Map();
      memo.set(s, m);
    }
    const hit = m.get(key);
    if (hit) return hit;
    const out = this.resolveSpecNow(s, vnet, withAsgs);
    m.set(key, out);
    return out;
  }

  private resolveSpecNow(s: AddrSpec, vnet: string | null, withAsgs: boolean): B<IpSet> {
    let def = s.cidrs.def;
    let pos = s.cidrs.pos;
    const space = this.vnetSpace(vnet);
    for (const t of s.tags) {
      if (t === 'internet') {
        def = def.union(INTERNET.subtract(space.pos));
        pos = pos.union(INTERNET.subtract(space.def));
      } else if (t === 'virtualnetwork') {
        def = def.union(space.def);
        pos = pos.union(space.pos);
      } else {
        def = def.union(AZURE_PLATFORM);
        pos = pos.union(AZURE_PLATFORM);
      }
    }
    if (s.otherTags.length > 0) pos = pos.union(INTERNET);
    if (withAsgs) {
      for (const a of s.asgs) {
        const m = this.c.asgMembers.get(a);
        def = def.union(m ? m.def : IpSet.EMPTY);
        pos = pos.union(m ? m.pos : IpSet.ALL);
      }
      if (s.unknownAsg) pos = IpSet.ALL;
    }
    return { def, pos };
  }

  private asgTri(s: AddrSpec, ic: IpConfigC): Tri {
    if (s.asgs.length === 0 && !s.unknownAsg) return false;
    if (s.asgs.some((a) => ic.asgs.includes(a))) return true;
    return ic.asgUnknown || s.unknownAsg ? 'unknown' : false;
  }

  /** Does the rule's address field match an endpoint: by address, and for a known NIC by ASG membership. */
  private matchSide(r: NsgRuleC, which: 'src' | 'dst', vnet: string | null, peer: Peer, ic: IpConfigC | undefined): Tri {
    const spec = which === 'src' ? r.src : r.dst;
    if (!ic) return matchPeer(this.resolve(r, which, vnet), peer);
    const addrOnly = this.resolveSpec(spec, vnet, false);
    return triOr2(matchPeer(addrOnly, peer), this.asgTri(spec, ic));
  }

  // ── NSG evaluation ───────────────────────────────────────────────────────────────────────────────────────────────

  nsgOf(link: NsgLink): NsgC | 'none' | 'unknown' {
    if (link === null) return 'none';
    if (link === 'unknown') return 'unknown';
    return this.c.nsgs.get(link) ?? 'unknown';
  }

  /** Source-port cells: ranges no rule of these NSGs tells apart (usually one, 0-65535). */
  cells(nsgs: readonly (NsgC | 'none' | 'unknown')[]): [number, number][] {
    const real = nsgs.filter((n): n is NsgC => typeof n === 'object');
    const key = real.map((n) => n.id).join('|');
    const hit = this.#cellMemo.get(key);
    if (hit) return hit;
    const cuts = new Set<number>([0]);
    for (const n of real) for (const r of n.rules) for (const set of [r.srcPorts.def, r.srcPorts.pos]) {
      for (let i = 0; i < set.length; i += 2) {
        cuts.add(set[i] as number);
        if ((set[i + 1] as number) < PORT_MAX) cuts.add((set[i + 1] as number) + 1);
      }
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const out = sorted.map((lo, i): [number, number] => [lo, i + 1 < sorted.length ? (sorted[i + 1] as number) - 1 : PORT_MAX]);
    this.#cellMemo.set(key, out);
    return out;
  }

  /**
   * Point decision of one NSG for a flow. `local` is the NIC side (destination inbound, source outbound); `peer` the
   * other side, with its ipconfig when it is a known NIC (so ASG rules match it by membership).
   */
  nsgExplain(n: NsgC, inbound: boolean, proto: number, port: number, srcPort: number,
    local: IpConfigC, peer: Peer, peerIc: IpConfigC | undefined): Explanation {
    const localMatch = this.localMatches(n, inbound, local).localMatch;
    const d = decidePoint(inbound ? n.inbound : n.outbound, (r) => {
      let t: Tri = r.inbound === 'unknown' ? 'unknown' : r.inbound === inbound;
      if (t === false) return false;
      t = triAnd2(t, tri(r.protos.def, r.protos.pos, proto));
      if (t === false) return false;
      t = triAnd2(t, triAnd2(tri(r.dstPorts.def, r.dstPorts.pos, port), tri(r.srcPorts.def, r.srcPorts.pos, srcPort)));
      if (t === false) return false;
      const peerSide = inbound ? 'src' : 'dst';
      t = triAnd2(t, localMatch.get(r) ?? 'unknown');
      if (t === false) return false;
      return triAnd2(t, this.matchSide(r, peerSide, peerIc?.vnetId ?? local.vnetId, peer, peerIc));
    }, 'deny');
    if (d.decision === true) return { decision: true, rule: d.lower?.label ?? null };
    if (d.decision === false) return { decision: false, rule: d.upper?.label ?? null };
    return { decision: 'unknown', rule: d.upper?.label ?? d.lower?.label ?? null, note: 'depends on values not known before deployment' };
  }

  /** Peers the NSG lets through, per destination port, for one protocol and source-port cell, at a local ipconfig. */
  nsgRegion(n: NsgC, inbound: boolean, proto: number, cellLo: number, local: IpConfigC, internetOnly = false): B<PortMap<IpSet>> {
    const seq = inbound ? n.inbound : n.outbound;
    const { sig, localMatch } = this.localMatches(n, inbound, local);
    // Restricted to internet peers, tags resolve the same in every virtual network (their spaces are never internet
    // addresses), so NICs of every network share the computation.
    const key = `${n.id}|${inbound ? 'in' : 'out'}|${proto}|${cellLo}|${internetOnly ? '*' : local.vnetId ?? ''}|${sig}`;
    const hit = this.#regionMemo.get(key);
    if (hit) return hit;
    const out = decideRegion(seq, this.ruleRegion(inbound, proto, cellLo, local, localMatch, internetOnly), 'deny');
    this.#regionMemo.set(key, out);
    return out;
  }

  /** What one rule matches at a local ipconfig, per destination port, as peer addresses (null: nothing). */
  private ruleRegion(inbound: boolean, proto: number, cellLo: number, local: IpConfigC, localMatch: ReadonlyMap<NsgRuleC, Tri>, internetOnly: boolean):
    (r: NsgRuleC, certain: boolean) => PortMap<IpSet> | null {
    const peerSide = inbound ? 'src' : 'dst';
    return (r, certain) => {
      if (certain ? r.inbound !== inbound : r.inbound === !inbound) return null;
      if (!has(certain ? r.protos.def : r.protos.pos, proto)) return null;
      if (!has(certain ? r.srcPorts.def : r.srcPorts.pos, cellLo)) return null;
      const lm = localMatch.get(r) as Tri;
      if (certain ? lm !== true : lm === false) return null;
      const peers = this.resolve(r, peerSide, local.vnetId);
      const raw = certain ? peers.def : peers.pos;
      const set = internetOnly ? raw.intersect(this.internet) : raw;
      // A rule that matches no peer here neither allows nor shadows anything.
      if (set.isEmpty()) return null;
      const ports = certain ? r.dstPorts.def : r.dstPorts.pos;
      return ports.length === 0 ? null : PortMap.of(ports, set, IpSet.EMPTY);
    };
  }

  /**
   * The traffic one rule decides as an allow at a local ipconfig: what it matches that no rule before it (in priority
   * order) may match. Certain where the rule certainly matches and no earlier rule possibly does; possible where it
   * may match and no earlier rule certainly does. Empty for a deny rule.
   */
  ruleCapture(n: NsgC, rule: NsgRuleC, inbound: boolean, proto: number, cellLo: number, local: IpConfigC, internetOnly: boolean): B<PortMap<IpSet>> {
    if (rule.action === 'deny') return { def: EMPTY_MAP, pos: EMPTY_MAP };
    const seq = inbound ? n.inbound : n.outbound;
    const { localMatch } = this.localMatches(n, inbound, local);
    const region = this.ruleRegion(inbound, proto, cellLo, local, localMatch, internetOnly);
    // Earlier rules only take traffic away from the rule, whatever their action: run them as denies before it (a rule
    // whose access is unknown then certainly allows nothing and may allow what it matches).
    type Wrapped = { readonly order: number | null; readonly action: 'allow' | 'deny' | 'unknown'; readonly label: string; readonly r: NsgRuleC };
    const upTo = (list: readonly NsgRuleC[]): Wrapped[] => {
      const i = list.indexOf(rule);
      return i < 0 ? [] : list.slice(0, i + 1).map((r, k) => ({ order: r.order, action: k < i ? 'deny' : rule.action, label: r.label, r }));
    };
    return decideRegion({ lower: upTo(seq.lower), upper: upTo(seq.upper) }, (w, certain) => region(w.r, certain), 'deny');
  }

  /**
   * Whether each rule's local side (destination inbound, source outbound) matches the ipconfig, and a signature of
   * those answers: ipconfigs with the same signature are alike for this NSG.
   */
  private localMatches(n: NsgC, inbound: boolean, local: IpConfigC): { sig: string; localMatch: Map<NsgRuleC, Tri> } {
    let perIc = this.#sigMemo.get(local);
    if (!perIc) {
      perIc = new Map();
      this.#sigMemo.set(local, perIc);
    }
    const key = inbound ? `i${n.id}` : `o${n.id}`;
    const hit = perIc.get(key);
    if (hit) return hit;
    const localSide = inbound ? 'dst' : 'src';
    const localPeer: Peer = { set: local.addr.pos, ...(local.primary && local.addr.def.equals(local.addr.pos) ? { address: local.primary } : {}) };
    let sig = '';
    const localMatch = new Map<NsgRuleC, Tri>();
    for (const r of n.rules) {
      const t = this.matchSide(r, localSide, local.vnetId, localPeer, local);
      localMatch.set(r, t);
      sig += t === true ? '1' : t === false ? '0' : '?';
    }
    const out = { sig, localMatch };
    perIc.set(key, out);
    return out;
  }

  /** One NSG place on a path as a level. With `peer` null, the level works on peer sets (internet clients). */
  nsgLevel(place: NsgPlace, ic: IpConfigC, inbound: boolean, proto: number, port: number, cellLo: number, peer: Peer | null, peerIc?: IpConfigC, internetOnly = false): Level {
    const sub = ic.subnetId === null ? undefined : this.c.subnets.get(ic.subnetId);
    const link: NsgLink = place === 'nic' ? ic.nic.nsg : sub ? sub.nsg : 'unknown';
    const where = place === 'nic' ? `NIC ${ic.nic.name}` : `subnet ${this.c.subnets.get(ic.subnetId ?? '')?.display ?? ic.subnetId ?? '(unknown)'}`;
    const n = this.nsgOf(link);
    if (n === 'none') return constLevel('nsg', `${where} (no NSG)`, true, null, 'no network security group here: all traffic passes');
    if (n === 'unknown') return constLevel('nsg', `${where} (NSG not in the inputs)`, 'unknown', null, 'the network security group is not known');
    const region = peer ? undefined : this.nsgRegion(n, inbound, proto, cellLo, ic, internetOnly);
    const explainAt = (p: Peer) => this.nsgExplain(n, inbound, proto, port, cellLo, ic, p, peerIc);
    return {
      kind: 'nsg', id: n.display,
      ...(region ? { allowed: { def: region.def.at(port), pos: region.pos.at(port) } } : {}),
      explain: (rep) => explainAt(peer ?? (rep ? { set: IpSet.fromAddress(rep), address: rep } : { set: IpSet.EMPTY })),
    };
  }

  subnetNsg(ic: IpConfigC): NsgC | 'none' | 'unknown' {
    const s = ic.subnetId === null ? undefined : this.c.subnets.get(ic.subnetId);
    return s ? this.nsgOf(s.nsg) : 'unknown';
  }

  /**
   * Inbound from the internet needs a public IP on the ipconfig; a Standard SKU address is closed to inbound traffic
   * unless an NSG allows it, so with no NSG at either place it stays closed, while a Basic one is open.
   */
  readonly #publicMemo = new Map<IpConfigC, Level>();

  publicLevel(ic: IpConfigC): Level {
    let l = this.#publicMemo.get(ic);
    if (!l) {
      l = this.makePublicLevel(ic);
      this.#publicMemo.set(ic, l);
    }
    return l;
  }

  private makePublicLevel(ic: IpConfigC): Level {
    const where = `${ic.nic.name}/${ic.name}`;
    if (ic.publicIp === null) return withFamily(constLevel('public-ip', where, false, null, 'no public IP address on the ipconfig'), 0);
    if (ic.publicIp === 'unknown') return withFamily(constLevel('public-ip', where, 'unknown', null, 'whether it has a public IP address is not known'), 0);
    const pip = this.c.publicIps.get(ic.publicIp);
    const sku = pip?.sku ?? 'unknown';
    const places = [this.subnetNsg(ic), this.nsgOf(ic.nic.nsg)];
    const anyNsg: Tri = places.some((p) => typeof p === 'object') ? true : places.some((p) => p === 'unknown') ? 'unknown' : false;
    const rule = pip?.address ?? null;
    const id = pip?.display ?? ic.publicIp;
    let level: Level;
    if (anyNsg === true || sku === 'basic') level = constLevel('public-ip', id, true, rule, sku === 'standard' ? 'Standard SKU: open only where an NSG allows' : undefined);
    else if (anyNsg === false && sku === 'standard') {
      level = constLevel('public-ip', id, false, rule, 'Standard SKU public IP with no NSG on the subnet or NIC: closed to inbound traffic');
    } else level = constLevel('public-ip', id, 'unknown', rule, sku === 'unknown' ? 'the public IP\'s SKU is not known' : 'whether an NSG applies is not known');
    return withFamily(level, pip?.family ?? 0);
  }

  /** Outbound to the internet needs an outbound path: a public IP, a NAT gateway, or the subnet's default outbound access. */
  outboundLevel(ic: IpConfigC): Level {
    const s = ic.subnetId === null ? undefined : this.c.subnets.get(ic.subnetId);
    if (ic.publicIp !== null && ic.publicIp !== 'unknown') {
      const pip = this.c.publicIps.get(ic.publicIp);
      return constLevel('public-ip', pip?.display ?? ic.publicIp, true, pip?.address ?? null);
    }
    const t: Tri = s ? s.outbound : 'unknown';
    return constLevel('subnet', s?.display ?? ic.subnetId ?? '(unknown subnet)', ic.publicIp === 'unknown' && t !== true ? 'unknown' : t, null,
      t === false ? 'private subnet without a NAT gateway or public IP: no outbound internet access' : 'outbound through the subnet\'s NAT gateway or default outbound access');
  }

  /**
   * Levels from internet (or other external) peers to the ipconfig. With `peer` given they decide that one peer
   * (point mode, for explanations); otherwise they work on peer sets.
   */
  inboundFromSet(ic: IpConfigC, proto: number, port: number, cellLo: number, internetOnly: boolean, peer: Peer | null = null): Level[] {
    return [
      this.publicLevel(ic),
      this.nsgLevel('subnet', ic, true, proto, port, cellLo, peer, undefined, internetOnly),
      this.nsgLevel('nic', ic, true, proto, port, cellLo, peer, undefined, internetOnly),
    ];
  }

  outboundToSet(ic: IpConfigC, proto: number, port: number, cellLo: number, internetOnly: boolean, peer: Peer | null = null): Level[] {
    return [
      this.nsgLevel('nic', ic, false, proto, port, cellLo, peer, undefined, internetOnly),
      this.nsgLevel('subnet', ic, false, proto, port, cellLo, peer, undefined, internetOnly),
      this.outboundLevel(ic),
    ];
  }

  /** NIC to NIC inside one virtual network (or peered ones): NIC then subnet NSG outbound, subnet then NIC NSG inbound. */
  between(src: IpConfigC, srcPeer: Peer, dst: IpConfigC, dstPeer: Peer, proto: number, port: number, cellLo: number): Level[] {
    return [
      this.nsgLevel('nic', src, false, proto, port, cellLo, dstPeer, dst),
      this.nsgLevel('subnet', src, false, proto, port, cellLo, dstPeer, dst),
      this.nsgLevel('subnet', dst, true, proto, port, cellLo, srcPeer, src),
      this.nsgLevel('nic', dst, true, proto, port, cellLo, srcPeer, src),
    ];
  }

  pathNsgs(ic: IpConfigC): (NsgC | 'none' | 'unknown')[] {
    return [this.subnetNsg(ic), this.nsgOf(ic.nic.nsg)];
  }

  privatelyConnected(a: IpConfigC, b: IpConfigC): Tri {
    if (a.vnetId === null || b.vnetId === null) return 'unknown';
    if (a.vnetId === b.vnetId) return true;
    const va = this.c.vnets.get(a.vnetId);
    return va ? va.peers.includes(b.vnetId) : 'unknown';
  }

  readonly #protoMemo = new Map<string, number[]>();

  protocolsFor(ic: IpConfigC): number[] {
    const nsgs = this.pathNsgs(ic).filter((n): n is NsgC => typeof n === 'object');
    const key = nsgs.map((n) => n.id).join('|');
    const hit = this.#protoMemo.get(key);
    if (hit) return hit;
    const out = new Set<number>([TCP, UDP, ICMP, 256]);
    for (const n of nsgs) for (const r of n.rules) {
      const ps = r.protos.pos;
      for (let i = 0; i < ps.length; i += 2) if ((ps[i + 1] as number) - (ps[i] as number) < 8) for (let p = ps[i] as number; p <= (ps[i + 1] as number); p++) out.add(p);
    }
    out.delete(ICMPV6);
    const list = [...out].sort((x, y) => x - y);
    this.#protoMemo.set(key, list);
    return list;
  }

  /**
   * Which internet peers reach the ipconfig per port for one protocol: `path` through every level, `rule` what some
   * NSG on its own lets in (for "a rule is open but no path exists").
   */
  inboundRegion(ic: IpConfigC, proto: number, withRule = true): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const places = this.pathNsgs(ic);
    const gateSet = this.publicLevel(ic).allowed as B<IpSet>;
    // No public IP: no path; the rule map is only worth computing when "blocked" rows are wanted.
    if (gateSet.pos.isEmpty() && !withRule) return { rule: { def: EMPTY_MAP, pos: EMPTY_MAP }, path: { def: EMPTY_MAP, pos: EMPTY_MAP } };
    let ruleDef = EMPTY_MAP;
    let rulePos = EMPTY_MAP;
    let pathDef = EMPTY_MAP;
    let pathPos = EMPTY_MAP;
    const anyReal = places.some((p) => typeof p === 'object');
    for (const [cellLo] of this.cells(places)) {
      let cDef = PortMap.constant(this.internet);
      let cPos = PortMap.constant(this.internet);
      for (const p of places) {
        let m: B<PortMap<IpSet>>;
        if (p === 'none') m = { def: ALL_MAP, pos: ALL_MAP };
        else if (p === 'unknown') m = { def: EMPTY_MAP, pos: ALL_MAP };
        else {
          m = this.nsgRegion(p, true, proto, cellLo, ic, true);
          ruleDef = PortMap.combine(ruleDef, m.def, (a, b) => a.union(b.intersect(this.internet)), eqSet);
          rulePos = PortMap.combine(rulePos, m.pos, (a, b) => a.union(b.intersect(this.internet)), eqSet);
        }
        if (m.def !== ALL_MAP) cDef = PortMap.combine(cDef, m.def, (a, b) => a.intersect(b), eqSet);
        if (m.pos !== ALL_MAP) cPos = PortMap.combine(cPos, m.pos, (a, b) => a.intersect(b), eqSet);
      }
      pathDef = PortMap.combine(pathDef, cDef, (a, b) => a.union(b), eqSet);
      pathPos = PortMap.combine(pathPos, cPos, (a, b) => a.union(b), eqSet);
    }
    // With no NSG at either place nothing is "open by a rule": what gets through is the SKU's doing, not a rule's.
    if (!anyReal) {
      ruleDef = EMPTY_MAP;
      rulePos = EMPTY_MAP;
    }
    const gated = (m: PortMap<IpSet>, g: IpSet) => m.map((v) => v.intersect(g), eqSet);
    return { rule: { def: ruleDef, pos: rulePos }, path: { def: gated(pathDef, gateSet.def), pos: gated(pathPos, gateSet.pos) } };
  }

  /** Internet destinations the ipconfig can open connections to, per port, for one protocol. */
  egressRegion(ic: IpConfigC, proto: number): { rule: B<PortMap<IpSet>>; path: B<PortMap<IpSet>> } {
    const places = [this.nsgOf(ic.nic.nsg), this.subnetNsg(ic)];
    const gate = this.outboundLevel(ic).explain(undefined).decision;
    let pathDef = EMPTY_MAP;
    let pathPos = EMPTY_MAP;
    for (const [cellLo] of this.cells(places)) {
      let cDef = PortMap.constant(this.internet);
      let cPos = PortMap.constant(this.internet);
      for (const p of places) {
        const m: B<PortMap<IpSet>> = p === 'none' ? { def: ALL_MAP, pos: ALL_MAP } : p === 'unknown' ? { def: EMPTY_MAP, pos: ALL_MAP } : this.nsgRegion(p, false, proto, cellLo, ic, true);
        cDef = PortMap.combine(cDef, m.def, (a, b) => a.intersect(b), eqSet);
        cPos = PortMap.combine(cPos, m.pos, (a, b) => a.intersect(b), eqSet);
      }
      pathDef = PortMap.combine(pathDef, cDef, (a, b) => a.union(b), eqSet);
      pathPos = PortMap.combine(pathPos, cPos, (a, b) => a.union(b), eqSet);
    }
    const rule = { def: pathDef, pos: pathPos };
    const gated = (m: PortMap<IpSet>, certain: boolean) => (gate === true || (gate === 'unknown' && !certain) ? m : EMPTY_MAP);
    return { rule, path: { def: gated(pathDef, true), pos: gated(pathPos, false) } };
  }

  describeProto(p: number): string {
    return protocolName(p);
  }

  addressOf(ic: IpConfigC): Address | undefined {
    return ic.primary;
  }
}

/** An IPv4 public address receives IPv4 clients only, an IPv6 one IPv6 clients: the level as a set of client addresses. */
function withFamily(level: Level, fam: 0 | 4 | 6): Level {
  const d = level.explain(undefined).decision;
  const famSet = fam === 4 ? IpSet.ALL_V4 : fam === 6 ? IpSet.ALL_V6 : IpSet.ALL;
  const allowed = d === true ? { def: famSet, pos: famSet } : d === false ? { def: IpSet.EMPTY, pos: IpSet.EMPTY } : { def: IpSet.EMPTY, pos: famSet };
  return {
    ...level, allowed,
    explain: (rep) => {
      const e = level.explain(undefined);
      if (rep && fam !== 0 && rep.family !== fam) return { ...e, decision: false, note: `an IPv${fam} address receives IPv${fam} clients only` };
      return e;
    },
  };
}
