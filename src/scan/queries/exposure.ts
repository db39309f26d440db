/**
 * `parapet exposure`: every resource reachable from the internet, on which protocols and ports, from where, and the
 * rules that let the traffic through. A pure function of the estate.
 */
import type { RuleRef } from '../../engines/network/index.js';
import type { Estate } from '../../model/index.js';
import { NetworkFacade } from '../services/network.js';
import { networkNotes } from './reach.js';

export interface ExposureEntry {
  /** The resource as scan output names it: the instance or VM, or the interface when it belongs to none. */
  readonly resource: string;
  readonly protocol: string;
  readonly ports: readonly string[];
  readonly from: readonly string[];
  /** Ranges excluded from `from` (denied by an ACL or NSG rule), present only when there are some. */
  readonly except?: readonly string[];
  readonly via: readonly RuleRef[];
  /** `reachable`, or `unknown` when it depends on values the inputs do not settle. */
  readonly verdict: 'reachable' | 'unknown';
}

export interface ExposureJson {
  readonly exposures: readonly ExposureEntry[];
}

export function exposureQuery(estate: Estate): { readonly result: ExposureJson; readonly notes: readonly string[] } {
  const net = new NetworkFacade(estate);
  const show = (ref: RuleRef): RuleRef => ({ kind: ref.kind, id: net.display(ref.id), rule: ref.rule });
  const exposures: ExposureEntry[] = net.exposure().map((r) => ({
    resource: net.display(r.interface), protocol: r.protocol, ports: r.ports, from: r.from,
    ...(r.except && r.except.length > 0 ? { except: r.except } : {}),
    via: r.via.map(show), verdict: r.verdict === 'reachable' ? 'reachable' : 'unknown',
  }));
  // Deterministic output: by resource, protocol, first port.
  exposures.sort((a, b) => cmp(a.resource, b.resource) || cmp(a.protocol, b.protocol) || cmp(a.ports[0] ?? '', b.ports[0] ?? '') || cmp(a.verdict, b.verdict));
  return { result: { exposures }, notes: networkNotes(net) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
