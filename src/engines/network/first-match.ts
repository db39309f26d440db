import type { Tri } from '../../model/core/index.js';
import type { B } from './compile-util.js';
import { IpSet } from './sets/ip-set.js';
import { PortMap } from './sets/ports.js';

/**
 * Ordered allow/deny lists (network ACL entries, NSG rules) where the first matching rule decides. Unknown parts are
 * handled by evaluating twice: a pessimistic run (allow rules match only where they certainly do, deny rules wherever
 * they might; rules of unknown position: denies first, allows dropped) and an optimistic run (the reverse). What the
 * pessimistic run allows is certainly allowed; what the optimistic run denies is certainly denied.
 */
export interface OrderedRule {
  /** null: position unknown. */
  readonly order: number | null;
  readonly action: 'allow' | 'deny' | 'unknown';
  readonly label: string;
}

export interface Sequences<R extends OrderedRule> {
  readonly lower: readonly R[];
  readonly upper: readonly R[];
}

export function sequences<R extends OrderedRule>(rules: readonly R[]): Sequences<R> {
  const known = rules.filter((r) => r.order !== null).sort((a, b) => (a.order as number) - (b.order as number));
  const floating = rules.filter((r) => r.order === null);
  return {
    lower: [...floating.filter((r) => r.action !== 'allow'), ...known],
    upper: [...floating.filter((r) => r.action !== 'deny'), ...known],
  };
}

export interface PointDecision<R> {
  readonly decision: Tri;
  /** The rule that decided in the pessimistic and the optimistic run (undefined: nothing matched). */
  readonly lower?: R;
  readonly upper?: R;
}

/** Evaluates one flow; `match` says whether a rule matches it. Nothing matching means `fallback`. */
export function decidePoint<R extends OrderedRule>(
  seq: Sequences<R>,
  match: (r: R) => Tri,
  fallback: 'allow' | 'deny',
): PointDecision<R> {
  let lowerAllow = fallback === 'allow';
  let lower: R | undefined;
  for (const r of seq.lower) {
    const act = r.action === 'allow' ? 'allow' : 'deny';
    const m = match(r);
    if (act === 'allow' ? m === true : m !== false) {
      lowerAllow = act === 'allow';
      lower = r;
      break;
    }
  }
  let upperAllow = fallback === 'allow';
  let upper: R | undefined;
  for (const r of seq.upper) {
    const act = r.action === 'deny' ? 'deny' : 'allow';
    const m = match(r);
    if (act === 'allow' ? m !== false : m === true) {
      upperAllow = act === 'allow';
      upper = r;
      break;
    }
  }
  const decision: Tri = lowerAllow ? true : upperAllow ? 'unknown' : false;
  return { decision, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

/**
 * The region a rule covers in one run, as a port map of peer addresses; null when it cannot match at all. `certain`
 * asks for the part it certainly covers (true) or may cover (false).
 */
export type RuleRegion<R> = (rule: R, certain: boolean) => PortMap<IpSet> | null;

const EMPTY_MAP = PortMap.constant(IpSet.EMPTY);
const eqSet = (a: IpSet, b: IpSet): boolean => a.equals(b);

/** Peer addresses allowed per port, as bounds. */
export function decideRegion<R extends OrderedRule>(
  seq: Sequences<R>,
  region: RuleRegion<R>,
  fallback: 'allow' | 'deny',
): B<PortMap<IpSet>> {
  return { def: run(seq.lower, region, fallback, true), pos: run(seq.upper, region, fallback, false) };
}

function run<R extends OrderedRule>(rules: readonly R[], region: RuleRegion<R>, fallback: 'allow' | 'deny', pessimistic: boolean): PortMap<IpSet> {
  let remaining: PortMap<IpSet> = PortMap.constant(IpSet.ALL);
  let allowed: PortMap<IpSet> = EMPTY_MAP;
  for (const r of rules) {
    const act = pessimistic ? (r.action === 'allow' ? 'allow' : 'deny') : r.action === 'deny' ? 'deny' : 'allow';
    // The pessimistic run lets allows match only certainly and denies wherever possible; the optimistic the reverse.
    const certain = (act === 'allow') === pessimistic;
    const m = region(r, certain);
    if (!m) continue;
    if (act === 'allow') {
      const captured = PortMap.combine(remaining, m, (a, b) => a.intersect(b), eqSet);
      allowed = PortMap.combine(allowed, captured, (a, b) => a.union(b), eqSet);
    }
    remaining = PortMap.combine(remaining, m, (a, b) => a.subtract(b), eqSet);
  }
  if (fallback === 'allow') allowed = PortMap.combine(allowed, remaining, (a, b) => a.union(b), eqSet);
  return allowed;
}
