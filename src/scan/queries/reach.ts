/**
 * `parapet reach`: can traffic from one end reach the other on a port, and what would stop it. A pure function of
 * the estate; the CLI prints what it returns.
 */
import type { Endpoint, PathStep, QueryProtocol, RuleRef } from '../../engines/network/index.js';
import type { Estate } from '../../model/index.js';
import { NetworkFacade } from '../services/network.js';

export interface ReachOptions {
  readonly from: string;
  readonly to: string;
  readonly port: number;
  readonly protocol: QueryProtocol;
}

/** The documented JSON shape. Ids are the addresses users know (scan output), not engine internals. */
export interface ReachJson {
  readonly verdict: 'reachable' | 'blocked' | 'unknown';
  readonly path: readonly PathStep[];
  readonly blockedBy: readonly RuleRef[];
  readonly reasons: readonly string[];
}

export type ReachOutcome =
  | { readonly ok: true; readonly result: ReachJson; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string }; readonly notes: readonly string[] };

/** The engine's remarks on the inputs (malformed CIDRs, missing references …), as `file:line:column: message`. */
export function networkNotes(net: NetworkFacade): string[] {
  return net.diagnostics.map((d) => `${d.at ? `${d.at.file}:${d.at.line}:${d.at.column}: ` : ''}${d.severity}: ${d.message} (${d.path})`);
}

/** `internet`, an IP or CIDR, or a resource handle. */
export function parseEndpoint(text: string): Endpoint {
  const t = text.trim();
  if (t.toLowerCase() === 'internet') return 'internet';
  const c = t.charCodeAt(0);
  const looksAddress = (c >= 48 && c <= 57 && t.includes('.')) || (t.includes(':') && !t.includes('/subscriptions') && !t.startsWith('arn:'));
  return looksAddress ? { address: t } : { handle: t };
}

export function reachQuery(estate: Estate, o: ReachOptions): ReachOutcome {
  const net = new NetworkFacade(estate);
  const r = net.reach({ from: parseEndpoint(o.from), to: parseEndpoint(o.to), port: o.port, protocol: o.protocol });
  const notes = networkNotes(net);
  if ('code' in r) return { ok: false, error: { code: r.code, message: r.message }, notes };
  const show = (ref: RuleRef): RuleRef => ({ kind: ref.kind, id: net.display(ref.id), rule: ref.rule });
  return {
    ok: true, notes,
    result: {
      verdict: r.verdict,
      path: r.path.map((s) => ({ ...show(s), decision: s.decision, ...(s.note ? { note: s.note } : {}) })),
      blockedBy: r.blockedBy.map(show),
      reasons: r.reasons,
    },
  };
}
