import type { Tri } from '../../model/core/index.js';
import type { B } from './compile-util.js';
import type { Address } from './sets/address.js';
import { IpSet } from './sets/ip-set.js';
import { INTERNET } from './sets/well-known.js';
import type { LayerKind, PathStep, RuleRef, Verdict } from './types.js';

/**
 * One level a flow passes (a security group set, an ACL, a route, an NSG, a public address). Point levels decide a
 * flow between two known addresses; set levels say which peer addresses they let through, so "from the internet"
 * means "from some internet address that every level lets through", not "each level lets some address through".
 */
export interface Level {
  readonly kind: LayerKind;
  readonly id: string;
  /** Peer addresses the level lets through (set mode); omitted for levels that do not depend on the peer. */
  readonly allowed?: B<IpSet>;
  /** Decision for a representative peer address (point mode, or explanation in set mode). */
  explain(peer: Address | undefined): Explanation;
}

export interface Explanation {
  readonly decision: Tri;
  readonly rule: string | null;
  /** The specific element that decided when the level has several (one group of an interface's set). */
  readonly id?: string;
  readonly note?: string;
}

export interface Evaluated {
  readonly verdict: Verdict;
  readonly path: PathStep[];
  readonly blockedBy: RuleRef[];
  /** Peers that get through: certainly (def) and possibly (pos). */
  readonly through: B<IpSet>;
}

const decisionOf = (t: Tri): PathStep['decision'] => (t === true ? 'allow' : t === false ? 'deny' : 'unknown');

/** Point mode: a single flow, every level decides on its own. */
export function evaluatePoint(levels: readonly Level[], peer: Address | undefined): Evaluated {
  const path: PathStep[] = [];
  const blockedBy: RuleRef[] = [];
  let acc: Tri = true;
  for (const l of levels) {
    const e = l.explain(peer);
    const id = e.id ?? l.id;
    const step: PathStep = { kind: l.kind, id, rule: e.rule, decision: decisionOf(e.decision), ...(e.note ? { note: e.note } : {}) };
    path.push(step);
    if (e.decision === false) {
      blockedBy.push({ kind: l.kind, id, rule: e.rule });
      acc = false;
    } else if (e.decision === 'unknown' && acc === true) acc = 'unknown';
  }
  const verdict: Verdict = acc === true ? 'reachable' : acc === false ? 'blocked' : 'unknown';
  const through = acc === true ? { def: IpSet.ALL, pos: IpSet.ALL } : acc === false ? { def: IpSet.EMPTY, pos: IpSet.EMPTY } : { def: IpSet.EMPTY, pos: IpSet.ALL };
  return { verdict, path, blockedBy, through };
}

/**
 * Set mode: peers range over `peers` (existential: some internet client). Levels without `allowed` decide alone
 * (e.g. "has a public address"); levels with it narrow the set.
 */
export function evaluateSet(levels: readonly Level[], peers: IpSet, universe: IpSet = INTERNET): Evaluated {
  let run: B<IpSet> = { def: peers, pos: peers };
  let gate: Tri = true;
  const narrowedAt: (string | null)[] = [];
  for (const l of levels) {
    if (l.allowed) {
      const next = { def: run.def.intersect(l.allowed.def), pos: run.pos.intersect(l.allowed.pos) };
      narrowedAt.push(!run.pos.isEmpty() && next.pos.isEmpty() ? l.id : null);
      run = next;
    } else {
      narrowedAt.push(null);
      const d = l.explain(undefined).decision;
      if (d === false) gate = false;
      else if (d === 'unknown' && gate === true) gate = 'unknown';
    }
  }
  const through: B<IpSet> = gate === false ? { def: IpSet.EMPTY, pos: IpSet.EMPTY } : gate === 'unknown' ? { def: IpSet.EMPTY, pos: run.pos } : run;
  const verdict: Verdict = !through.def.isEmpty() ? 'reachable' : !through.pos.isEmpty() ? 'unknown' : 'blocked';
  const rep = through.def.first() ?? through.pos.first() ?? peers.first();
  const path: PathStep[] = [];
  const blockedBy: RuleRef[] = [];
  levels.forEach((l, i) => {
    let decision: Tri;
    let note: string | undefined;
    if (l.allowed) {
      const mine = { def: peers.intersect(l.allowed.def), pos: peers.intersect(l.allowed.pos) };
      decision = !mine.def.isEmpty() ? true : !mine.pos.isEmpty() ? 'unknown' : false;
      if (decision !== false && narrowedAt[i] !== null) {
        decision = false;
        note = 'lets through none of the addresses the levels before it let through';
      } else if (decision === true && !mine.def.covers(peers.intersect(familiesOf(mine.def)))) {
        // Naming the ranges costs a CIDR decomposition; do it only when the answer is short.
        note = partText(mine.def, peers, universe);
      }
    } else decision = l.explain(undefined).decision;
    const e = l.explain(rep);
    const id = e.id ?? l.id;
    const n = note ?? e.note;
    const step: PathStep = { kind: l.kind, id, rule: e.rule, decision: decisionOf(decision), ...(n ? { note: n } : {}) };
    path.push(step);
    if (decision === false) blockedBy.push({ kind: l.kind, id, rule: e.rule });
  });
  return { verdict, path, blockedBy, through };
}

/**
 * Which part of `peers` a set keeps, in words that stay short: the ranges it keeps, or the ranges it leaves out;
 * counting ranges first, so large sets are not decomposed into CIDRs for nothing.
 */
export function partText(kept: IpSet, peers: IpSet, universe: IpSet = INTERNET): string {
  if (kept.pieces <= 4) return `only ${describeSet(kept, universe).text}`;
  const missing = peers.intersect(familiesOf(kept)).subtract(kept);
  if (missing.pieces <= 4) return `all but ${missing.toCidrs().join(', ')}`;
  return `only part of them (${kept.pieces} address ranges)`;
}

/** The families (IPv4, IPv6) a set has addresses in, as the whole of each. */
export function familiesOf(s: IpSet): IpSet {
  return (s.v4.length > 0 ? IpSet.ALL_V4 : IpSet.EMPTY).union(s.v6.length > 0 ? IpSet.ALL_V6 : IpSet.EMPTY);
}

/**
 * A readable form of an address set: the CIDRs, or — when shorter — "any internet address except …", since what
 * gets through from the internet is usually everything but a few denied ranges.
 */
export function describeSet(s: IpSet, universe: IpSet = INTERNET, max = 6): { from: string[]; except: string[]; text: string } {
  const from: string[] = [];
  const except: string[] = [];
  for (const [fam, all] of [[IpSet.ALL_V4, '0.0.0.0/0'], [IpSet.ALL_V6, '::/0']] as const) {
    const part = s.intersect(fam);
    if (part.isEmpty()) continue;
    const inet = universe.intersect(fam);
    if (part.covers(inet) && !inet.isEmpty()) {
      // Every internet address of the family (and perhaps non-internet space): say "any".
      from.push(all);
      continue;
    }
    const missing = inet.subtract(part);
    if (inet.covers(part) && missing.pieces < part.pieces) {
      from.push(all);
      except.push(...missing.toCidrs());
    } else from.push(...part.toCidrs());
  }
  const list = (xs: string[]) => (xs.length <= max ? xs.join(', ') : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`);
  const text = `${list(from)}${except.length > 0 ? ` except ${list(except)}` : ''}`;
  return { from, except, text };
}

export function constLevel(kind: LayerKind, id: string, decision: Tri, rule: string | null, note?: string): Level {
  return { kind, id, explain: () => ({ decision, rule, ...(note ? { note } : {}) }) };
}
