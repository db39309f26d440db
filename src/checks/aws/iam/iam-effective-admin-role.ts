import { defineCheck } from '../../kit/define-check.js';
import type { IamRole } from '../../../model/index.js';
import type { CheckContext } from '../../kit/types.js';
import { NO_SERVICE, citeAll, evidenceOf, whereOf } from '../shared/engine-outcomes.js';
import type { Problem } from './problems.js';
import { judgePolicies } from './policy-subject.js';
import { FULL_ADMIN, IAM_WIDE } from './problems.js';

/**
 * Whether a policy check already reports the grant on the role's own policies: AWS-IAM-001 for `*` on `*`, and, for a
 * role that is an administrator through IAM writes alone, AWS-IAM-002 for `iam:*` on every resource. One finding per
 * role for that mistake.
 */
function reportedByPolicyCheck(role: IamRole, ctx: CheckContext, problem: Problem): boolean {
  const out = judgePolicies(role, ctx, problem);
  return (Array.isArray(out) ? out : [out]).some((o) => o.status === 'fail');
}

export default defineCheck({
  id: 'AWS-IAM-102',
  title: 'IAM role is not an effective administrator',
  severity: 'medium',
  provider: 'aws',
  service: 'iam',
  target: 'aws.iam.role',
  rationale:
    'A role is an administrator when its inline and attached policies, within its permissions boundary, allow every ' +
    'action on every resource or every IAM write. Judged by evaluation, so admin access assembled from several ' +
    'policies is found and access removed by an explicit deny or a boundary is not reported. Whoever can assume or ' +
    'pass such a role (a workload, a CI system, another account) holds the whole account. A role whose own policies ' +
    'allow `*` on `*` (or attach `AdministratorAccess`) is AWS-IAM-001\'s finding, and one that is an administrator ' +
    'through IAM writes its own policies grant with `iam:*` on every resource (or `IAMFullAccess`) is AWS-IAM-002\'s: ' +
    'neither is reported twice.',
  remediation: {
    summary: 'Scope the role to the actions and resources its workload uses (IAM Access Analyzer can generate a policy from CloudTrail), or set a permissions boundary.',
    cli: 'aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    terraform: 'resource "aws_iam_role" "app" {\n  name                 = "app"\n  assume_role_policy   = data.aws_iam_policy_document.trust.json\n  permissions_boundary = aws_iam_policy.app_boundary.arn\n}',
    cloudformation: 'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    PermissionsBoundary: !Ref AppBoundary\n    AssumeRolePolicyDocument: ...',
  },
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
  ],
  compliance: { 'cis-aws-3.0': ['1.16'] },
  evaluate(role, ctx) {
    const iam = ctx.services.iam;
    if (iam === undefined) return ctx.unknown(role.at, NO_SERVICE);
    if (role.path.known && role.path.value.startsWith('/aws-service-role/')) return ctx.notApplicable();
    if (reportedByPolicyCheck(role, ctx, FULL_ADMIN)) return ctx.notApplicable();
    const name = role.name.known ? role.name.value : role.native.name;
    const a = iam.administrator(role.key);
    if (a.level === 'none') return ctx.pass();
    if (a.level === 'iam' && reportedByPolicyCheck(role, ctx, IAM_WIDE)) return ctx.notApplicable();
    if (a.level === 'unknown') return ctx.unknown(whereOf(a.grantedBy, role.at), `whether role \`${name}\` is an administrator depends on values not known before deployment: ${a.reason}`);
    const what = a.level === 'full' ? 'perform every action on every resource' : 'perform every IAM write action, enough to grant itself anything';
    return ctx.fail(whereOf(a.grantedBy, role.at), `role \`${name}\` can ${what} (through ${citeAll(a.grantedBy)}); scope it to what its workload uses`, { evidence: evidenceOf(a.grantedBy) });
  },
});
