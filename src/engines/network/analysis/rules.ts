import type { AwsCompiled, SgRuleC } from '../aws/compile.js';
import type { AzureCompiled, NsgRuleC } from '../azure/compile.js';
import type { AzureNet } from '../azure/evaluate.js';
import { parseCidr } from '../sets/address.js';
import { IpSet } from '../sets/ip-set.js';
import type { DirectionMismatch, GroupSuggestion, RedundantRule, ShadowedRule } from '../types.js';
import { AddrDim, boxEmpty, covered, NumDim, overlaps } from './box.js';
import type { Box, Dim } from './box.js';

// ── AWS: redundant security group rules ─────────────────────────────────────────────────────────────────────────────

function sgBox(r: SgRuleC, aws: AwsCompiled, certain: boolean): Box {
  const members = (t: string) => aws.membership.get(t) ?? { def: IpSet.EMPTY, pos: IpSet.ALL };
  const b = certain ? 'def' : 'pos';
  const unknownRef = r.unknownGroupRef && !certain ? IpSet.ALL : IpSet.EMPTY;
  return [new NumDim(r.protos[b]), new NumDim(r.ports[b]), new AddrDim(r.cidrs[b].union(unknownRef), r.groupRefs, members)];
}

/**
 * Security group rules are a union (AWS: "the rules are aggregated"), so a rule whose traffic other rules of the same
 * group already allow adds nothing. A rule found redundant no longer counts as a coverer, so the rules left still
 * allow exactly what the group allowed.
 *
 * Each rule's boxes are built once; the coverers a rule is tried against are only those whose protocols and ports can
 * overlap its own (a sweep over rules sorted by their lowest port), since a box that does not overlap removes nothing.
 */
export function redundantSgRules(aws: AwsCompiled): RedundantRule[] {
  const out: RedundantRule[] = [];
  for (const g of aws.sgs.values()) {
    for (const dir of ['ingress', 'egress'] as const) {
      const rules = g[dir];
      if (rules.length < 2) continue;
      const mine = rules.map((r) => sgBox(r, aws, false));
      const sweep = new Sweep(rules.map((r) => sgBox(r, aws, true)));
      const flagged = new Set<number>();
      const found: RedundantRule[] = [];
      // From the last rule back, so that of two identical rules the earlier one stays and the later is reported.
      for (let i = rules.length - 1; i >= 0; i--) {
        const r = rules[i] as SgRuleC;
        const box = mine[i] as Box;
        // In rule order, as the pairwise comparison had them: the order bounds the pieces `covered` may build.
        const others = sweep.overlapping(box, (j) => j !== i && !flagged.has(j));
        if (!covered(box, others.map((j) => sweep.boxes[j] as Box))) continue;
        flagged.add(i);
        found.unshift({ group: g.id, rule: r.label, direction: dir, coveredBy: others.map((j) => (rules[j] as SgRuleC).label), ...(r.at ? { at: r.at } : {}) });
      }
      out.push(...found);
    }
  }
  return out;
}

/** The lowest and highest value of a flat set of numbers; empty sets bound nothing. */
function bounds(d: Dim): [number, number] | null {
  const v = (d as NumDim).v;
  return v.length === 0 ? null : [v[0] as number, v[v.length - 1] as number];
}

/**
 * Candidate coverers of a box: boxes whose numeric dimensions (protocols, ports) can overlap it, found by a sweep over
 * the boxes sorted by their lowest port, then confirmed exactly. Returned in input order.
 */
class Sweep {
  /** Indexes of non-empty boxes, sorted by the lower bound of the sweep dimension. */
  readonly #order: number[];
  readonly #lo: number[];
  readonly #bounds: ([number, number] | null)[][];

  /** `numeric`: how many leading dimensions are numbers; the sweep runs on the last of them. */
  constructor(readonly boxes: readonly Box[], private readonly numeric = 2) {
    this.#bounds = boxes.map((b) => b.slice(0, numeric).map(bounds));
    this.#order = boxes.map((_, i) => i).filter((i) => (this.#bounds[i] as ([number, number] | null)[]).every((x) => x !== null) && !boxEmpty(boxes[i] as Box));
    const key = (i: number) => ((this.#bounds[i] as [number, number][])[numeric - 1] as [number, number])[0];
    this.#order.sort((a, b) => key(a) - key(b) || a - b);
    this.#lo = this.#order.map(key);
  }

  overlapping(box: Box, keep: (i: number) => boolean): number[] {
    const mine = box.slice(0, this.numeric).map(bounds);
    if (mine.some((x) => x === null)) return [];
    const m = mine as [number, number][];
    const sweepHi = (m[this.numeric - 1] as [number, number])[1];
    // Boxes starting above this box's highest value cannot overlap it: binary search the end of the candidates.
    let lo = 0;
    let hi = this.#lo.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#lo[mid] as number) <= sweepHi) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = 0; k < lo; k++) {
      const j = this.#order[k] as number;
      if (!keep(j)) continue;
      const b = this.#bounds[j] as [number, number][];
      if (!m.every(([a0, a1], d) => (b[d] as [number, number])[0] <= a1 && a0 <= (b[d] as [number, number])[1])) continue;
      if (overlaps(box, this.boxes[j] as Box)) out.push(j);
    }
    return out.sort((a, b) => a - b);
  }
}

// ── Azure: shadowed NSG rules ───────────────────────────────────────────────────────────────────────────────────────

/** Virtual networks an NSG applies in (through subnets and NICs); empty when it is not attached in the inputs. */
export interface Attachment {
  vnets: Set<string | null>;
  /** Private addresses the NSG protects. */
  local: IpSet;
  /** Public IPs of the NICs it protects. */
  publicAddrs: IpSet;
  attached: boolean;
}

export function nsgAttachments(az: AzureCompiled): Map<string, Attachment> {
  const out = new Map<string, Attachment>();
  const get = (id: string) => {
    let v = out.get(id);
    if (!v) {
      v = { vnets: new Set(), local: IpSet.EMPTY, publicAddrs: IpSet.EMPTY, attached: false };
      out.set(id, v);
    }
    return v;
  };
  for (const s of az.subnets.values()) {
    if (typeof s.nsg !== 'string' || s.nsg === 'unknown') continue;
    const v = get(s.nsg);
    v.vnets.add(s.vnetId);
    v.local = v.local.union(s.prefixes.pos);
    v.attached = true;
  }
  for (const n of az.nics) {
    for (const c of n.ipConfigs) {
      const pip = typeof c.publicIp === 'string' && c.publicIp !== 'unknown' ? az.publicIps.get(c.publicIp)?.address : undefined;
      const pipSet = pip ? (parseCidr(pip).ok ? IpSet.parse(pip) : IpSet.EMPTY) : IpSet.EMPTY;
      const subnetNsg = c.subnetId === null ? undefined : az.subnets.get(c.subnetId)?.nsg;
      for (const id of [n.nsg, subnetNsg]) {
        if (typeof id !== 'string' || id === 'unknown') continue;
        const v = get(id);
        v.publicAddrs = v.publicAddrs.union(pipSet);
        if (id === n.nsg) {
          v.vnets.add(c.vnetId);
          v.local = v.local.union(c.addr.pos);
          v.attached = true;
        }
      }
    }
  }
  return out;
}

function nsgBox(r: NsgRuleC, net: AzureNet, vnet: string | null, certain: boolean): Box {
  const b = certain ? 'def' : 'pos';
  const members = (t: string) => net.c.asgMembers.get(t) ?? { def: IpSet.EMPTY, pos: IpSet.ALL };
  const addr = (which: 'src' | 'dst') => {
    const spec = which === 'src' ? r.src : r.dst;
    // Resolve everything but the ASGs, which stay tokens so that two rules naming the same ASG cover each other.
    const plain = net.resolveSpec(spec, vnet, false);
    const extra = spec.unknownAsg && !certain ? IpSet.ALL : IpSet.EMPTY;
    return new AddrDim(plain[b].union(extra), spec.asgs, members);
  };
  return [new NumDim(r.protos[b]), new NumDim(r.srcPorts[b]), new NumDim(r.dstPorts[b]), addr('src'), addr('dst')];
}

/**
 * "Once traffic matches a rule, processing stops … rules with lower priorities that have the same attributes as rules
 * with higher priorities aren't processed" (NSG overview). A custom rule is shadowed when, in every virtual network
 * the NSG applies in, the higher-priority rules of its direction cover all it could match.
 *
 * Boxes are built once per rule and virtual network; a rule is tried only against the higher-priority rules whose
 * protocols and ports can overlap its own (the same sweep as for security groups).
 */
export function shadowedNsgRules(net: AzureNet, attach: ReadonlyMap<string, Attachment> = nsgAttachments(net.c)): ShadowedRule[] {
  const out: ShadowedRule[] = [];
  for (const n of net.c.nsgs.values()) {
    const vnets = [...(attach.get(n.id)?.vnets ?? new Set<string | null>([null]))];
    if (vnets.length === 0) vnets.push(null);
    const custom = n.rules.filter((r) => !r.isDefault && r.order !== null);
    if (custom.length < 2) continue;
    const position = new Map(custom.map((r, k) => [r, k]));
    const per = vnets.map((v) => ({ mine: custom.map((r) => nsgBox(r, net, v, false)), sweep: new Sweep(custom.map((r) => nsgBox(r, net, v, true)), 3) }));
    for (const r of n.rules) {
      if (r.isDefault || r.order === null || r.inbound === 'unknown' || r.action === 'unknown') continue;
      const k = position.get(r) as number;
      const higher = (j: number) => {
        const h = custom[j] as NsgRuleC;
        return (h.order as number) < (r.order as number) && h.inbound === r.inbound;
      };
      if (!custom.some((_, j) => higher(j))) continue;
      let shadowed = true;
      const by = new Set<string>();
      let conflicting = false;
      for (const { mine, sweep } of per) {
        const box = mine[k] as Box;
        const cover = sweep.overlapping(box, higher);
        if (!covered(box, cover.map((j) => sweep.boxes[j] as Box))) {
          shadowed = false;
          break;
        }
        for (const j of cover) {
          const h = custom[j] as NsgRuleC;
          by.add(h.name);
          if (h.action !== r.action) conflicting = true;
        }
      }
      if (!shadowed) continue;
      out.push({
        nsg: n.display, rule: r.name, direction: r.inbound ? 'Inbound' : 'Outbound', priority: r.order, access: r.action === 'allow' ? 'Allow' : 'Deny',
        shadowedBy: [...by], conflicting, ...(r.at ? { at: r.at } : {}),
      });
    }
  }
  return out;
}

// ── Azure: direction contradicting name or addresses ────────────────────────────────────────────────────────────────

const OUT_WORDS = new Set(['outbound', 'egress', 'out', 'outgoing']);
const IN_WORDS = new Set(['inbound', 'ingress', 'in', 'incoming']);

/** Words of a rule name: split at non-alphanumerics and lower→upper case changes (`denyAllOutbound`). */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string;
    const c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (!upper && !lower && !digit) {
      if (cur) words.push(cur.toLowerCase());
      cur = '';
      continue;
    }
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    if (upper && prev >= 97 && prev <= 122 && cur) {
      words.push(cur.toLowerCase());
      cur = '';
    }
    cur += ch;
  }
  if (cur) words.push(cur.toLowerCase());
  return words;
}

/**
 * Two signs that a rule got the wrong direction (the field guide's `deny-all-outbound` and `allow-dns` were created
 * without `--direction`, which defaults to Inbound): the name says the other direction, or the rule names explicit
 * addresses on the NSG's own side that none of the subnets and NICs it protects hold, so it can never match.
 */
export function directionMismatches(net: AzureNet, attach: ReadonlyMap<string, Attachment> = nsgAttachments(net.c)): DirectionMismatch[] {
  const out: DirectionMismatch[] = [];
  for (const n of net.c.nsgs.values()) {
    const a = attach.get(n.id);
    for (const r of n.rules) {
      if (r.isDefault || r.inbound === 'unknown') continue;
      const dir = r.inbound ? 'Inbound' : 'Outbound';
      const other = r.inbound ? 'Outbound' : 'Inbound';
      const words = nameWords(r.name);
      const saysOut = words.some((w) => OUT_WORDS.has(w));
      const saysIn = words.some((w) => IN_WORDS.has(w));
      const base = { nsg: n.display, rule: r.name, direction: dir, intended: other, ...(r.at ? { at: r.at } : {}) } as const;
      if (saysOut !== saysIn && saysOut === r.inbound) {
        out.push({ ...base, reason: 'name', detail: `the name \`${r.name}\` says ${other.toLowerCase()} but the rule's direction is ${dir}` });
        continue;
      }
      if (!a?.attached) continue;
      // The NSG's own side: destination of inbound traffic, source of outbound traffic.
      const local = r.inbound ? r.dst : r.src;
      if (local.any || local.tags.length > 0 || local.otherTags.length > 0 || local.asgs.length > 0 || local.unknownAsg) continue;
      if (local.cidrs.pos.isEmpty() || !local.cidrs.def.equals(local.cidrs.pos)) continue;
      if (local.cidrs.def.overlaps(a.local)) continue;
      // A protected NIC's public IP is a different mistake (NSGs see the private address), not a direction one.
      if (a.publicAddrs.covers(local.cidrs.def)) continue;
      out.push({
        ...base, reason: 'addresses',
        detail: `its ${r.inbound ? 'destination' : 'source'} \`${local.texts.join(', ')}\` is no address of the subnets or NICs the NSG protects, so as an ${dir.toLowerCase()} rule it never matches`,
      });
    }
  }
  return out;
}

// ── CIDR rules where a group reference would do ─────────────────────────────────────────────────────────────────────

function hostAddresses(texts: readonly string[]): IpSet[] | undefined {
  const out: IpSet[] = [];
  for (const t of texts) {
    const r = parseCidr(t);
    if (!r.ok) return undefined;
    if (r.value.prefix !== (r.value.family === 4 ? 32 : 128)) return undefined;
    out.push(IpSet.fromCidr(r.value));
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The first holder (in input order) of each single address, for host-address lookups without a scan of every
 * interface per address. Holders whose addresses include a range (rare) are kept aside and checked in full.
 */
class HolderIndex<T> {
  readonly #single = new Map<string, number>();
  readonly #ranges: number[] = [];

  constructor(readonly items: readonly T[], addrs: (t: T) => IpSet | null) {
    items.forEach((t, i) => {
      const s = addrs(t);
      if (!s) return;
      let ranged = false;
      for (let k = 0; k < s.v4.length; k += 2) {
        if (s.v4[k] === s.v4[k + 1]) this.#first(`4:${s.v4[k] as number}`, i);
        else ranged = true;
      }
      for (let k = 0; k < s.v6.length; k += 2) {
        if (s.v6[k] === s.v6[k + 1]) this.#first(`6:${s.v6[k] as bigint}`, i);
        else ranged = true;
      }
      if (ranged) this.#ranges.push(i);
    });
  }

  #first(key: string, i: number): void {
    if (!this.#single.has(key)) this.#single.set(key, i);
  }

  /** The first item whose addresses hold `h` (one address), as a scan in input order would find it. */
  find(h: IpSet, covers: (t: T, h: IpSet) => boolean): T | undefined {
    const a = h.first();
    if (!a) return undefined;
    let best = this.#single.get(`${a.family}:${a.value}`) ?? Infinity;
    for (const i of this.#ranges) {
      if (i >= best) break;
      if (covers(this.items[i] as T, h)) {
        best = i;
        break;
      }
    }
    return best === Infinity ? undefined : this.items[best];
  }
}

/**
 * Rules that list individual addresses, each held by a known interface: a security group reference (AWS) or an ASG
 * (Azure) follows the interfaces as they change; the addresses do not.
 */
export function groupSuggestions(aws: AwsCompiled, net: AzureNet): GroupSuggestion[] {
  const out: GroupSuggestion[] = [];
  // Interfaces that may hold a listed address: not stand-ins for unknown hosts, with known groups.
  const enis = new HolderIndex(aws.ifaces, (n) => (!n.pseudo && !n.sgUnknown ? n.addrs.def : null));
  for (const g of aws.sgs.values()) {
    for (const r of [...g.ingress, ...g.egress]) {
      const texts = r.sources.filter((s) => !s.startsWith('pl-') && !s.startsWith('sg-'));
      if (texts.length !== r.sources.length || r.groupRefs.length > 0) continue;
      const hosts = hostAddresses(texts);
      if (!hosts) continue;
      const owners = hosts.map((h) => enis.find(h, (n, x) => n.addrs.def.covers(x)));
      if (owners.some((o) => o === undefined)) continue;
      const ifs = owners as NonNullable<(typeof owners)[number]>[];
      const common = ifs.reduce<string[]>((acc, n) => acc.filter((x) => n.sgIds.includes(x)), [...(ifs[0]?.sgIds ?? [])]);
      out.push({
        provider: 'aws', container: g.id, rule: r.label, side: r.direction === 'ingress' ? 'source' : 'destination', addresses: texts,
        interfaces: [...new Set(ifs.map((n) => n.aliases[0] ?? n.id))], suggest: common, ...(r.at ? { at: r.at } : {}),
      });
    }
  }
  const ipConfigs = new HolderIndex(net.c.nics.flatMap((x) => x.ipConfigs), (c) => (!c.asgUnknown ? c.addr.def : null));
  for (const n of net.c.nsgs.values()) {
    for (const r of n.rules) {
      if (r.isDefault) continue;
      for (const side of ['src', 'dst'] as const) {
        const spec = side === 'src' ? r.src : r.dst;
        if (spec.any || spec.tags.length > 0 || spec.otherTags.length > 0 || spec.asgs.length > 0) continue;
        const hosts = hostAddresses(spec.texts);
        if (!hosts) continue;
        const owners = hosts.map((h) => ipConfigs.find(h, (c, x) => c.addr.def.covers(x)));
        if (owners.some((o) => o === undefined)) continue;
        const ics = owners as NonNullable<(typeof owners)[number]>[];
        const common = ics.reduce<string[]>((acc, c) => acc.filter((x) => c.asgs.includes(x)), [...(ics[0]?.asgs ?? [])]);
        out.push({
          provider: 'azure', container: n.display, rule: r.name, side: side === 'src' ? 'source' : 'destination', addresses: spec.texts,
          interfaces: [...new Set(ics.map((c) => c.nic.name))], suggest: common.map((a) => net.c.asgNames.get(a) ?? a), ...(r.at ? { at: r.at } : {}),
        });
      }
    }
  }
  return out;
}
