import type { Attr, Provenance } from '../../../model/core/index.js';
import type { NetworkService, PathStep, RuleReach, RuleReachRow, RuleRef, TrafficFocus } from '../../kit/services/network.js';
import { listNames, shortName } from '../../kit/network-names.js';
import type { CheckContext, Outcome, Severity } from '../../kit/types.js';

/**
 * Rule-level network findings ranked by the network engine (AWS-EC2-001..004, AZURE-NET-001..004). A rule open to
 * the whole internet is one finding, whatever the path; the engine decides how bad it is:
 * - its traffic reaches at least one interface from the internet: the check's severity, with the path as evidence;
 * - whether it does depends on values not known before deployment: still the check's severity (nothing proves it
 *   harmless), saying what is not known;
 * - it reaches nothing (no public address, no route, an ACL or the NSG at the other place denies, its destination
 *   matches none of the NICs): low, saying what blocks it;
 * - the group or NSG is attached to nothing in the inputs: low, saying so.
 * Shared by both providers.
 */

const WORDS: Record<string, string> = {
  'security-group': 'security group', 'network-acl': 'network ACL', 'route-table': 'route table', 'public-ip': 'public IP',
  nsg: 'NSG', subnet: 'subnet', address: 'address', interface: 'interface', 'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway', network: 'network', internet: 'internet',
};

function element(net: NetworkService, s: RuleRef): string {
  // A place without an NSG (`NIC web-nic (no NSG)`, `subnet <id> (no NSG)`) lets everything through.
  if (s.kind === 'nsg' && s.rule === null && s.id.endsWith('(no NSG)')) return `no NSG on the ${s.id.startsWith('NIC ') ? 'NIC' : 'subnet'}`;
  // The engine's label for "no route matched" says less than the note that follows it.
  const rule = s.kind === 'route-table' && s.rule === 'no matching route' ? null : s.rule;
  return `${WORDS[s.kind] ?? s.kind} \`${shortName(net.display(s.id))}\`${rule ? ` (${rule})` : ''}`;
}

/** A level that stops (or may stop) the traffic, in words: the note alone where it says everything. */
export function stepText(net: NetworkService, s: PathStep): string {
  if ((s.kind === 'public-ip' || s.kind === 'subnet') && s.note) return s.note;
  if (s.note) return `${element(net, s)}: ${s.note}`;
  return `${element(net, s)}${s.decision === 'deny' ? ' denies it' : s.decision === 'unknown' ? ' may deny it' : ''}`;
}

/** What stops a row's traffic: its denying levels. */
export function blockText(net: NetworkService, row: RuleReachRow): string {
  const steps = row.path.filter((s) => s.decision === 'deny').map((s) => stepText(net, s));
  return steps.length > 0 ? steps.join('; ') : 'no level lets it through';
}

function undecidedText(net: NetworkService, row: RuleReachRow): string {
  const steps = row.path.filter((s) => s.decision === 'unknown').map((s) => stepText(net, s));
  return steps.length > 0 ? steps.join('; ') : 'it depends on values not known before deployment';
}

function peersText(row: RuleReachRow): string {
  return `${row.peers.join(', ')}${row.except?.length ? ` except ${row.except.length} range${row.except.length === 1 ? '' : 's'}` : ''}`;
}

/** One evidence line per reaching row: the interface, the traffic, and every level it crosses. */
export function pathEvidence(net: NetworkService, rows: readonly RuleReachRow[], outbound = false): string[] {
  return rows.map((r) => {
    const steps = r.path.filter((s) => s.decision !== 'deny').map((s) => (s.kind === 'public-ip' ? `public IP${s.rule ? ` ${s.rule}` : ''}` : element(net, s)));
    return `${net.subject(r.interface)} ${r.protocol} ${r.ports.join(', ')} ${outbound ? 'to' : 'from'} ${peersText(r)}: ${steps.join(' → ')}`;
  });
}

/** Something a rule protects that the engine does not analyse (an RDS database), and what is known of it. */
export interface Unanalysed {
  /**
   * `exposed`: it has a public address, though its route is not analysed (judged at the check's severity);
   * `unknown`: whether it has one is not known; `blocked`: it has none.
   */
  readonly level: 'exposed' | 'unknown' | 'blocked';
  readonly text: string;
}

export interface RuleFinding {
  /** The rule and what it opens: ``security group `web` allows SSH (22) from `0.0.0.0/0` (tcp 22)``. */
  readonly opening: string;
  /** What to do, after a semicolon. */
  readonly fix: string;
  readonly at: Attr<unknown> | Provenance;
  /** Said when the group or NSG applies to nothing: ``the group is attached to nothing in the inputs``. */
  readonly unattached: string;
  readonly unanalysed?: readonly Unanalysed[];
  /** A severity for reaching rows other than the check's (e.g. lower when only some of the opened ports arrive). */
  readonly rank?: (rows: readonly RuleReachRow[]) => { severity?: Severity; note?: string };
  /** `reaches … from the internet` (inbound) or `lets … reach the internet` (outbound). */
  readonly outbound?: boolean;
}

/** Asks the engine about one rule and turns the answer into the rule's single outcome. */
export function judgeRule(net: NetworkService, ctx: CheckContext, ref: RuleRef, focus: readonly TrafficFocus[], f: RuleFinding): Outcome {
  return ruleOutcome(net, ctx, net.ruleReach(ref, focus), f);
}

export function ruleOutcome(net: NetworkService, ctx: CheckContext, r: RuleReach, f: RuleFinding): Outcome {
  const who = (rows: readonly RuleReachRow[]) => listNames(rows.map((x) => net.subject(x.interface)));
  const reaching = r.rows.filter((x) => x.verdict === 'reachable');
  const exposed = (f.unanalysed ?? []).filter((u) => u.level === 'exposed').map((u) => u.text);
  if (reaching.length > 0 || exposed.length > 0) {
    const ranked = reaching.length > 0 ? (f.rank?.(reaching) ?? {}) : {};
    const parts: string[] = [];
    if (reaching.length > 0) {
      parts.push(f.outbound ? `it lets ${who(reaching)} reach the internet` : `it reaches ${who(reaching)} from the internet`);
    }
    if (exposed.length > 0) parts.push(`it ${f.outbound ? 'applies to' : 'protects'} ${listNames(exposed)}`);
    return ctx.fail(f.at, `${f.opening}, and ${parts.join('; ')}${ranked.note ? ` (${ranked.note})` : ''}; ${f.fix}`, {
      ...(ranked.severity ? { severity: ranked.severity } : {}), ...(reaching.length > 0 ? { evidence: pathEvidence(net, reaching, f.outbound) } : {}),
    });
  }
  const undecided = r.rows.filter((x) => x.verdict === 'unknown');
  const extraUnknown = (f.unanalysed ?? []).filter((u) => u.level === 'unknown');
  const maybe = r.maybeInterfaces;
  if (undecided.length > 0 || extraUnknown.length > 0 || maybe.length > 0 || r.direction === 'unknown') {
    const parts = [
      ...undecided.map((x) => `${net.subject(x.interface)}: ${undecidedText(net, x)}`),
      ...extraUnknown.map((u) => u.text),
      ...(maybe.length > 0 ? [`${net.subjectList(maybe)} may use it (${maybe.length === 1 ? 'its' : 'their'} security groups or NSGs are not known)`] : []),
      ...(r.direction === 'unknown' ? ['the rule\'s direction is not known'] : []),
    ];
    const q = f.outbound ? 'whether it lets anything reach the internet' : 'whether it reaches anything from the internet';
    return ctx.fail(f.at, `${f.opening}; ${q} is not known (${parts.join('; ')}); ${f.fix}`);
  }
  const blocked = r.rows.filter((x) => x.verdict === 'blocked');
  const extraBlocked = (f.unanalysed ?? []).filter((u) => u.level === 'blocked');
  if (blocked.length === 0 && extraBlocked.length === 0 && r.unmatched.length === 0) {
    return ctx.fail(f.at, `${f.opening}, but ${f.unattached}; ${f.fix}`, { severity: 'low' });
  }
  // One reason per interface: the first row (its protocols share a path).
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const x of blocked) {
    if (seen.has(x.interface)) continue;
    seen.add(x.interface);
    parts.push(`${net.subject(x.interface)}: ${blockText(net, x)}`);
  }
  for (const u of r.unmatched) {
    if (!seen.has(u)) parts.push(`${net.subject(u)}: the rule lets none of it through to it (its destination does not match it, or higher-priority rules take the traffic first)`);
  }
  parts.push(...extraBlocked.map((u) => u.text));
  const shown = parts.length > 4 ? [...parts.slice(0, 4), `${parts.length - 4} more`] : parts;
  const q = f.outbound ? 'nothing it applies to can reach the internet' : 'no internet path reaches what it protects';
  const evidence = blocked.map((x) => `${net.subject(x.interface)} ${x.protocol} ${x.ports.join(', ')}: ${blockText(net, x)}`);
  return ctx.fail(f.at, `${f.opening}, but ${q} — ${shown.join('; ')}; ${f.fix}`, { severity: 'low', ...(evidence.length > 0 ? { evidence } : {}) });
}
