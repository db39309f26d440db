import type { Tri } from '../../../model/core/index.js';
import type { IfaceC, SgC } from '../aws/compile.js';
import type { AwsNet } from '../aws/evaluate.js';
import type { IpConfigC, NsgC } from '../azure/compile.js';
import type { AzureNet } from '../azure/evaluate.js';
import { exact, fold } from '../compile-util.js';
import type { B, Peer } from '../compile-util.js';
import { describeSet, evaluatePoint } from '../path.js';
import type { Level } from '../path.js';
import type { Address } from '../sets/address.js';
import { has } from '../sets/intervals.js';
import { IpSet } from '../sets/ip-set.js';
import { ALL_PORTS, PortMap, ports, TCP, UDP } from '../sets/ports.js';
import type { PortSet } from '../sets/ports.js';
import type { PathStep, RuleReach, RuleReachRow, RuleRef, TrafficFocus, Verdict } from '../types.js';

/**
 * Rule by rule: does internet traffic that one security group rule or NSG rule lets through get along the rest of the
 * path to (or from) an interface the rule applies to? This is what ranks a rule-level finding: an open rule is a
 * high-severity mistake where its traffic really arrives, and a lesser one where something else stops it.
 *
 * AWS: security groups are allow-only and unioned, so the traffic a rule admits is simply what it matches; the rest of
 * the path is the interface's public address, the route to an internet gateway (or out, for egress), and the subnet's
 * network ACL both ways (https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html). Azure: NSG
 * rules are first-match by priority, so the traffic a rule decides is what it matches that no earlier rule of its NSG
 * may match; the rest of the path is the NSG at the other place (subnet or NIC) and the public IP
 * (https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works).
 */

const eqSet = (a: IpSet, b: IpSet): boolean => a.equals(b);
const EMPTY_MAP = PortMap.constant(IpSet.EMPTY);
const ALL_MAP = PortMap.constant(IpSet.ALL);
const RANK: Record<Verdict, number> = { reachable: 2, unknown: 1, blocked: 0 };

type Maps = B<PortMap<IpSet>>;

function focusPorts(f: TrafficFocus): PortSet {
  if (!f.ports) return ALL_PORTS;
  let acc: PortSet = [];
  for (const [lo, hi] of f.ports) acc = ports.union(acc, ports.range(Math.max(0, lo), Math.min(65535, hi)));
  return acc;
}

function nonEmpty(m: PortMap<IpSet>): boolean {
  return m.values.some((v) => !v.isEmpty());
}

function meet(a: PortMap<IpSet>, b: PortMap<IpSet>): PortMap<IpSet> {
  return PortMap.combine(a, b, (x, y) => x.intersect(y), eqSet);
}

function join(a: PortMap<IpSet>, b: PortMap<IpSet>): PortMap<IpSet> {
  return PortMap.combine(a, b, (x, y) => x.union(y), eqSet);
}

function restrict(m: Maps, f: PortSet): Maps {
  const only = PortMap.of(f, IpSet.ALL, IpSet.EMPTY);
  return { def: meet(m.def, only), pos: meet(m.pos, only) };
}

function triSet(t: Tri): B<IpSet> {
  return t === true ? exact(IpSet.ALL) : t === false ? exact(IpSet.EMPTY) : { def: IpSet.EMPTY, pos: IpSet.ALL };
}

/** The verdict on the rule's traffic and the part of it the verdict is about; null when the rule lets none of it in. */
function judge(mine: Maps, path: Maps): { verdict: Verdict; m: PortMap<IpSet> } | null {
  if (!nonEmpty(mine.pos)) return null;
  const def = meet(mine.def, path.def);
  if (nonEmpty(def)) return { verdict: 'reachable', m: def };
  const pos = meet(mine.pos, path.pos);
  if (nonEmpty(pos)) return { verdict: 'unknown', m: pos };
  return { verdict: 'blocked', m: nonEmpty(mine.def) ? mine.def : mine.pos };
}

interface Judged {
  readonly verdict: Verdict;
  readonly m: PortMap<IpSet>;
  /** What the rule lets in (possibly), for `admitted`. */
  readonly mine: PortMap<IpSet>;
  /** Point levels of one flow at this port and peer, for the explanation. */
  readonly levels: (port: number, peer: Peer) => Level[];
  /** Whether the rule certainly matches a flow (port, peer): the rule's own step in the path. */
  readonly ruleHas: (port: number, a: Address) => Tri;
}

export class RuleReacher {
  #awsMembers: Map<string, IfaceC[]> | undefined;
  /** Interfaces whose security groups are not all known; ipconfigs whose subnet or NIC NSG link is unknown. */
  #awsUnknownGroups: IfaceC[] | undefined;
  /** Per VPC: interfaces whose groups are unknown, and the positions among them of those naming each group. */
  readonly #awsMaybeByVpc = new Map<string, { ids: readonly string[]; named: ReadonlyMap<string, readonly number[]> }>();
  readonly #awsGroupIfaces = new Map<string, { members: readonly IfaceC[]; ids: readonly string[]; maybe: readonly string[] }>();
  #azureUnknownNsg: IpConfigC[] | undefined;
  #azureMaybeAll: readonly string[] | undefined;
  #azureUnknownAt: Map<IpConfigC, number> | undefined;
  readonly #azureNsgIfaces = new Map<string, { on: readonly IpConfigC[]; ids: readonly string[]; maybe: readonly string[] }>();
  #azureOn: Map<string, IpConfigC[]> | undefined;

  /** How the "may apply to" lists were made, for consumers that summarise many of them. */
  readonly lists = new SharedLists();

  constructor(private readonly aws: AwsNet, private readonly azure: AzureNet, private readonly internet: IpSet) {}

  reach(ref: RuleRef, focus: readonly TrafficFocus[]): RuleReach {
    if (ref.kind === 'security-group') return this.awsRule(ref, focus);
    if (ref.kind === 'nsg') return this.azureRule(ref, focus);
    return notFound(ref);
  }

  // ── AWS ──────────────────────────────────────────────────────────────────────────────────────────────────────────

  private awsMembers(): Map<string, IfaceC[]> {
    if (!this.#awsMembers) {
      const m = new Map<string, IfaceC[]>();
      for (const n of this.aws.c.ifaces) {
        for (const id of new Set(n.sgIds)) {
          const list = m.get(id);
          if (list) list.push(n);
          else m.set(id, [n]);
        }
      }
      this.#awsMembers = m;
    }
    return this.#awsMembers;
  }

  /** The rest of the path for one interface (memoised per path class by AwsNet: interfaces alike share it). */
  private awsPath(n: IfaceC, inbound: boolean, proto: number): Maps {
    return (inbound ? this.aws.inboundRegion(n, proto) : this.aws.egressRegion(n, proto)).path;
  }

  /**
   * The interfaces of a group, and those that may be in it (their group lists are unknown). A group belongs to one
   * VPC: an interface of another VPC cannot be in it, even when its groups are unknown. Answered once per group; the
   * "may be" list is one shared array for every group of a VPC that no such interface names.
   */
  private awsGroupIfaces(g: SgC): { members: readonly IfaceC[]; ids: readonly string[]; maybe: readonly string[] } {
    let hit = this.#awsGroupIfaces.get(g.id);
    if (hit) return hit;
    this.#awsUnknownGroups ??= this.aws.c.ifaces.filter((n) => n.sgUnknown);
    const unknown = this.#awsUnknownGroups;
    const inVpc = (n: IfaceC) => !(g.vpcId !== null && n.vpcId !== null && g.vpcId !== n.vpcId);
    const key = g.vpcId ?? '';
    let shared = this.#awsMaybeByVpc.get(key);
    if (!shared) {
      const ifaces = unknown.filter(inVpc);
      const named = new Map<string, number[]>();
      ifaces.forEach((n, i) => {
        for (const id of new Set(n.sgIds)) {
          const list = named.get(id);
          if (list) list.push(i);
          else named.set(id, [i]);
        }
      });
      shared = { ids: ifaces.map((n) => n.id), named };
      this.#awsMaybeByVpc.set(key, shared);
    }
    // Interfaces that name the group among groups otherwise unknown certainly are in it: left out of "may be".
    const maybe = this.lists.without(shared.ids, shared.named.get(g.id) ?? []);
    const members = this.awsMembers().get(g.id) ?? [];
    hit = { members, ids: members.map((n) => n.id), maybe };
    this.#awsGroupIfaces.set(g.id, hit);
    return hit;
  }

  private awsRule(ref: RuleRef, focus: readonly TrafficFocus[]): RuleReach {
    const g = this.aws.c.sgs.get(ref.id);
    const rule = g ? [...g.ingress, ...g.egress].find((r) => r.label === ref.rule) : undefined;
    if (!g || !rule) return notFound(ref);
    const inbound = rule.direction === 'ingress';
    const { members, ids, maybe } = this.awsGroupIfaces(g);
    // What the rule itself lets through, per focus: the same on every interface of the group.
    const mineOf = focus.map((f) => {
      const proto = f.protocol === 'tcp' ? TCP : UDP;
      const wanted = focusPorts(f);
      const side = (certain: boolean): PortMap<IpSet> => {
        if (!has(certain ? rule.protos.def : rule.protos.pos, proto)) return EMPTY_MAP;
        const peers = (certain ? rule.peers.def : rule.peers.pos).intersect(this.internet);
        return peers.isEmpty() ? EMPTY_MAP : PortMap.of(ports.intersect(certain ? rule.ports.def : rule.ports.pos, wanted), peers, IpSet.EMPTY);
      };
      return { proto, mine: { def: side(true), pos: side(false) } };
    });
    const rows: RuleReachRow[] = [];
    for (const n of members) {
      for (const [k, f] of focus.entries()) {
        const { proto, mine } = mineOf[k] as (typeof mineOf)[number];
        if (!nonEmpty(mine.pos)) continue;
        const j = judge(mine, this.awsPath(n, inbound, proto));
        if (!j) continue;
        rows.push(this.row('aws', n.id, n.aliases[0] ?? n.id, f.protocol, {
          ...j, mine: mine.pos,
          levels: (port, peer) => (inbound ? this.aws.inboundFromSet(n, proto, port, peer, true) : this.aws.outboundToSet(n, proto, port, peer, true)),
          ruleHas: (port, a) => (mine.def.at(port).has(a) ? true : mine.pos.at(port).has(a) ? 'unknown' : false),
        }, { kind: 'security-group', id: g.id, rule: rule.label }, (s) => s.kind === 'security-group'));
      }
    }
    return { rule: ref, direction: inbound ? 'inbound' : 'outbound', found: true, interfaces: ids, maybeInterfaces: maybe, unmatched: [], rows };
  }

  // ── Azure ────────────────────────────────────────────────────────────────────────────────────────────────────────

  /** NSG id → ipconfigs on whose path it lies (as the subnet's or the NIC's NSG). */
  private azureOn(): Map<string, IpConfigC[]> {
    if (!this.#azureOn) {
      const m = new Map<string, IpConfigC[]>();
      for (const nic of this.azure.c.nics) for (const ic of nic.ipConfigs) {
        const ids = new Set(this.azure.pathNsgs(ic).filter((p): p is NsgC => typeof p === 'object').map((p) => p.id));
        for (const id of ids) {
          const list = m.get(id);
          if (list) list.push(ic);
          else m.set(id, [ic]);
        }
      }
      this.#azureOn = m;
    }
    return this.#azureOn;
  }

  /** Whether the ipconfig's subnet or NIC NSG link is itself unknown: it could be any NSG. */
  private azureMaybe(ic: IpConfigC): boolean {
    const sub = ic.subnetId === null ? undefined : this.azure.c.subnets.get(ic.subnetId);
    return ic.nic.nsg === 'unknown' || !sub || sub.nsg === 'unknown';
  }

  /**
   * The ipconfigs an NSG applies to, and those it may apply to (their subnet's or NIC's NSG link is unknown), once per
   * NSG; the "may" list is one shared array for every NSG none of those ipconfigs certainly carries.
   */
  private azureNsgIfaces(n: NsgC): { on: readonly IpConfigC[]; ids: readonly string[]; maybe: readonly string[] } {
    let hit = this.#azureNsgIfaces.get(n.id);
    if (hit) return hit;
    this.#azureUnknownNsg ??= this.azure.c.nics.flatMap((nic) => nic.ipConfigs).filter((ic) => this.azureMaybe(ic));
    const unknown = this.#azureUnknownNsg;
    const on = this.azureOn().get(n.id) ?? [];
    if (!this.#azureMaybeAll) {
      this.#azureMaybeAll = unknown.map(icId);
      this.#azureUnknownAt = new Map(unknown.map((ic, i) => [ic, i]));
    }
    const at = this.#azureUnknownAt as Map<IpConfigC, number>;
    const except = [...new Set(on.flatMap((ic) => (at.has(ic) ? [at.get(ic) as number] : [])))].sort((a, b) => a - b);
    const maybe = this.lists.without(this.#azureMaybeAll, except);
    hit = { on, ids: on.map(icId), maybe };
    this.#azureNsgIfaces.set(n.id, hit);
    return hit;
  }

  private azureRule(ref: RuleRef, focus: readonly TrafficFocus[]): RuleReach {
    const n = this.azure.c.nsgs.get(fold(ref.id));
    const rule = n?.rules.find((r) => r.label === ref.rule);
    if (!n || !rule) return notFound(ref);
    const { on, ids, maybe } = this.azureNsgIfaces(n);
    const base = { rule: ref, found: true, interfaces: ids, maybeInterfaces: maybe };
    if (rule.inbound === 'unknown') return { ...base, direction: 'unknown', unmatched: [], rows: [] };
    const inbound = rule.inbound;
    const rows: RuleReachRow[] = [];
    const unmatched: string[] = [];
    for (const ic of on) {
      let matched = false;
      const places = this.azure.pathNsgs(ic);
      // The NSG at the other place; the same NSG at both places is crossed twice, and its whole region applies.
      const other = (places[0] === n ? places[1] : places[0]) ?? 'unknown';
      const gate: B<IpSet> = inbound ? (this.azure.publicLevel(ic).allowed ?? exact(IpSet.ALL)) : triSet(this.azure.outboundLevel(ic).explain(undefined).decision);
      for (const f of focus) {
        const proto = f.protocol === 'tcp' ? TCP : UDP;
        const wanted = focusPorts(f);
        let best: Judged | undefined;
        for (const [cellLo] of this.azure.cells(places)) {
          const mine = restrict(this.azure.ruleCapture(n, rule, inbound, proto, cellLo, ic, true), wanted);
          const o: Maps = other === 'none' ? { def: ALL_MAP, pos: ALL_MAP }
            : other === 'unknown' ? { def: EMPTY_MAP, pos: ALL_MAP } : this.azure.nsgRegion(other, inbound, proto, cellLo, ic, true);
          const path = { def: o.def.map((v) => v.intersect(gate.def), eqSet), pos: o.pos.map((v) => v.intersect(gate.pos), eqSet) };
          const j = judge(mine, path);
          if (!j) continue;
          matched = true;
          if (best && RANK[best.verdict] > RANK[j.verdict]) {
            best = { ...best, mine: join(best.mine, mine.pos) };
            continue;
          }
          const m = best && best.verdict === j.verdict ? join(best.m, j.m) : j.m;
          // Explained in the first source-port cell that gives the verdict.
          const levels = best && best.verdict === j.verdict ? best.levels
            : (port: number, peer: Peer) => (inbound ? this.azure.inboundFromSet(ic, proto, port, cellLo, true, peer) : this.azure.outboundToSet(ic, proto, port, cellLo, true, peer));
          const ruleHas = best && best.verdict === j.verdict ? best.ruleHas
            : (port: number, a: Address): Tri => (mine.def.at(port).has(a) ? true : mine.pos.at(port).has(a) ? 'unknown' : false);
          best = { verdict: j.verdict, m, mine: best ? join(best.mine, mine.pos) : mine.pos, levels, ruleHas };
        }
        if (best) rows.push(this.row('azure', icId(ic), ic.nic.aliases[0] ?? ic.nic.name, f.protocol, best, { kind: 'nsg', id: n.display, rule: rule.label }, (s) => s.kind === 'nsg' && fold(s.id) === n.id));
      }
      if (!matched) unmatched.push(icId(ic));
    }
    return { ...base, direction: inbound ? 'inbound' : 'outbound', unmatched, rows };
  }

  // ── rows ─────────────────────────────────────────────────────────────────────────────────────────────────────────

  private row(provider: 'aws' | 'azure', iface: string, resource: string, protocol: 'tcp' | 'udp', j: Judged, ruleRef: RuleRef, isRuleLevel: (s: PathStep) => boolean): RuleReachRow {
    let portSet: PortSet = [];
    let peers = IpSet.EMPTY;
    let rep: { port: number; a: Address } | undefined;
    for (const [lo, hi, v] of j.m.pieces((x) => !x.isEmpty())) {
      portSet = ports.union(portSet, [lo, hi]);
      peers = peers.union(v);
      rep ??= { port: lo, a: v.first() as Address };
    }
    const at = rep as { port: number; a: Address };
    const e = evaluatePoint(j.levels(at.port, { set: IpSet.fromAddress(at.a), address: at.a }), at.a);
    // The level holding the rule shows the rule itself: by construction it matches the representative flow.
    const own = j.ruleHas(at.port, at.a);
    const path: PathStep[] = e.path.map((s) => (isRuleLevel(s) ? { ...ruleRef, decision: own === true ? 'allow' : 'unknown' } : s));
    const blockedBy = path.filter((s) => s.decision === 'deny').map((s) => ({ kind: s.kind, id: s.id, rule: s.rule }));
    const reasons: string[] = [];
    for (const s of path) {
      if (s.decision === 'allow') continue;
      const what = `${s.kind} ${s.id}${s.rule ? ` (${s.rule})` : ''}`;
      reasons.push(`${what} ${s.decision === 'deny' ? 'blocks' : 'may block'} it${s.note ? `: ${s.note}` : ''}`);
    }
    let admitted: PortSet = [];
    for (const [lo, hi] of j.mine.pieces((x) => !x.isEmpty())) admitted = ports.union(admitted, [lo, hi]);
    const d = describeSet(peers, this.internet);
    return {
      interface: iface, resource, provider, protocol, verdict: j.verdict, ports: ports.format(portSet), admitted: ports.format(admitted), peers: d.from,
      ...(d.except.length > 0 ? { except: d.except } : {}), path, blockedBy, reasons,
    };
  }
}

/**
 * Lists made from one shared list by leaving a few positions out (a group's or NSG's "may apply to" interfaces: every
 * candidate but those it certainly applies to). The shared list is returned itself when nothing is left out; otherwise
 * the derived list remembers how it was made, so that whoever names thousands of such lists can start from what it
 * computed for the shared one instead of reading each list in full.
 */
export class SharedLists {
  readonly #parts = new WeakMap<readonly string[], { readonly base: readonly string[]; readonly except: readonly number[] }>();

  /** `base` without the positions `except` (ascending, distinct). */
  without(base: readonly string[], except: readonly number[]): readonly string[] {
    if (except.length === 0) return base;
    const out: string[] = [];
    let from = 0;
    for (const i of except) {
      for (let k = from; k < i; k++) out.push(base[k] as string);
      from = i + 1;
    }
    for (let k = from; k < base.length; k++) out.push(base[k] as string);
    this.#parts.set(out, { base, except });
    return out;
  }

  /** How a list was made: the shared list and the positions left out, in order; undefined for a list not made here. */
  parts(list: readonly string[]): { readonly base: readonly string[]; readonly except: readonly number[] } | undefined {
    return this.#parts.get(list);
  }
}

/** Same ids as exposure rows: the NIC, or `nic#ipconfig` for one ipconfig of a NIC with several. */
function icId(ic: IpConfigC): string {
  return ic.nic.ipConfigs.length > 1 ? `${ic.nic.display}#${ic.name}` : ic.nic.display;
}

function notFound(ref: RuleRef): RuleReach {
  return { rule: ref, direction: 'unknown', found: false, interfaces: [], maybeInterfaces: [], unmatched: [], rows: [] };
}
