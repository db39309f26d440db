import type { Link, Provenance, Tri } from '../../../model/index.js';
import type { CheckContext, Outcome, Severity } from '../../kit/types.js';
import type { NamedDocument, StatementHit } from '../shared/iam.js';
import {
  allowsNotAction, allowsNotResource, attachedAwsManaged, awsManagedPolicyName, grantsFullAdmin, passRoleOnAll, scanDocuments, serviceWideGrants, where,
} from '../shared/iam.js';
import type { Statement } from '../shared/policy.js';
import { statementsOf } from '../shared/policy.js';
import { code, listWords } from '../shared/text.js';

/**
 * The least-privilege mistakes the IAM policy checks look for in identity policy statements, each owned by one check
 * (AWS-IAM-001/002/004/005/007), with a severity and words for the message. Each check looks for its one mistake
 * wherever a policy is written (see policy-subject.ts for which resource reports which policy).
 */
export interface Problem {
  readonly checkId: string;
  readonly severity: Severity;
  test(s: Statement): Tri;
  /** What the statement allows, e.g. "allows `*` on `*` (full administrator access)". */
  says(s: Statement): string;
  /** What to do instead. */
  readonly fix: string;
  /** The question, for undecided statements: "grants full administrator access". */
  readonly question: string;
  /** AWS managed policies (by name) that commit this mistake, when their documents cannot be read. */
  readonly awsManaged?: 'admin' | 'notAction' | 'iam:*';
}

export const FULL_ADMIN: Problem = {
  checkId: 'AWS-IAM-001',
  severity: 'critical',
  test: grantsFullAdmin,
  says: () => 'allows `*` on `*` (full administrator access)',
  fix: 'grant only the actions and resources the principal needs',
  question: 'grants full administrator access',
  awsManaged: 'admin',
};

/** `service:*` on every resource; `except` leaves one service out (see AWS-IAM-002 on users). */
export function serviceWide(except?: string): Problem {
  return {
    checkId: 'AWS-IAM-002',
    severity: 'high',
    test: (s) => serviceWideGrants(s, except).grants,
    says: (s) => {
      const services = serviceWideGrants(s, except).services;
      return services.length > 0 ? `allows ${listWords(services.map((svc) => code(`${svc}:*`)))} on every resource` : 'may allow a service-wide wildcard on every resource';
    },
    fix: 'list the actions the principal needs and scope the resources',
    question: 'grants a service-wide wildcard on every resource',
    ...(except === 'iam' ? {} : { awsManaged: 'iam:*' as const }),
  };
}

export const SERVICE_WIDE: Problem = serviceWide();

/** `iam:*` on every resource, as AWS-IAM-002 reports it: what AWS-IAM-102 leaves to AWS-IAM-002 on a role. */
export const IAM_WIDE: Problem = {
  ...SERVICE_WIDE,
  test: (s) => {
    const g = serviceWideGrants(s);
    return g.grants === true && g.services.includes('iam');
  },
};

export const NOT_ACTION: Problem = {
  checkId: 'AWS-IAM-004',
  severity: 'medium',
  test: allowsNotAction,
  says: (s) => `allows every action except ${listWords((s.notAction ?? []).map((a) => code(a)))} (\`NotAction\` with \`Allow\`)`,
  fix: 'list the allowed actions with `Action` instead',
  question: 'allows with `NotAction`',
  awsManaged: 'notAction',
};

export const NOT_RESOURCE: Problem = {
  checkId: 'AWS-IAM-005',
  severity: 'medium',
  test: allowsNotResource,
  says: (s) => `allows its actions on every resource except ${listWords((s.notResource ?? []).map((r) => code(r)))} (\`NotResource\` with \`Allow\`)`,
  fix: 'list the allowed resources with `Resource` instead',
  question: 'allows with `NotResource`',
};

export const PASS_ROLE: Problem = {
  checkId: 'AWS-IAM-007',
  severity: 'high',
  test: passRoleOnAll,
  says: () => 'allows `iam:PassRole` on every role',
  fix: 'name the roles that may be passed in `Resource` and limit the services with `iam:PassedToService`',
  question: 'allows `iam:PassRole` on every role',
};

const AWS_MANAGED_SAYS: Record<NonNullable<Problem['awsManaged']>, string> = {
  admin: 'allows `*` on `*` (full administrator access)',
  notAction: 'allows every action except `iam:*`, `organizations:*` and `account:*` (`NotAction` with `Allow`)',
  'iam:*': 'allows `iam:*` on every resource',
};

export interface Subject {
  /** "role `badAppRole`", "managed policy `badAdminPolicy`". */
  readonly text: string;
  readonly documents: readonly NamedDocument[];
  /** Managed policy links of a principal (AWS managed ones are judged from their documents, else from the table). */
  readonly managedPolicies?: readonly Link[];
  /** Attached policies whose text is not among the inputs: each is undecided, at the line that attaches it. */
  readonly unreadable?: readonly { readonly at: Provenance; readonly what: string }[];
}

/**
 * Outcomes for one problem over a subject's documents: one failure per offending statement (at the statement) or
 * offending AWS managed attachment (at the line that attaches it), one unknown per undecidable statement, unresolved
 * document or unreadable attached policy.
 */
export function problemOutcomes(ctx: CheckContext, subject: Subject, p: Problem): Outcome[] {
  const out: Outcome[] = [];
  const { hits, unknownDocs } = scanDocuments(subject.documents, p.test);
  for (const h of hits) out.push(hitOutcome(ctx, subject, p, h));
  out.push(...awsManagedOutcomes(ctx, subject, p));
  for (const d of unknownDocs) out.push(ctx.unknown(d.document, `cannot read ${subject.text}${d.label ? ` ${d.label}` : ''}`));
  for (const u of subject.unreadable ?? []) out.push(ctx.unknown(u.at, `cannot tell whether ${subject.text} ${p.question}: it attaches ${u.what}`));
  return out.length > 0 ? out : [ctx.pass()];
}

/**
 * The AWS managed policies a principal attaches, judged from their documents (the IAM service reads the shipped
 * copies: `AmazonS3FullAccess` allows `s3:*` on `*`): one finding per attachment, at the line that attaches it. Without
 * the service (a library caller that builds none), from the table of the few policies whose grants matter most.
 */
function awsManagedOutcomes(ctx: CheckContext, subject: Subject, p: Problem): Outcome[] {
  const out: Outcome[] = [];
  const iam = ctx.services.iam;
  const byTable = new Map(attachedAwsManaged(subject.managedPolicies ?? []).map((m) => [m.at, m] as const));
  for (const l of subject.managedPolicies ?? []) {
    if (!l.known) continue;
    const name = awsManagedPolicyName(l.value);
    if (name === undefined) continue;
    const json = iam?.awsManagedPolicyDocument(l.value);
    if (json === undefined) {
      const m = byTable.get(l.at);
      if (p.awsManaged !== undefined && m?.grant === p.awsManaged) {
        out.push(ctx.fail(l.at, `${subject.text} attaches the AWS managed policy ${code(name)}, which ${AWS_MANAGED_SAYS[p.awsManaged]}; ${p.fix}`));
      }
      continue;
    }
    const says = [...new Set(statementsOf({ json, at: l.at, partial: false }).filter((st) => p.test(st) === true).map((st) => p.says(st)))];
    if (says.length > 0) out.push(ctx.fail(l.at, `${subject.text} attaches the AWS managed policy ${code(name)}, which ${says.join(' and ')}; ${p.fix}`));
  }
  return out;
}

function hitOutcome(ctx: CheckContext, subject: Subject, p: Problem, h: StatementHit): Outcome {
  if (h.status === 'unknown') return ctx.unknown(h.statement.at, `cannot tell whether ${subject.text} ${where(h)} ${p.question}: part of it is not known before deployment`);
  return ctx.fail(h.statement.at, `${subject.text} ${where(h)} ${p.says(h.statement)}; ${p.fix}`);
}
