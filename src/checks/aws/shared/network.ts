import type { Attr, SecurityGroupRule, Tri } from '../../../model/index.js';

/**
 * Rule-level reading of security group and network ACL entries. "The internet" here is what the CIS benchmark and
 * AWS Security Hub mean: a source of `0.0.0.0/0` or `::/0`. Reachability (routes, gateways, which instances use the
 * group) is the network engine's question.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */

/** `0.0.0.0/0`, `::/0` (any spelling of a /0 prefix). */
export function isInternetCidr(cidr: string): boolean {
  const c = cidr.trim();
  const slash = c.indexOf('/');
  if (slash < 0) return false;
  return c.slice(slash + 1) === '0';
}

export type Protocol = 'tcp' | 'udp';

/** Security group and NACL protocols: `-1`/`all` is every protocol; names and numbers both occur (6 tcp, 17 udp). */
export function protocolCovers(protocol: string, wanted: Protocol): boolean {
  const p = protocol.trim().toLowerCase();
  if (p === '-1' || p === 'all') return true;
  return wanted === 'tcp' ? p === 'tcp' || p === '6' : p === 'udp' || p === '17';
}

export function isAllProtocols(protocol: string): boolean {
  const p = protocol.trim().toLowerCase();
  return p === '-1' || p === 'all';
}

/** Whether an entry's port range includes `port`; ports are ignored for "all protocols". */
export function rangeCovers(protocol: string, from: number, to: number, port: number): boolean {
  if (isAllProtocols(protocol)) return true;
  // -1/-1 on tcp/udp is how some exports write "all ports".
  if (from === -1 && to === -1) return true;
  return from <= port && port <= to;
}

/** Every port of every protocol, or every TCP/UDP port. */
export function rangeIsAllPorts(protocol: string, from: number, to: number): boolean {
  if (isAllProtocols(protocol)) return true;
  const p = protocol.trim().toLowerCase();
  if (!['tcp', '6', 'udp', '17'].includes(p)) return false;
  return (from === -1 && to === -1) || (from <= 1 && to >= 65535);
}

export interface PortSpec {
  readonly port: number;
  readonly protocols: readonly Protocol[];
  readonly label: string;
}

/** Remote administration ports (CIS AWS Foundations 5.1–5.3: SSH and RDP, over TCP, UDP or all protocols). */
export const ADMIN_PORTS: readonly PortSpec[] = [
  { port: 22, protocols: ['tcp'], label: 'SSH (22)' },
  { port: 3389, protocols: ['tcp', 'udp'], label: 'RDP (3389)' },
];

/** Default ports of the database engines AWS runs and customers self-host. */
export const DATABASE_PORTS: readonly PortSpec[] = [
  { port: 1433, protocols: ['tcp'], label: 'SQL Server (1433)' },
  { port: 1521, protocols: ['tcp'], label: 'Oracle (1521)' },
  { port: 3306, protocols: ['tcp'], label: 'MySQL/Aurora (3306)' },
  { port: 5432, protocols: ['tcp'], label: 'PostgreSQL (5432)' },
  { port: 5439, protocols: ['tcp'], label: 'Redshift (5439)' },
  { port: 6379, protocols: ['tcp'], label: 'Redis (6379)' },
  { port: 9042, protocols: ['tcp'], label: 'Cassandra/Keyspaces (9042)' },
  { port: 9200, protocols: ['tcp'], label: 'OpenSearch (9200)' },
  { port: 11211, protocols: ['tcp'], label: 'Memcached (11211)' },
  { port: 27017, protocols: ['tcp'], label: 'MongoDB/DocumentDB (27017)' },
];

/** The first attribute of a rule that is unknown, or null. */
export function firstUnknown(...attrs: Attr<unknown>[]): Attr<unknown> | null {
  return attrs.find((a) => !a.known) ?? null;
}

/** Whether a security group rule's peers include the whole internet (IPv4 or IPv6). */
export function ruleFromInternet(rule: SecurityGroupRule): { readonly open: Tri; readonly cidrs: readonly string[] } {
  const cidrs: string[] = [];
  let undecided = false;
  for (const ranges of [rule.ipv4Ranges, rule.ipv6Ranges]) {
    if (!ranges.known) undecided = true;
    else cidrs.push(...ranges.value.filter(isInternetCidr));
  }
  return { open: cidrs.length > 0 ? true : undecided ? 'unknown' : false, cidrs };
}

/** Which of `ports` a rule opens (protocol and range), or 'unknown' with the attribute that hides it. */
export function rulePorts(rule: SecurityGroupRule, ports: readonly PortSpec[]): { readonly labels: string[] } | { readonly unknown: Attr<unknown> } {
  if (!rule.protocol.known) return { unknown: rule.protocol };
  const protocol = rule.protocol.value;
  if (isAllProtocols(protocol)) return { labels: ports.map((p) => p.label) };
  const u = firstUnknown(rule.fromPort, rule.toPort);
  if (u) return { unknown: u };
  const from = rule.fromPort.known ? rule.fromPort.value : 0;
  const to = rule.toPort.known ? rule.toPort.value : 0;
  const labels = ports
    .filter((p) => p.protocols.some((pr) => protocolCovers(protocol, pr)) && rangeCovers(protocol, from, to, p.port))
    .map((p) => p.label);
  return { labels };
}

/** `tcp 22`, `tcp 0-65535`, `all traffic` for messages. */
export function describeRange(protocol: Attr<string>, from: Attr<number>, to: Attr<number>): string {
  if (!protocol.known) return 'an unknown protocol';
  if (isAllProtocols(protocol.value)) return 'all traffic';
  const p = protocol.value.toLowerCase() === '6' ? 'tcp' : protocol.value.toLowerCase() === '17' ? 'udp' : protocol.value.toLowerCase();
  if (!from.known || !to.known) return `${p} (ports unknown)`;
  if (from.value === -1 && to.value === -1) return `${p} all ports`;
  return from.value === to.value ? `${p} ${from.value}` : `${p} ${from.value}-${to.value}`;
}
