import type { Link, Tri } from '../../../model/index.js';
import type { CheckContext, Outcome, Severity } from '../../kit/types.js';
import type { NamedDocument, StatementHit } from '../shared/iam.js';
import { allowsNotAction, allowsNotResource, attachedAwsManaged, grantsFullAdmin, passRoleOnAll, scanDocuments, serviceWideGrants, where } from '../shared/iam.js';
import type { Statement } from '../shared/policy.js';
import { code, listWords } from '../shared/text.js';

/**
 * The least-privilege mistakes the IAM checks look for in identity policy statements, each with the check that owns
 * it, a severity and words for the message. The single-purpose checks (AWS-IAM-001/002/004/005/007) use one each on
 * role policies; the policy-level checks (AWS-IAM-009/010) use all of them on managed and group policies.
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
  /** AWS managed policies (by name) that commit this mistake. */
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

export const SERVICE_WIDE: Problem = {
  checkId: 'AWS-IAM-002',
  severity: 'high',
  test: (s) => serviceWideGrants(s).grants,
  says: (s) => {
    const services = serviceWideGrants(s).services;
    return services.length > 0 ? `allows ${listWords(services.map((svc) => code(`${svc}:*`)))} on every resource` : 'may allow a service-wide wildcard on every resource';
  },
  fix: 'list the actions the principal needs and scope the resources',
  question: 'grants a service-wide wildcard on every resource',
  awsManaged: 'iam:*',
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

export const ALL_PROBLEMS: readonly Problem[] = [FULL_ADMIN, SERVICE_WIDE, NOT_ACTION, NOT_RESOURCE, PASS_ROLE];

const AWS_MANAGED_SAYS: Record<NonNullable<Problem['awsManaged']>, string> = {
  admin: 'allows `*` on `*` (full administrator access)',
  notAction: 'allows every action except `iam:*`, `organizations:*` and `account:*` (`NotAction` with `Allow`)',
  'iam:*': 'allows `iam:*` on every resource',
};

export interface Subject {
  /** "role `badAppRole`", "managed policy `badAdminPolicy`". */
  readonly text: string;
  readonly documents: readonly NamedDocument[];
  /** Managed policy links of a principal (AWS managed ones are judged from the table). */
  readonly managedPolicies?: readonly Link[];
}

/**
 * Outcomes for `problems` over a subject's documents: one failure per offending statement (at the statement), one
 * unknown per undecidable statement or unresolved document. With `override`, each failure carries its problem's
 * severity (for the policy-level checks that report several kinds of mistake).
 */
export function problemOutcomes(ctx: CheckContext, subject: Subject, problems: readonly Problem[], override = false): Outcome[] {
  const out: Outcome[] = [];
  const extra = (p: Problem): { severity?: Severity } => (override ? { severity: p.severity } : {});
  const unknownDocs = new Set<NamedDocument>();
  for (const p of problems) {
    const { hits, unknownDocs: u } = scanDocuments(subject.documents, p.test);
    for (const d of u) unknownDocs.add(d);
    for (const h of hits) out.push(hitOutcome(ctx, subject, p, h, extra(p)));
    if (p.awsManaged) {
      for (const m of attachedAwsManaged(subject.managedPolicies ?? [])) {
        if (m.grant !== p.awsManaged) continue;
        out.push(ctx.fail(m.at, `${subject.text} attaches the AWS managed policy ${code(m.name)}, which ${AWS_MANAGED_SAYS[p.awsManaged]}; ${p.fix}`, extra(p)));
      }
    }
  }
  for (const d of unknownDocs) {
    out.push(ctx.unknown(d.document, `cannot read ${subject.text} ${d.label}`));
  }
  return out.length > 0 ? out : [ctx.pass()];
}

function hitOutcome(ctx: CheckContext, subject: Subject, p: Problem, h: StatementHit, extra: { severity?: Severity }): Outcome {
  if (h.status === 'unknown') return ctx.unknown(h.statement.at, `cannot tell whether ${subject.text} ${where(h)} ${p.question}: part of it is not known before deployment`);
  return ctx.fail(h.statement.at, `${subject.text} ${where(h)} ${p.says(h.statement)}; ${p.fix}`, extra);
}
