/**
 * Outcomes of the privilege-escalation checks (AWS-IAM-110, AWS-IAM-111). A path the principal's own permissions make
 * is one finding per path, on the principal, with its chain. A path whose first step a role's trust policy alone
 * grants (`sts:AssumeRole` that the principal's own policies do not allow) is the trust's mistake, the same for every
 * principal the trust lets in: it is reported once, on that role, with the principals who can use it; and not at
 * all by these checks when AWS-IAM-003 already reports the trust as open to any account (its finding then carries
 * that evidence, see `openedEvidence`).
 */
import type { IamRole, IamUser } from '../../../model/index.js';
import type { EscalationPath, IamService, OpenedEscalation } from '../../kit/services/iam.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import { NO_SERVICE, cite, whereOf } from '../shared/engine-outcomes.js';

/** How many principals a finding names before "and N more". */
const LISTED = 10;

const nameOf = (p: IamUser | IamRole): string => (p.name.known ? p.name.value : p.native.name);

function chain(path: EscalationPath): string[] {
  return path.steps.map((s, k) => `${k + 1}. ${s.description}${s.citations.length > 0 ? ` [${s.citations.map(cite).join('; ')}]` : ''}`);
}

export function escalationOutcomes(ctx: CheckContext, p: IamUser | IamRole, kind: 'user' | 'role'): Outcome | Outcome[] {
  const iam = ctx.services.iam;
  if (iam === undefined) return ctx.unknown(p.at, NO_SERVICE);
  const name = nameOf(p);
  const own = iam.escalationPaths(p.key).filter((path) => path.openedBy === undefined);
  const out = own.map((path) => {
    const citations = path.steps.flatMap((s) => s.citations);
    const message = `${kind} \`${name}\` can escalate to ${path.gains} via ${path.method}: ${path.steps.map((s) => s.description).join(' → ')}; remove the permission at the first step`;
    return path.decision === 'allowed'
      ? ctx.fail(whereOf(citations, p.at), message, { evidence: chain(path) })
      : ctx.unknown(whereOf(citations, p.at), `${message} (depends on values not known before deployment)`);
  });
  if (kind === 'role') {
    const opened = openedOutcome(ctx, iam, p);
    if (opened !== undefined) out.push(opened);
  }
  return out.length === 0 ? ctx.pass() : out;
}

/** What a role's trust opens, in words: the role itself is an administrator, or more is reachable from it. */
function worth(name: string, opened: readonly OpenedEscalation[]): string {
  const gains = opened[0]?.path.gains ?? '';
  return gains === `role ${name}` ? 'is an administrator' : `leads to ${gains}`;
}

/** The principals that use the role's trust, capped: `a, b, c and 4 more`. */
function listed(opened: readonly OpenedEscalation[]): string {
  const names = [...new Set(opened.map((o) => `${o.principal.kind === 'aws.iam.user' ? 'user' : 'role'} \`${o.principal.name}\``))];
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/** Principals that certainly take the role over, and those that may (a condition decides, not known before deployment). */
function split(opened: readonly OpenedEscalation[]): { certain: OpenedEscalation[]; conditional: OpenedEscalation[] } {
  const sure = new Set(opened.filter((o) => o.path.decision === 'allowed').map((o) => o.principal.key));
  const certain = opened.filter((o) => o.path.decision === 'allowed');
  const conditional = opened.filter((o) => !sure.has(o.principal.key));
  return { certain, conditional };
}

const counted = (os: readonly OpenedEscalation[]): string => {
  const n = new Set(os.map((o) => o.principal.key)).size;
  return `${n} principal${n === 1 ? '' : 's'}`;
};

/** `3 principals of the account can (a, b, c); 2 more may, depending on conditions (d, e)`. */
function who(opened: readonly OpenedEscalation[], verb: string): string {
  const { certain, conditional } = split(opened);
  const parts: string[] = [];
  if (certain.length > 0) parts.push(`${counted(certain)} of the account can ${verb} (${listed(certain)})`);
  if (conditional.length > 0) {
    parts.push(`${counted(conditional)}${certain.length > 0 ? ' more' : ' of the account'} may ${verb}, depending on conditions not known before deployment (${listed(conditional)})`);
  }
  return parts.join('; ');
}

/**
 * One finding on a role whose trust policy alone lets principals of the account escalate through it, unless
 * AWS-IAM-003 reports that trust (open to any account): then the role has one finding for its trust, 003's.
 */
function openedOutcome(ctx: CheckContext, iam: IamService, role: IamUser | IamRole): Outcome | undefined {
  const opened = iam.escalationsOpenedBy(role.key);
  if (opened.length === 0) return undefined;
  if (iam.trustExposure(role.key).exposure === 'public') return undefined;
  const name = nameOf(role);
  const granting = opened[0]?.path.steps[0]?.citations ?? [];
  const message = `role \`${name}\` ${worth(name, opened)} and its trust policy alone, whatever their own permissions: ${who(opened, 'assume it')}; trust only the principals that must hold it`;
  const evidence = opened.slice(0, LISTED).map((o) => `${o.principal.name}: ${o.path.steps.map((s) => s.description).join(' → ')}`);
  if (opened.length > LISTED) evidence.push(`and ${opened.length - LISTED} more`);
  return opened.some((o) => o.path.decision === 'allowed')
    ? ctx.fail(whereOf(granting, role.at), message, { evidence })
    : ctx.unknown(whereOf(granting, role.at), `${message} (depends on values not known before deployment)`);
}

/**
 * Evidence AWS-IAM-003 adds to its finding on a trust open to any account: what the role is worth and who in the
 * account reaches it through that trust alone (the escalation checks leave this path to 003's finding).
 */
export function openedEvidence(iam: IamService, role: IamRole): string[] {
  const opened = iam.escalationsOpenedBy(role.key);
  if (opened.length === 0) return [];
  const name = nameOf(role);
  return [`role \`${name}\` ${worth(name, opened)}; through this trust alone, ${who(opened, 'take it over')}`];
}
