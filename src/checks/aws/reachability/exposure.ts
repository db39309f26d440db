import type { Provenance } from '../../../model/core/index.js';
import type { NetworkRow, NetworkService, RuleRef, TrafficFocus } from '../../kit/services/network.js';
import type { CheckContext, Outcome } from '../../kit/types.js';

/**
 * Outcomes of the engine-based exposure checks on instances and NICs (AWS-NET-101..104, AZURE-NET-101..104), shared by
 * both providers. One mistake, one finding: a rule open to the whole internet (`0.0.0.0/0`, `::/0`, `*`, `Internet`)
 * is reported once, by the rule-level checks (AWS-EC2-001..004, AZURE-NET-001..004), ranked by the engine. These
 * checks report only exposure no such finding explains:
 * - reachable (or unknown) from the whole internet, or at least half of an address family's space, where no rule the
 *   rule-level checks report lets that traffic in: rules that are not internet-wide one by one (`0.0.0.0/1` +
 *   `128.0.0.0/1`, several groups together), a Basic SKU public IP with no NSG at all, a port the rule-level checks do
 *   not read (WinRM on AWS);
 * - reachable from specific public ranges only: not reported (allowing only known addresses is the remediation);
 * - a rule open with no path: the rule-level checks' (for internet-wide rules), nothing otherwise.
 */
export interface PortConcern {
  readonly port: number;
  readonly protocols: readonly ('tcp' | 'udp')[];
  readonly label: string;
}

export const ADMIN: readonly PortConcern[] = [
  { port: 22, protocols: ['tcp'], label: 'SSH (22)' },
  { port: 3389, protocols: ['tcp', 'udp'], label: 'RDP (3389)' },
  { port: 5985, protocols: ['tcp'], label: 'WinRM (5985)' },
  { port: 5986, protocols: ['tcp'], label: 'WinRM over HTTPS (5986)' },
];

export const DATABASES: readonly PortConcern[] = [
  { port: 1433, protocols: ['tcp'], label: 'SQL Server (1433)' },
  { port: 1521, protocols: ['tcp'], label: 'Oracle (1521)' },
  { port: 3306, protocols: ['tcp'], label: 'MySQL (3306)' },
  { port: 5432, protocols: ['tcp'], label: 'PostgreSQL (5432)' },
  { port: 5439, protocols: ['tcp'], label: 'Redshift (5439)' },
  { port: 6379, protocols: ['tcp'], label: 'Redis (6379)' },
  { port: 9042, protocols: ['tcp'], label: 'Cassandra (9042)' },
  { port: 9200, protocols: ['tcp'], label: 'Elasticsearch/OpenSearch (9200)' },
  { port: 11211, protocols: ['tcp', 'udp'], label: 'Memcached (11211)' },
  { port: 27017, protocols: ['tcp'], label: 'MongoDB (27017)' },
];

function ranges(row: NetworkRow): [number, number][] {
  return row.ports.map((p) => {
    const dash = p.indexOf('-');
    return dash === -1 ? [Number(p), Number(p)] : [Number(p.slice(0, dash)), Number(p.slice(dash + 1))];
  });
}

/** Concerns a row covers: its protocol is one of theirs (or every protocol) and its ports include theirs. */
export function concernsIn(row: NetworkRow, concerns: readonly PortConcern[]): PortConcern[] {
  if (row.protocol === 'all') return [...concerns];
  if (row.protocol !== 'tcp' && row.protocol !== 'udp') return [];
  const rs = ranges(row);
  return concerns.filter((c) => c.protocols.includes(row.protocol as 'tcp' | 'udp') && rs.some(([lo, hi]) => lo <= c.port && c.port <= hi));
}

/** Every port of a transport protocol (or every protocol): `1-65535` counts, port 0 being unusable. */
export function opensAllPorts(row: NetworkRow): boolean {
  if (row.protocol === 'all') return true;
  if (row.protocol !== 'tcp' && row.protocol !== 'udp') return false;
  return ranges(row).some(([lo, hi]) => lo <= 1 && hi >= 65535);
}

/** The whole internet of a family, nothing excepted. */
export function wholeInternet(row: NetworkRow): boolean {
  return (row.except ?? []).length === 0 && row.from.length > 0 && row.from.every((f) => f === '0.0.0.0/0' || f === '::/0');
}

/** Share of an address family's space a list of CIDRs covers (overlaps are not expected: they come from one set). */
function share(cidrs: readonly string[], family: 4 | 6): number {
  let total = 0;
  for (const c of cidrs) {
    const slash = c.indexOf('/');
    if (slash < 0 || (family === 6) !== c.includes(':')) continue;
    total += 2 ** -Number(c.slice(slash + 1));
  }
  return total;
}

/**
 * The sources (destinations, outbound) amount to the internet rather than to known parties: at least half of the IPv4
 * or IPv6 space. `0.0.0.0/0` except a few denied ranges counts; so do `0.0.0.0/1` + `128.0.0.0/1`; a partner's /24
 * does not.
 */
export function broadSources(row: Pick<NetworkRow, 'from' | 'except'>): boolean {
  return ([4, 6] as const).some((f) => share(row.from, f) - share(row.except ?? [], f) >= 0.5);
}

export function describeRefs(net: NetworkService, refs: readonly RuleRef[]): string {
  const words: Record<string, string> = {
    'security-group': 'security group', 'network-acl': 'network ACL', 'route-table': 'route table', 'public-ip': 'public IP',
    nsg: 'NSG', subnet: 'subnet', address: 'address', interface: 'interface', 'internet-gateway': 'internet gateway',
    'nat-gateway': 'NAT gateway', network: 'network', internet: 'internet',
  };
  return refs.map((r) => `${words[r.kind] ?? r.kind} \`${net.display(r.id)}\`${r.rule ? ` (${r.rule})` : ''}`).join(', ');
}

function sources(row: NetworkRow): string {
  return `${row.from.map((f) => `\`${f}\``).join(', ')}${row.except?.length ? ` (except ${row.except.map((f) => `\`${f}\``).join(', ')})` : ''}`;
}

/** The rules that let the hit ports through: those of the port ranges holding them (all, when not split). */
function viaFor(row: NetworkRow, ports: readonly number[]): readonly RuleRef[] {
  if (!row.viaByPorts || ports.length === 0) return row.via;
  const out: RuleRef[] = [];
  for (const part of row.viaByPorts) {
    const dash = part.ports.indexOf('-');
    const lo = Number(dash === -1 ? part.ports : part.ports.slice(0, dash));
    const hi = Number(dash === -1 ? part.ports : part.ports.slice(dash + 1));
    if (ports.some((p) => lo <= p && p <= hi)) for (const v of part.via) if (!out.some((o) => o.kind === v.kind && o.id === v.id && o.rule === v.rule)) out.push(v);
  }
  return out.length > 0 ? out : row.via;
}

export interface ExposureSpec {
  /** What the resource is called in messages: "instance `web`", "NIC `web-nic` (VM `web`)". */
  readonly what: string;
  readonly rows: readonly NetworkRow[];
  /** Labels of the concerns a row hits, with their ports; empty when the row does not concern this check. */
  readonly hits: (row: NetworkRow) => readonly { readonly label: string; readonly port?: number }[];
  readonly fix: string;
  readonly fallbackAt: Provenance;
  /**
   * Whether a rule-level check reports `rule` for this traffic (`port` undefined: every port): its finding then
   * explains the exposure wherever the rule's own traffic arrives.
   */
  readonly reported: (rule: RuleRef, port: number | undefined, protocol: 'tcp' | 'udp') => boolean;
}

/** The traffic of a row at one port (or every port), as the engine's focus. */
function focusAt(row: NetworkRow, port: number | undefined): TrafficFocus[] {
  const protos: ('tcp' | 'udp')[] = row.protocol === 'tcp' || row.protocol === 'udp' ? [row.protocol] : ['tcp', 'udp'];
  return protos.map((protocol) => (port === undefined ? { protocol } : { protocol, ports: [[port, port]] }));
}

/** A rule-level finding already reports a rule that lets this row's traffic (at `port`) reach its interface. */
export function explained(net: NetworkService, row: NetworkRow, port: number | undefined, reported: ExposureSpec['reported']): boolean {
  for (const v of viaFor(row, port === undefined ? [] : [port])) {
    if (v.kind !== 'security-group' && v.kind !== 'nsg') continue;
    for (const f of focusAt(row, port)) {
      if (!reported(v, port, f.protocol)) continue;
      const rr = net.ruleReach(v, [f]);
      if (rr.rows.some((x) => x.interface === row.interface && x.verdict !== 'blocked')) return true;
    }
  }
  return false;
}

export function exposureOutcomes(net: NetworkService, ctx: CheckContext, spec: ExposureSpec): Outcome[] {
  const out: Outcome[] = [];
  for (const row of spec.rows) {
    if (row.verdict === 'blocked' || !broadSources(row)) continue;
    const hits = spec.hits(row).filter((h) => !explained(net, row, h.port, spec.reported));
    if (hits.length === 0) continue;
    const via = viaFor(row, hits.map((h) => h.port).filter((p): p is number => p !== undefined));
    const opener = via.find((v) => v.kind === 'security-group' || v.kind === 'nsg');
    const at = (opener ? net.ruleAt(opener) : undefined) ?? row.ruleAt ?? spec.fallbackAt;
    const what = hits.map((h) => h.label).join(', ');
    if (row.verdict === 'reachable') {
      out.push(ctx.fail(at, `${spec.what} is reachable from the internet on ${what} from ${sources(row)} through ${describeRefs(net, via)}; ${spec.fix}`, {
        evidence: via.map((v) => `${v.kind} ${net.display(v.id)}${v.rule ? ` ${v.rule}` : ''}`),
      }));
    } else {
      out.push(ctx.unknown(at, `cannot tell whether ${spec.what} is reachable from the internet on ${what}: ${row.reasons.join('; ') || 'it depends on values not known before deployment'}`));
    }
  }
  return out;
}

/**
 * The egress checks' outcomes (AWS-NET-104, AZURE-NET-104): every port of some protocol open to the whole internet (or
 * at least half of it), where no rule-level finding (AWS-EC2-004, AZURE-NET-004) explains it.
 */
export function egressOutcomes(net: NetworkService, ctx: CheckContext, spec: Omit<ExposureSpec, 'hits'>): Outcome[] {
  const out: Outcome[] = [];
  for (const row of spec.rows) {
    if (row.verdict === 'blocked' || !opensAllPorts(row) || !broadSources(row)) continue;
    if (explained(net, row, undefined, spec.reported)) continue;
    const at = row.ruleAt ?? spec.fallbackAt;
    const what = row.protocol === 'all' ? 'every protocol and port' : `every ${row.protocol} port`;
    if (row.verdict === 'reachable') {
      out.push(ctx.fail(at, `${spec.what} can open connections to any internet address (${sources(row)}) on ${what} through ${describeRefs(net, row.via)}; ${spec.fix}`, {
        evidence: row.via.map((v) => `${v.kind} ${net.display(v.id)}${v.rule ? ` ${v.rule}` : ''}`),
      }));
    } else {
      out.push(ctx.unknown(at, `cannot tell whether ${spec.what} can reach the whole internet: ${row.reasons.join('; ') || 'it depends on values not known before deployment'}`));
    }
  }
  return out;
}
