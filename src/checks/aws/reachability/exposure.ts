import type { Provenance } from '../../../model/core/index.js';
import type { NetworkRow, NetworkService, RuleRef } from '../../kit/services/network.js';
import type { CheckContext, Outcome } from '../../kit/types.js';

/**
 * Outcomes of the engine-based exposure checks (AWS-NET-1xx, AZURE-NET-1xx), shared by both providers. They judge a
 * resource by what the network engine proves reaches it, not by rules alone:
 * - reachable from the internet: a failure at the check's severity, naming the path's rules;
 * - depends on values not known before deployment: unknown;
 * - a rule lets internet traffic in but no path exists (no public address, no route, an ACL or the other NSG
 *   denies): a low-severity failure saying what blocks it — only where the rule's source is a part of the internet.
 *   A rule open to the whole internet (`0.0.0.0/0`, `::/0`, `*`, `Internet`) is already reported, rule by rule, by
 *   AWS-EC2-001/002/003 and AZURE-NET-001/002/003; reporting it again here would duplicate their finding.
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

/** The whole internet of a family, nothing excepted: what the rule-level checks already report. */
export function wholeInternet(row: NetworkRow): boolean {
  return (row.except ?? []).length === 0 && row.from.length > 0 && row.from.every((f) => f === '0.0.0.0/0' || f === '::/0');
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
}

export function exposureOutcomes(net: NetworkService, ctx: CheckContext, spec: ExposureSpec): Outcome[] {
  const out: Outcome[] = [];
  for (const row of spec.rows) {
    const hits = spec.hits(row);
    if (hits.length === 0) continue;
    const via = viaFor(row, hits.map((h) => h.port).filter((p): p is number => p !== undefined));
    const opener = via.find((v) => v.kind === 'security-group' || v.kind === 'nsg');
    const at = (opener ? net.ruleAt(opener) : undefined) ?? row.ruleAt ?? spec.fallbackAt;
    const what = hits.map((h) => h.label).join(', ');
    if (row.verdict === 'reachable') {
      out.push(ctx.fail(at, `${spec.what} is reachable from the internet on ${what} from ${sources(row)} through ${describeRefs(net, via)}; ${spec.fix}`, {
        evidence: via.map((v) => `${v.kind} ${net.display(v.id)}${v.rule ? ` ${v.rule}` : ''}`),
      }));
    } else if (row.verdict === 'unknown') {
      out.push(ctx.unknown(at, `cannot tell whether ${spec.what} is reachable from the internet on ${what}: ${row.reasons.join('; ') || 'it depends on values not known before deployment'}`));
    } else if (!wholeInternet(row)) {
      const openers = via.filter((v) => v.kind === 'security-group' || v.kind === 'nsg');
      out.push(ctx.fail(at, `${describeRefs(net, openers) || 'a rule'} lets ${sources(row)} reach ${spec.what} on ${what}, but no path exists: blocked by ${describeRefs(net, row.blockedBy)}; ${spec.fix}`, {
        severity: 'low', evidence: row.blockedBy.map((v) => `blocked by ${v.kind} ${net.display(v.id)}${v.rule ? ` ${v.rule}` : ''}`),
      }));
    }
  }
  return out;
}
