import type { Tri } from '../../model/core/index.js';
import { RuleReacher } from './analysis/rule-reach.js';
import { directionMismatches, groupSuggestions, nsgAttachments, redundantSgRules, shadowedNsgRules } from './analysis/rules.js';
import { compileAws } from './aws/compile.js';
import type { AwsCompiled, IfaceC } from './aws/compile.js';
import { AwsNet } from './aws/evaluate.js';
import { compileAzure } from './azure/compile.js';
import type { AzureCompiled, IpConfigC, NicC } from './azure/compile.js';
import { AzureNet } from './azure/evaluate.js';
import { Diagnostics, fold } from './compile-util.js';
import type { B, Peer } from './compile-util.js';
import { constLevel, describeSet, evaluatePoint, evaluateSet, familiesOf, partText } from './path.js';
import type { Evaluated, Level } from './path.js';
import { formatAddress, parseCidr } from './sets/address.js';
import type { Address } from './sets/address.js';
import { IpSet } from './sets/ip-set.js';
import { ICMP, ICMPV6, PortMap, ports, protocolName, TCP, UDP } from './sets/ports.js';
import { AZURE_PLATFORM, INTERNET } from './sets/well-known.js';
import type {
  DirectionMismatch, Endpoint, ExposureRow, GroupSuggestion, NetworkDiagnostic, RedundantRule, ShadowedRule, NetworkInput, PathStep, QueryProtocol, ReachQuery, ReachResult, RuleReach, RuleRef, TrafficFocus, Verdict,
} from './types.js';

/** One concrete end of a flow. */
type Node =
  | { readonly kind: 'aws'; readonly n: IfaceC; readonly addr?: Address; readonly viaPublic: boolean }
  | { readonly kind: 'azure'; readonly ic: IpConfigC; readonly addr?: Address; readonly viaPublic: boolean }
  | { readonly kind: 'set'; readonly set: IpSet; readonly label: string };

export interface EndpointError {
  readonly code: 'bad-endpoint' | 'unknown-endpoint' | 'unsupported-query';
  readonly message: string;
}

const RANK: Record<Verdict, number> = { reachable: 2, unknown: 1, blocked: 0 };

interface Outcome extends Evaluated {
  readonly reasons: string[];
}

/**
 * The network reachability engine: compile once from a `NetworkInput`, then ask `reach` and `exposure` as often as
 * needed. Never throws for bad input: unreadable parts become diagnostics and the answers that depend on them are
 * `unknown`.
 */
export class NetworkEngine {
  readonly diagnostics: readonly NetworkDiagnostic[];
  readonly internet: IpSet;
  readonly aws: AwsNet;
  readonly azure: AzureNet;
  readonly #handles = new Map<string, Node[]>();
  readonly #addresses = new Map<string, Node[]>();

  private constructor(aws: AwsCompiled, azure: AzureCompiled, diags: Diagnostics) {
    this.aws = new AwsNet(aws);
    this.azure = new AzureNet(azure);
    this.diagnostics = diags.list;
    // Addresses of the networks in the inputs are never internet sources, even when they are public (IPv6 blocks,
    // VPCs on public ranges): traffic from them stays inside. Azure's Internet tag is defined the same way.
    let own = IpSet.EMPTY;
    for (const v of aws.vpcs.values()) own = own.union(v.cidrs.def);
    for (const v of azure.vnets.values()) own = own.union(v.space.def);
    // Azure's platform address (health probes, DNS) is public but never an internet client.
    this.internet = INTERNET.subtract(own).subtract(AZURE_PLATFORM);
    this.aws.internet = this.internet;
    this.azure.internet = this.internet;
    for (const n of aws.ifaces) {
      const node: Node = { kind: 'aws', n, viaPublic: false };
      for (const h of [n.id, ...n.aliases]) this.index(this.#handles, h, node);
      for (const a of ipsOf(n.addrs.def)) this.index(this.#addresses, a, node);
      for (const p of n.publicIps) this.index(this.#addresses, p, { kind: 'aws', n, viaPublic: true });
    }
    for (const nic of azure.nics) {
      for (const ic of nic.ipConfigs) {
        const node: Node = { kind: 'azure', ic, viaPublic: false };
        for (const h of [nic.id, nic.name, ...nic.aliases]) this.index(this.#handles, h, node);
        if (ic.primary) this.index(this.#addresses, formatAddress(ic.primary), node);
        const pip = typeof ic.publicIp === 'string' && ic.publicIp !== 'unknown' ? azure.publicIps.get(ic.publicIp) : undefined;
        if (pip?.address) this.index(this.#addresses, pip.address, { kind: 'azure', ic, viaPublic: true });
      }
    }
  }

  static compile(input: NetworkInput): NetworkEngine {
    const diags = new Diagnostics();
    const aws = compileAws(input.aws ?? {}, diags);
    const azure = compileAzure(input.azure ?? {}, diags);
    return new NetworkEngine(aws, azure, diags);
  }

  private index(m: Map<string, Node[]>, key: string, node: Node): void {
    const k = fold(key);
    const list = m.get(k);
    if (list) list.push(node);
    else m.set(k, [node]);
  }

  // ── endpoints ────────────────────────────────────────────────────────────────────────────────────────────────────

  resolve(e: Endpoint): Node[] | EndpointError {
    if (e === 'internet') return [{ kind: 'set', set: this.internet, label: 'internet' }];
    if ('handle' in e) {
      const nodes = this.#handles.get(fold(e.handle));
      if (nodes) return nodes;
      return this.resolve({ address: e.handle }) as Node[] | EndpointError;
    }
    const r = parseCidr(e.address);
    if (!r.ok) return { code: 'bad-endpoint', message: `\`${e.address}\` is not \`internet\`, an IP address, a CIDR or a known resource: ${r.reason}` };
    const single = r.value.bare || r.value.prefix === (r.value.family === 4 ? 32 : 128);
    const set = IpSet.fromCidr(r.value);
    if (!single) return [{ kind: 'set', set, label: e.address }];
    const addr = set.first() as Address;
    const known = this.#addresses.get(formatAddress(addr));
    if (known) return known.map((n) => (n.kind === 'set' ? n : { ...n, addr }));
    const host = this.unknownHost(addr);
    return host ? [host] : [{ kind: 'set', set, label: e.address }];
  }

  /** An address inside a known subnet that no known interface holds: a host whose own filters are unknown. */
  private unknownHost(addr: Address): Node | undefined {
    for (const s of this.aws.c.subnets.values()) {
      if (!s.cidrs.def.has(addr)) continue;
      const n: IfaceC = {
        id: formatAddress(addr), aliases: [], subnetId: s.id, vpcId: s.vpcId, addrs: { def: IpSet.fromAddress(addr), pos: IpSet.fromAddress(addr) },
        ...(addr.family === 4 ? { primary4: addr } : { primary6: addr }),
        sgIds: [], sgUnknown: true, hasPublicIp: 'unknown', publicIps: [], hasIpv6: addr.family === 6, pseudo: true,
      };
      return { kind: 'aws', n, addr, viaPublic: false };
    }
    for (const s of this.azure.c.subnets.values()) {
      if (!s.prefixes.def.has(addr)) continue;
      const nic: NicC = { id: formatAddress(addr), display: formatAddress(addr), name: formatAddress(addr), aliases: [], nsg: 'unknown', ipConfigs: [] };
      const ic: IpConfigC = {
        nic, name: 'ipconfig', subnetId: s.id, vnetId: s.vnetId, addr: { def: IpSet.fromAddress(addr), pos: IpSet.fromAddress(addr) },
        primary: addr, publicIp: 'unknown', asgs: [], asgUnknown: true,
      };
      nic.ipConfigs = [ic];
      return { kind: 'azure', ic, addr, viaPublic: false };
    }
    return undefined;
  }

  // ── reach ────────────────────────────────────────────────────────────────────────────────────────────────────────

  reach(q: ReachQuery): ReachResult | EndpointError {
    if (!Number.isInteger(q.port) || q.port < 0 || q.port > 65535) return { code: 'bad-endpoint', message: `port ${q.port} is not within 0-65535` };
    const from = this.resolve(q.from);
    if ('code' in from) return from;
    const to = this.resolve(q.to);
    if ('code' in to) return to;
    const protos = protoList(q.protocol);
    let best: { o: Outcome; proto: number } | undefined;
    for (const proto of protos) {
      for (const s of from) for (const d of to) {
        const o = this.flow(s, d, proto, q.port);
        if ('code' in o) return o;
        if (!best || RANK[o.verdict] > RANK[best.o.verdict]) best = { o, proto };
      }
    }
    const b = best as { o: Outcome; proto: number };
    const reasons = [...b.o.reasons];
    if (q.protocol === 'any') reasons.unshift(`evaluated for tcp and udp; the answer is for ${protocolName(b.proto)}`);
    return {
      verdict: b.o.verdict, from: endpointText(q.from), to: endpointText(q.to), protocol: q.protocol, port: q.port,
      path: b.o.path, blockedBy: b.o.blockedBy, reasons,
    };
  }

  private flow(s: Node, d: Node, proto: number, port: number): Outcome | EndpointError {
    if (s.kind === 'set' && d.kind === 'set') {
      return { code: 'unsupported-query', message: 'one side of the query must be a resource or an address that belongs to one' };
    }
    if (s.kind === 'set') return this.fromSet(s, d as Exclude<Node, { kind: 'set' }>, proto, port);
    if (d.kind === 'set') return this.toSet(s, d, proto, port);
    if (d.viaPublic) return this.viaInternet(s, d, proto, port);
    if (s.kind === 'aws' && d.kind === 'aws') {
      const fam = d.addr?.family ?? (d.n.primary4 && (s.n.primary4 || !s.n.primary6) ? 4 : d.n.primary6 ? 6 : 4);
      const same = s.n.vpcId !== null && s.n.vpcId === d.n.vpcId;
      const sp = awsPeer(s.n, fam, s.addr);
      const dp = awsPeer(d.n, fam, d.addr);
      if (same) return this.finish(evaluatePoint(this.aws.betweenInterfaces(s.n, sp, d.n, dp, proto, port), undefined), s, d);
      const peered = this.awsPrivateRoute(s.n, d.n, sp, dp);
      if (peered) return this.finish(evaluatePoint(this.aws.betweenInterfaces(s.n, sp, d.n, dp, proto, port, peered), undefined), s, d);
      return this.viaInternet(s, d, proto, port);
    }
    if (s.kind === 'azure' && d.kind === 'azure') {
      const conn = this.azure.privatelyConnected(s.ic, d.ic);
      if (conn === true) {
        const sp = azPeer(s.ic, s.addr);
        const dp = azPeer(d.ic, d.addr);
        const cells = this.azure.cells([...this.azure.pathNsgs(s.ic), ...this.azure.pathNsgs(d.ic)]);
        let best: Evaluated | undefined;
        for (const [lo] of cells) {
          const e = evaluatePoint(this.azure.between(s.ic, sp, d.ic, dp, proto, port, lo), undefined);
          if (!best || RANK[e.verdict] > RANK[best.verdict]) best = e;
          if (best.verdict === 'reachable') break;
        }
        return this.finish(best as Evaluated, s, d);
      }
      return this.viaInternet(s, d, proto, port, conn === 'unknown' ? 'whether the virtual networks are peered is not known' : undefined);
    }
    return this.viaInternet(s, d, proto, port);
  }

  /**
   * Between VPCs, traffic stays private when both route tables send the other side's address to a peering connection
   * (or a transit gateway, whose own routing is not modelled: unknown). Returns the route level, or undefined when
   * the traffic would have to cross the internet.
   */
  private awsPrivateRoute(a: IfaceC, b: IfaceC, ap: Peer, bp: Peer): Level | undefined {
    const ta = this.aws.routeTableOf(a);
    const tb = this.aws.routeTableOf(b);
    if (!ta || !tb || !ap.address || !bp.address) return undefined;
    const there = this.aws.lookup(ta, bp.address).route;
    const back = this.aws.lookup(tb, ap.address).route;
    const kinds = new Set([there?.target, back?.target]);
    if (there?.target === 'peering' && back?.target === 'peering') {
      return constLevel('route-table', ta.id, true, `${there.destText} → ${there.targetLabel ?? there.targetId ?? 'peering'}`, `and back through ${tb.id}`);
    }
    if (kinds.has('transitGateway') && (there?.target === 'transitGateway' || there?.target === 'peering') && (back?.target === 'transitGateway' || back?.target === 'peering')) {
      return constLevel('route-table', ta.id, 'unknown', `${there.destText} → ${there.targetId ?? 'transit gateway'}`, 'transit gateway routing is not modelled');
    }
    return undefined;
  }

  /** Peers in a set (the internet, a CIDR, an external address) to an interface. */
  private fromSet(s: Extract<Node, { kind: 'set' }>, d: Exclude<Node, { kind: 'set' }>, proto: number, port: number): Outcome {
    const pub = s.set.intersect(this.internet);
    const priv = s.set.subtract(this.internet);
    const outcomes: Outcome[] = [];
    if (!pub.isEmpty()) {
      const lead: Level[] = d.addr && !d.viaPublic
        ? [constLevel('address', formatAddress(d.addr), false, null, 'a private address is not reachable from the internet; use the public address')]
        : [];
      outcomes.push(this.bestOverCells(d, (lo) => [...lead, ...this.inboundLevels(d, proto, port, lo, true)], pub, s.label, true));
    }
    if (!priv.isEmpty()) {
      const unknownSrc = constLevel('address', s.label, 'unknown', null, 'the sources are not interfaces in the inputs; their own filters and routes are unknown');
      outcomes.push(this.bestOverCells(d, (lo) => [unknownSrc, ...this.inboundLevels(d, proto, port, lo, false).filter((l) => l.kind !== 'public-ip' && l.kind !== 'route-table')], priv, s.label, true));
    }
    return pickBest(outcomes);
  }

  private toSet(s: Exclude<Node, { kind: 'set' }>, d: Extract<Node, { kind: 'set' }>, proto: number, port: number): Outcome {
    const pub = d.set.intersect(this.internet);
    const priv = d.set.subtract(this.internet);
    const outcomes: Outcome[] = [];
    if (!pub.isEmpty()) outcomes.push(this.bestOverCells(s, (lo) => this.outboundLevels(s, proto, port, lo, true), pub, d.label, false));
    if (!priv.isEmpty()) {
      const unknownDst = constLevel('address', d.label, 'unknown', null, 'the destinations are not interfaces in the inputs; their own filters and routes are unknown');
      outcomes.push(this.bestOverCells(s, (lo) => [...this.outboundLevels(s, proto, port, lo, false).filter((l) => l.kind !== 'route-table' && l.kind !== 'public-ip' && l.kind !== 'subnet'), unknownDst], priv, d.label, false));
    }
    return pickBest(outcomes);
  }

  private inboundLevels(d: Exclude<Node, { kind: 'set' }>, proto: number, port: number, cellLo: number, internetOnly: boolean, peer: Peer | null = null): Level[] {
    return d.kind === 'aws' ? this.aws.inboundFromSet(d.n, proto, port, peer, internetOnly) : this.azure.inboundFromSet(d.ic, proto, port, cellLo, internetOnly, peer);
  }

  private outboundLevels(s: Exclude<Node, { kind: 'set' }>, proto: number, port: number, cellLo: number, internetOnly: boolean, peer: Peer | null = null): Level[] {
    return s.kind === 'aws' ? this.aws.outboundToSet(s.n, proto, port, peer, internetOnly) : this.azure.outboundToSet(s.ic, proto, port, cellLo, internetOnly, peer);
  }

  private bestOverCells(n: Exclude<Node, { kind: 'set' }>, levels: (cellLo: number) => Level[], peers: IpSet, label: string, inbound: boolean): Outcome {
    const cells = n.kind === 'azure' ? this.azure.cells(this.azure.pathNsgs(n.ic)) : [[0, 65535] as [number, number]];
    let best: Evaluated | undefined;
    for (const [lo] of cells) {
      const e = evaluateSet(levels(lo), peers, this.internet);
      if (!best || RANK[e.verdict] > RANK[best.verdict]) best = e;
      if (best.verdict === 'reachable') break;
    }
    const e = best as Evaluated;
    const setStep: PathStep = { kind: label === 'internet' ? 'internet' : 'address', id: label, rule: null, decision: 'allow' };
    const nodeStep: PathStep = { kind: 'interface', id: nodeId(n), rule: null, decision: 'allow' };
    const path = inbound ? [setStep, ...e.path, nodeStep] : [nodeStep, ...e.path, setStep];
    const reasons = reasonsFor(e);
    if (e.verdict !== 'blocked' && !e.through.def.isEmpty() && !e.through.def.covers(peers.intersect(familiesOf(e.through.def)))) {
      reasons.push(`${inbound ? 'sources' : 'destinations'}: ${partText(e.through.def, peers, this.internet)}`);
    }
    return { ...e, path, reasons };
  }

  /**
   * Two ends that are not privately connected (different VPCs or clouds, or a public address named): the source must
   * reach the destination's public address over the internet, and the destination must let the source's public
   * address in.
   */
  private viaInternet(s: Exclude<Node, { kind: 'set' }>, d: Exclude<Node, { kind: 'set' }>, proto: number, port: number, extra?: string): Outcome {
    const dstPub = publicSet(this, d);
    const srcPub = publicSet(this, s);
    if (dstPub.none) {
      // Nothing to send to: the destination has no public address, whatever the filters say.
      const e = evaluatePoint([constLevel('public-ip', nodeId(d), false, null, 'no public address, and no private path from the source')], undefined);
      const reasons = ['the two ends are not on one private network in the inputs, and the destination has no public address'];
      if (extra) reasons.push(extra);
      return { ...this.finish(e, s, d), reasons };
    }
    const out = this.toSet(s, { kind: 'set', set: dstPub.set, label: dstPub.label }, proto, port);
    const inn = this.fromSet({ kind: 'set', set: srcPub.set, label: srcPub.label }, d, proto, port);
    let verdict: Verdict = RANK[out.verdict] < RANK[inn.verdict] ? out.verdict : inn.verdict;
    const reasons = ['the two ends are not on one private network in the inputs: traffic goes over the internet between public addresses'];
    if (extra) reasons.push(extra);
    if (verdict === 'reachable' && (!dstPub.exact || !srcPub.exact)) {
      verdict = 'unknown';
      reasons.push('the public addresses involved are not known, so which rules apply cannot be settled');
    }
    reasons.push(...out.reasons, ...inn.reasons);
    return {
      verdict, path: [...out.path, ...inn.path], blockedBy: [...out.blockedBy, ...inn.blockedBy],
      through: inn.through, reasons,
    };
  }

  private finish(e: Evaluated, s: Node, d: Node): Outcome {
    const a: PathStep = { kind: 'interface', id: nodeId(s), rule: null, decision: 'allow' };
    const b: PathStep = { kind: 'interface', id: nodeId(d), rule: null, decision: 'allow' };
    return { ...e, path: [a, ...e.path, b], reasons: reasonsFor(e) };
  }

  // ── exposure ─────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Every interface reachable from the internet, per protocol and port range, with what lets the traffic in. */
  exposure(): ExposureRow[] {
    return this.inboundAnalysis(false);
  }

  /**
   * Exposure plus the "blocked" rows: where a security group or NSG rule lets internet traffic in but no path exists
   * (no public address, no internet gateway route, an ACL or the other NSG denies). Checks rank findings with it.
   */
  inboundAnalysis(withBlocked = true): ExposureRow[] {
    const rows: ExposureRow[] = [];
    for (const n of this.aws.c.ifaces) {
      rows.push(...this.awsRows(n, true, withBlocked));
    }
    for (const nic of this.azure.c.nics) for (const ic of nic.ipConfigs) {
      for (const proto of this.azure.protocolsFor(ic)) {
        const { rule, path } = this.azure.inboundRegion(ic, proto, withBlocked);
        for (const d of this.rowsFor({ kind: 'azure', ic, viaPublic: true }, proto, rule, path, true, withBlocked)) rows.push(d.row);
      }
    }
    return collapseAll(rows);
  }

  /** Internet destinations each interface can open connections to (and what a rule alone would allow). */
  egressAnalysis(): ExposureRow[] {
    const rows: ExposureRow[] = [];
    for (const n of this.aws.c.ifaces) {
      rows.push(...this.awsRows(n, false, true));
    }
    for (const nic of this.azure.c.nics) for (const ic of nic.ipConfigs) {
      for (const proto of this.azure.protocolsFor(ic)) {
        const { rule, path } = this.azure.egressRegion(ic, proto);
        for (const d of this.rowsFor({ kind: 'azure', ic, viaPublic: true }, proto, rule, path, false)) rows.push(d.row);
      }
    }
    return collapseAll(rows);
  }

  readonly #awsRowMemo = new Map<string, { rep: IfaceC; drafts: Draft[] }>();

  /**
   * An AWS interface's rows in one direction, every protocol. Interfaces of one path class (same groups, subnet and
   * public addressing) get the same rows but for the interface itself: they are computed (and collapsed, see
   * `collapseAll`) once, for the first of them, and restamped for the others.
   */
  private awsRows(n: IfaceC, inbound: boolean, withBlocked: boolean): ExposureRow[] {
    const key = `${inbound ? 'i' : 'e'}${withBlocked ? 'b' : ''}|${this.aws.pathClass(n)}`;
    let hit = this.#awsRowMemo.get(key);
    if (!hit) {
      const drafts: Draft[] = [];
      for (const proto of this.aws.protocolsFor(n, inbound ? 'ingress' : 'egress')) {
        const { rule, path } = inbound ? this.aws.inboundRegion(n, proto) : this.aws.egressRegion(n, proto);
        drafts.push(...this.rowsFor({ kind: 'aws', n, viaPublic: true }, proto, rule, path, inbound, withBlocked));
      }
      const kept = new Set(collapseAll(drafts.map((d) => d.row)));
      hit = { rep: n, drafts: drafts.filter((d) => kept.has(d.row)) };
      this.#awsRowMemo.set(key, hit);
    }
    const rep = hit.rep;
    return hit.drafts.map((d) => (rep === n ? d.row : restamp(d, rep.id, n)));
  }

  private rowsFor(node: Exclude<Node, { kind: 'set' }>, proto: number, rule: B<PortMap<IpSet>>, path: B<PortMap<IpSet>>, inbound: boolean, withBlocked = true): Draft[] {
    const eq = (a: IpSet, b: IpSet) => a.equals(b);
    // Most interface × protocol pairs admit nothing from the internet: skip the map work for them.
    if (allEmpty(path.pos) && (!withBlocked || allEmpty(rule.def))) return [];
    const reach = path.def;
    const maybe = PortMap.combine(path.pos, path.def, (a, b) => a.subtract(b), eq);
    // A rule open to IPv6 clients on an interface with only an IPv4 public address (or the reverse) is not worth a
    // "blocked" row; an interface with no public address at all keeps both families, since either could be added.
    const gate = inbound ? (node.kind === 'aws' ? this.aws.publicLevel(node.n) : this.azure.publicLevel(node.ic)).allowed : undefined;
    const fams = gate && !gate.pos.isEmpty() ? familiesOf(gate.pos) : IpSet.ALL;
    const blocked = withBlocked ? PortMap.combine(rule.def, path.pos, (a, b) => a.subtract(b).intersect(fams), eq) : PortMap.constant(IpSet.EMPTY);
    const out: Draft[] = [];
    const portsOf = (lo: number, hi: number): number[] => (proto === ICMP || proto === ICMPV6 ? (lo > 255 ? [] : [lo, Math.min(hi, 255)]) : [lo, hi]);
    for (const [verdict, m] of [['reachable', reach], ['unknown', maybe], ['blocked', blocked]] as const) {
      const groups: { from: IpSet; ranges: number[] }[] = [];
      for (const [lo, hi, v] of m.pieces((x) => !x.isEmpty())) {
        const pr = portsOf(lo, hi);
        if (pr.length === 0) continue;
        const g = groups.find((x) => x.from.equals(v));
        if (g) g.ranges = [...ports.union(g.ranges, pr)];
        else groups.push({ from: v, ranges: pr });
      }
      for (const g of groups) out.push(this.row(node, proto, g.ranges, g.from, verdict, inbound));
    }
    return out;
  }

  private row(node: Exclude<Node, { kind: 'set' }>, proto: number, ranges: number[], from: IpSet, verdict: Verdict, inbound: boolean): Draft {
    // Explain each port range (a few at most): different ranges may be let through by different rules.
    const via: RuleRef[] = [];
    const viaByPorts: { ports: string; via: RuleRef[] }[] = [];
    let blockedBy: RuleRef[] = [];
    const reasons: string[] = [];
    let first: Evaluated | undefined;
    for (let i = 0; i < ranges.length && i < 16; i += 2) {
      const lo = ranges[i] as number;
      const hi = ranges[i + 1] as number;
      const one = this.explainRange(node, proto, lo, hi, from, verdict, inbound);
      via.push(...one.via);
      viaByPorts.push({ ports: lo === hi ? String(lo) : `${lo}-${hi}`, via: dedupe(one.via) });
      if (i === 0) {
        blockedBy = one.blockedBy;
        reasons.push(...one.reasons);
        first = one.e;
      }
    }
    const withPorts = proto === TCP || proto === UDP || proto === ICMP || proto === ICMPV6;
    const addresses = node.kind === 'aws' ? node.n.publicIps : publicAddressOf(this, node.ic);
    const d = describeSet(from, this.internet);
    const row: ExposureRow = {
      interface: nodeId(node), resource: nodeDisplay(node), provider: node.kind, addresses,
      protocol: protocolName(proto), ports: withPorts ? ports.format(ranges) : [], from: d.from, ...(d.except.length > 0 ? { except: d.except } : {}),
      via: dedupe(via), ...(viaByPorts.length > 1 ? { viaByPorts } : {}), verdict, blockedBy: dedupe(blockedBy), reasons,
    };
    return { row, first: first as Evaluated };
  }

  private explainRange(node: Exclude<Node, { kind: 'set' }>, proto: number, lo: number, hi: number, from: IpSet, verdict: Verdict, inbound: boolean):
    { via: RuleRef[]; blockedBy: RuleRef[]; reasons: string[]; e: Evaluated } {
    // Explained at one representative client and port, in point mode: no region computation needed.
    const rep = from.first();
    const peer: Peer = rep ? { set: IpSet.fromAddress(rep), address: rep } : { set: from };
    const via: RuleRef[] = [];
    if (node.kind === 'aws') {
      const dir = inbound ? 'ingress' : 'egress';
      for (const r of this.aws.rulesAllowing(node.n, dir, proto, lo, hi, from)) via.push({ kind: 'security-group', id: r.id, rule: r.rule });
    }
    const cells = node.kind === 'azure' ? this.azure.cells(this.azure.pathNsgs(node.ic)) : [[0, 65535] as [number, number]];
    let best: Evaluated | undefined;
    for (const [cellLo] of cells) {
      const levels = inbound ? this.inboundLevels(node, proto, lo, cellLo, true, peer) : this.outboundLevels(node, proto, lo, cellLo, true, peer);
      const e = evaluatePoint(levels, rep);
      if (!best || RANK[e.verdict] > RANK[best.verdict]) best = e;
      if (best.verdict === 'reachable') break;
    }
    const e = best as Evaluated;
    for (const st of e.path) {
      if (st.decision === 'deny' || st.rule === null) continue;
      if (node.kind === 'aws' && st.kind === 'security-group') continue;
      via.push({ kind: st.kind, id: st.id, rule: st.rule });
    }
    return { via, blockedBy: verdict === 'blocked' ? e.blockedBy : [], reasons: verdict === 'reachable' ? [] : reasonsFor(e), e };
  }

  // ── rule analyses ────────────────────────────────────────────────────────────────────────────────────────────────

  #ruleReacher: RuleReacher | undefined;

  /**
   * What one security group rule (`{kind: 'security-group', id, rule: 'ingress[0]'}`) or NSG rule (`{kind: 'nsg', id,
   * rule: name}`) lets through from the internet (or to it, for egress and outbound rules), restricted to `focus`, on
   * each interface it applies to: reachable, unknown, or blocked with what blocks it.
   */
  ruleReach(rule: RuleRef, focus: readonly TrafficFocus[]): RuleReach {
    this.#ruleReacher ??= new RuleReacher(this.aws, this.azure, this.internet);
    return this.#ruleReacher.reach(rule, focus);
  }

  /**
   * How a list in a rule answer (`maybeInterfaces`) was made when it is one shared list with a few positions left out
   * (every candidate but those the group or NSG certainly applies to): whoever names thousands of such lists can
   * start from what it computed for the shared list. Undefined for any other list.
   */
  listParts(list: readonly string[]): { readonly base: readonly string[]; readonly except: readonly number[] } | undefined {
    return this.#ruleReacher?.lists.parts(list);
  }

  // The rule analyses read only the compiled input: each is computed once, on first use.
  #shadowed: ShadowedRule[] | undefined;
  #redundant: RedundantRule[] | undefined;
  #mismatches: DirectionMismatch[] | undefined;
  #suggestions: GroupSuggestion[] | undefined;
  #attachments: ReturnType<typeof nsgAttachments> | undefined;

  private attachments(): ReturnType<typeof nsgAttachments> {
    this.#attachments ??= nsgAttachments(this.azure.c);
    return this.#attachments;
  }

  shadowedNsgRules(): readonly ShadowedRule[] {
    this.#shadowed ??= shadowedNsgRules(this.azure, this.attachments());
    return this.#shadowed;
  }

  redundantSgRules(): readonly RedundantRule[] {
    this.#redundant ??= redundantSgRules(this.aws.c);
    return this.#redundant;
  }

  directionMismatches(): readonly DirectionMismatch[] {
    this.#mismatches ??= directionMismatches(this.azure, this.attachments());
    return this.#mismatches;
  }

  groupSuggestions(): readonly GroupSuggestion[] {
    this.#suggestions ??= groupSuggestions(this.aws.c, this.azure);
    return this.#suggestions;
  }

  /** For checks and queries that start from a compiled interface. */
  nodesOf(handle: string): readonly { kind: 'aws' | 'azure'; id: string }[] {
    return (this.#handles.get(fold(handle)) ?? []).map((n) => ({ kind: n.kind === 'azure' ? 'azure' : 'aws', id: nodeId(n) }));
  }
}

/** An exposure row with the evaluation of its first port range, from which its reasons come. */
interface Draft {
  readonly row: ExposureRow;
  readonly first: Evaluated;
}

/**
 * A row computed for interface `repId`, as it reads for `n`, an interface of the same path class: the levels on its
 * path are the same but for the public address level, which names the interface.
 */
function restamp(d: Draft, repId: string, n: IfaceC): ExposureRow {
  const sub = (r: RuleRef): RuleRef => (r.kind === 'public-ip' && r.id === repId ? { kind: r.kind, id: n.id, rule: r.rule } : r);
  const { row, first } = d;
  return {
    ...row, interface: n.id, resource: n.aliases[0] ?? n.id,
    via: row.via.map(sub), ...(row.viaByPorts ? { viaByPorts: row.viaByPorts.map((v) => ({ ports: v.ports, via: v.via.map(sub) })) } : {}),
    blockedBy: row.blockedBy.map(sub),
    reasons: row.verdict === 'reachable' ? row.reasons
      : reasonsFor({ ...first, path: first.path.map((s) => (s.kind === 'public-ip' && s.id === repId ? { ...s, id: n.id } : s)) }),
  };
}

function allEmpty(m: PortMap<IpSet>): boolean {
  return m.values.every((v) => v.isEmpty());
}

function protoList(p: QueryProtocol): number[] {
  switch (p) {
    case 'tcp': return [TCP];
    case 'udp': return [UDP];
    case 'icmp': return [ICMP];
    case 'icmpv6': return [ICMPV6];
    case 'any': return [TCP, UDP];
  }
}

function endpointText(e: Endpoint): string {
  return e === 'internet' ? 'internet' : 'handle' in e ? e.handle : e.address;
}

function ipsOf(s: IpSet): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.v4.length && out.length < 64; i += 2) {
    for (let v = s.v4[i] as number; v <= (s.v4[i + 1] as number) && out.length < 64; v++) out.push(formatAddress({ family: 4, value: v }));
  }
  for (let i = 0; i < s.v6.length && out.length < 64; i += 2) {
    if (s.v6[i] === s.v6[i + 1]) out.push(formatAddress({ family: 6, value: s.v6[i] as bigint }));
  }
  return out;
}

function awsPeer(n: IfaceC, fam: 4 | 6, addr?: Address): Peer {
  const a = addr ?? (fam === 4 ? n.primary4 : n.primary6);
  if (a && n.addrs.def.equals(n.addrs.pos)) return { set: IpSet.fromAddress(a), address: a };
  if (a && !addr) return { set: n.addrs.pos.onlyFamily(fam), address: a };
  return { set: n.addrs.pos.onlyFamily(fam) };
}

function azPeer(ic: IpConfigC, addr?: Address): Peer {
  const a = addr ?? ic.primary;
  return a ? { set: IpSet.fromAddress(a), address: a } : { set: ic.addr.pos };
}

function nodeId(n: Node): string {
  if (n.kind === 'set') return n.label;
  if (n.kind === 'aws') return n.n.id;
  return n.ic.nic.ipConfigs.length > 1 ? `${n.ic.nic.display}#${n.ic.name}` : n.ic.nic.display;
}

function nodeDisplay(n: Exclude<Node, { kind: 'set' }>): string {
  if (n.kind === 'aws') return n.n.aliases[0] ?? n.n.id;
  return n.ic.nic.aliases[0] ?? n.ic.nic.name;
}

function publicAddressOf(e: NetworkEngine, ic: IpConfigC): string[] {
  if (typeof ic.publicIp !== 'string' || ic.publicIp === 'unknown') return [];
  const a = e.azure.c.publicIps.get(ic.publicIp)?.address;
  return a ? [a] : [];
}

/** The public addresses of an end, exactly when known; otherwise the whole internet (some unknown public address). */
function publicSet(e: NetworkEngine, n: Exclude<Node, { kind: 'set' }>): { set: IpSet; label: string; exact: boolean; none: boolean } {
  let known: readonly string[];
  let has: Tri;
  if (n.kind === 'aws') {
    known = n.n.publicIps;
    has = n.n.hasPublicIp;
    if (known.length === 0 && has !== true) {
      // Without its own public address, an instance reaches the internet through a NAT gateway's address.
      const nats = [...e.aws.c.nats.values()].filter((x) => x.publicIps.length > 0);
      if (nats.length > 0 && n.n.subnetId !== null) known = nats.flatMap((x) => x.publicIps);
    }
  } else {
    known = publicAddressOf(e, n.ic);
    has = n.ic.publicIp === null ? false : n.ic.publicIp === 'unknown' ? 'unknown' : true;
  }
  let set = IpSet.EMPTY;
  for (const k of known) {
    const r = parseCidr(k);
    if (r.ok) set = set.union(IpSet.fromCidr(r.value));
  }
  if (!set.isEmpty()) return { set, label: known.join(', '), exact: true, none: false };
  // `none`: certainly no public address of its own (it may still send from a NAT or default outbound address).
  return { set: e.internet, label: has === false ? 'its outbound public address' : 'its public address', exact: false, none: has === false };
}

function pickBest(outcomes: Outcome[]): Outcome {
  let best = outcomes[0] as Outcome;
  for (const o of outcomes) if (RANK[o.verdict] > RANK[best.verdict]) best = o;
  return best;
}

function reasonsFor(e: Evaluated): string[] {
  const out: string[] = [];
  for (const s of e.path) {
    if (s.decision === 'allow') continue;
    const what = `${s.kind} ${s.id}${s.rule ? ` (${s.rule})` : ''}`;
    out.push(s.decision === 'deny' ? `${what} blocks it${s.note ? `: ${s.note}` : ''}` : `${what} may block it${s.note ? `: ${s.note}` : ''}`);
  }
  if (out.length === 0 && e.verdict === 'reachable') out.push('every level on the path allows it');
  return out;
}

function dedupe(refs: RuleRef[]): RuleRef[] {
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const r of refs) {
    const k = `${r.kind}|${r.id}|${r.rule ?? ''}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ kind: r.kind, id: r.id, rule: r.rule });
    }
  }
  return out;
}

/**
 * A rule for every protocol opens TCP, UDP, ICMP and the rest alike; when the "all other protocols" row matches the
 * full-range TCP/UDP/ICMP rows, they are reported once as protocol `all`.
 */
function collapseAll(rows: ExposureRow[]): ExposureRow[] {
  const drop = new Set<ExposureRow>();
  const byIface = new Map<string, ExposureRow[]>();
  for (const r of rows) {
    const list = byIface.get(r.interface);
    if (list) list.push(r);
    else byIface.set(r.interface, [r]);
  }
  const full: Record<string, string> = { tcp: '0-65535', udp: '0-65535', icmp: '0-255', icmpv6: '0-255' };
  const fromKey = (r: ExposureRow) => `${r.verdict}|${r.from.join()}|${(r.except ?? []).join()}`;
  for (const list of byIface.values()) {
    for (const all of list.filter((r) => r.protocol === 'all')) {
      const twins = list.filter((r) => fromKey(r) === fromKey(all) && full[r.protocol] !== undefined && r.ports.length === 1 && r.ports[0] === full[r.protocol]);
      if (twins.filter((t) => t.protocol === 'tcp' || t.protocol === 'udp').length === 2) for (const t of twins) drop.add(t);
    }
  }
  return rows.filter((r) => !drop.has(r));
}
