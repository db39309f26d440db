import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../kit/types.js';
import { context, group, managedPolicy, outcomes, role, statuses, user } from '../__fixtures__/model.js';
import allowNotAction from './iam-allow-not-action.js';
import allowNotResource from './iam-allow-not-resource.js';
import fullAdmin from './iam-full-admin.js';
import passRole from './iam-pass-role-all.js';
import serviceWildcard from './iam-service-wildcard.js';
import trust from './iam-trust-any-principal.js';
import userAdmin from './iam-user-admin.js';
import userGroups from './iam-user-groups-only.js';

const V = '2012-10-17';
const stmt = (s: Record<string, unknown>) => ({ Version: V, Statement: [s] }) as never;
const assume = (principal: unknown, condition?: unknown) => stmt({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describe('AWS-IAM-003 trust policy open to any principal', () => {
  const run = (trustPolicy: unknown) => {
    const r = role('AppRole', { trust: trustPolicy as never });
    return outcomes(trust.evaluate(r, context(r)));
  };

  // The field guide's example: {"AWS": "*"} with sts:AssumeRole and no condition.
  it('fails for AWS "*" and "*" without a condition, at the statement', () => {
    const [o] = run(assume({ AWS: '*' }));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('role `AppRole` trust policy statement 1 lets any AWS principal assume the role');
    expect(run(assume('*')).map((x) => x.status)).toEqual(['fail']);
  });

  it('passes a named account, a service principal, or a fixed restricting condition', () => {
    expect(statuses(run(assume({ AWS: 'arn:aws:iam::111122223333:root' })))).toEqual(['pass']);
    expect(statuses(run(assume({ Service: 'lambda.amazonaws.com' })))).toEqual(['pass']);
    expect(statuses(run(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })))).toEqual(['pass']);
    expect(statuses(run(assume({ AWS: '*' }, { StringEquals: { 'sts:ExternalId': 'c0ffee-42' } })))).toEqual(['pass']);
    expect(statuses(run(assume({ AWS: '*' }, { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci' } })))).toEqual(['pass']);
  });

  it('fails when the condition does not pin who may assume', () => {
    expect(statuses(run(assume({ AWS: '*' }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })))).toEqual(['fail']);
    expect(statuses(run(assume({ AWS: '*' }, { StringLike: { 'aws:PrincipalOrgID': '*' } })))).toEqual(['fail']);
    expect(statuses(run(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' } })))).toEqual(['fail']);
    expect(statuses(run(assume({ AWS: '*' }, { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } })))).toEqual(['fail']);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html: NotPrincipal with
  // Allow trusts everyone except the listed principals.
  it('treats Allow with NotPrincipal as open', () => {
    expect(statuses(run(stmt({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' })))).toEqual(['fail']);
  });

  it('is unknown when the restricting value is not known before deployment', () => {
    expect(statuses(run(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': '<unknown: `var.org_id` has no value>' } })))).toEqual(['unknown']);
    expect(statuses(run(assume('<unknown: `!ImportValue TrustedPrincipal`>')))).toEqual(['unknown']);
  });

  it('ignores Deny statements and statements that do not allow assuming the role', () => {
    expect(statuses(run(stmt({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' })))).toEqual(['pass']);
    expect(statuses(run(stmt({ Effect: 'Allow', Principal: '*', Action: 'sts:TagSession' })))).toEqual(['pass']);
    expect(statuses(run(stmt({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:*' })))).toEqual(['fail']);
  });

  it('accepts a Deny guard for everyone outside the organisation', () => {
    const guarded = { Version: V, Statement: [
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
    ] };
    expect(statuses(run(guarded))).toEqual(['pass']);
  });
});

describe('role policy checks', () => {
  const admin = stmt({ Effect: 'Allow', Action: '*', Resource: '*' });

  it('AWS-IAM-001 fails inline `*:*` on `*` and the attached AdministratorAccess, not a customer managed policy', () => {
    const r = role('Ops', { inline: { all: stmt({ Effect: 'Allow', Action: '*:*', Resource: '*' }) }, managed: ['arn:aws:iam::aws:policy/AdministratorAccess', 'CustomerAdmin'] });
    const ctx = context(r, managedPolicy('CustomerAdmin', admin));
    const out = outcomes(fullAdmin.evaluate(r, ctx));
    expect(out.map((o) => o.status)).toEqual(['fail', 'fail']);
    expect(out.map((o) => ('at' in o ? o.at.line : 0))).toEqual([20, 30]);
  });

  it('AWS-IAM-001 passes scoped statements', () => {
    const r = role('App', { inline: { s3: stmt({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }) } });
    expect(statuses(fullAdmin.evaluate(r, context(r)))).toEqual(['pass']);
  });

  it('AWS-IAM-002 names the service-wide wildcards on every resource', () => {
    const r = role('App', { inline: { p: stmt({ Effect: 'Allow', Action: ['s3:*', 'sqs:SendMessage'], Resource: 'arn:aws:s3:::*' }) } });
    const [o] = outcomes(serviceWildcard.evaluate(r, context(r)));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('allows `s3:*` on every resource');
    const scoped = role('App', { inline: { p: stmt({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' }) } });
    expect(statuses(serviceWildcard.evaluate(scoped, context(scoped)))).toEqual(['pass']);
  });

  it('AWS-IAM-007 flags explicit PassRole on all roles, leaving `*` and `iam:*` to 001/002', () => {
    const run = (s: Record<string, unknown>) => { const r = role('Deployer', { inline: { p: stmt(s) } }); return statuses(passRole.evaluate(r, context(r))); };
    expect(run({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })).toEqual(['fail']);
    expect(run({ Effect: 'Allow', Action: 'iam:Pass*', Resource: 'arn:aws:iam::111122223333:role/*' })).toEqual(['fail']);
    expect(run({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*' })).toEqual(['pass']);
    expect(run({ Effect: 'Allow', Action: 'iam:*', Resource: '*' })).toEqual(['pass']);
    expect(run({ Effect: 'Allow', Action: '*', Resource: '*' })).toEqual(['pass']);
  });
});

describe('AWS-IAM-006 user administrator access', () => {
  const admin = { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

  it('fails through AdministratorAccess, an admin customer policy, or a group', () => {
    const direct = user('alice', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(statuses(userAdmin.evaluate(direct, context(direct)))).toEqual(['fail']);
    const viaPolicy = user('bob', { managed: ['TeamAdmin'] });
    expect(statuses(userAdmin.evaluate(viaPolicy, context(viaPolicy, managedPolicy('TeamAdmin', admin))))).toEqual(['fail']);
    const viaGroup = user('carol', { groups: ['Admins'] });
    const admins = group('Admins', { managed: ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess'] });
    expect(statuses(userAdmin.evaluate(viaGroup, context(viaGroup, admins)))).toEqual(['fail']);
  });

  it('finds membership written on the group side', () => {
    const dave = user('dave');
    const admins = group('Admins', { inline: { all: admin }, members: ['dave'] });
    const [o] = outcomes(userAdmin.evaluate(dave, context(dave, admins)));
    expect(o && 'message' in o ? o.message : '').toContain('is a member of group `Admins`');
  });

  it('passes a user whose groups grant scoped permissions, and is unknown for a group outside the inputs', () => {
    const erin = user('erin', { groups: ['Readers'] });
    const readers = group('Readers', { managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect(statuses(userAdmin.evaluate(erin, context(erin, readers)))).toEqual(['pass']);
    const frank = user('frank', { groups: ['SharedAdmins'] });
    expect(statuses(userAdmin.evaluate(frank, context(frank)))).toEqual(['unknown']);
  });
});

describe('AWS-IAM-008 users get permissions through groups', () => {
  it('fails direct attachments, passes group-only users', () => {
    const u = user('gina', { inline: { p: { Version: V, Statement: [] } }, managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const [o] = outcomes(userGroups.evaluate(u, context(u)));
    expect(o && 'message' in o ? o.message : '').toBe('user `gina` has inline policy `p` and managed policy `arn:aws:iam::aws:policy/ReadOnlyAccess` attached directly; grant them through a group instead');
    const g = user('hank', { groups: ['Developers'] });
    expect(statuses(userGroups.evaluate(g, context(g)))).toEqual(['pass']);
  });
});

describe('policy checks wherever the policy is written (AWS-IAM-009 and AWS-IAM-010 folded in)', () => {
  it('reports each mistake in a managed policy with its own severity (was AWS-IAM-009)', () => {
    const p = managedPolicy('Broad', { Version: V, Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' },
    ] });
    const out = [fullAdmin, allowNotAction, allowNotResource].flatMap((check) =>
      outcomes(check.evaluate(p, context(p))).map((o) => (o.status === 'fail' ? o.severity ?? check.severity : o.status)));
    expect(out).toEqual(['critical', 'medium', 'medium']);
  });

  it('reports PowerUserAccess on a group (was AWS-IAM-010)', () => {
    const g = group('Devs', { managed: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
    const [o] = outcomes(allowNotAction.evaluate(g, context(g)));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('attaches the AWS managed policy `PowerUserAccess`');
  });

  it("reports a user's own inline mistakes, at the statement", () => {
    const u = user('ivan', { inline: { work: { Version: V, Statement: [
      { Effect: 'Allow', Action: ['s3:*', 'sqs:SendMessage'], Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 's3:PutObject', NotResource: 'arn:aws:s3:::payroll/*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
    ] } } });
    const ctx = context(u);
    const message = (o: Outcome | undefined): string => (o && 'message' in o ? o.message : '');
    expect(message(outcomes(serviceWildcard.evaluate(u, ctx))[0])).toBe('user `ivan` inline policy `work` statement 1 allows `s3:*` on every resource; list the actions the principal needs and scope the resources');
    expect(statuses(allowNotAction.evaluate(u, ctx))).toEqual(['fail']);
    expect(statuses(allowNotResource.evaluate(u, ctx))).toEqual(['fail']);
    expect(message(outcomes(passRole.evaluate(u, ctx))[0])).toContain('user `ivan` inline policy `work` statement 4 allows `iam:PassRole` on every role');
    expect(statuses(fullAdmin.evaluate(u, ctx))).toEqual(['pass']);
  });

  it('judges a customer managed policy of the inputs on the policy only, however it is attached', () => {
    const p = managedPolicy('TeamPower', { Version: V, Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] });
    // By key, and by an ARN whose account the template does not know (tied to the policy by its name).
    const r = role('Build', { managed: ['TeamPower'] });
    const g = group('Builders', { managed: ['arn:aws:iam::000000000000:policy/TeamPower'] });
    const ctx = context(p, r, g);
    expect(statuses(allowNotAction.evaluate(p, ctx))).toEqual(['fail']);
    expect(statuses(allowNotAction.evaluate(r, ctx))).toEqual(['pass']);
    expect(statuses(allowNotAction.evaluate(g, ctx))).toEqual(['pass']);
  });

  it('is undecided, at the attachment, for a customer managed policy that is not among the inputs', () => {
    const r = role('Build', { managed: ['arn:aws:iam::111122223333:policy/shared-deploy'] });
    const out = outcomes(passRole.evaluate(r, context(r)));
    expect(out.map((o) => o.status)).toEqual(['unknown']);
    const [o] = out;
    expect(o && 'message' in o ? o.message : '').toBe('cannot tell whether role `Build` allows `iam:PassRole` on every role: it attaches managed policy `arn:aws:iam::111122223333:policy/shared-deploy`, which is not among the inputs');
    expect(o && o.status === 'unknown' ? o.at.line : 0).toBe(30);
  });

  // An authorization-details export lists the AWS managed policies in use as policies; they are judged where attached.
  it('leaves an AWS managed policy listed as a policy to the principals that attach it', () => {
    const admin = { ...managedPolicy('AdministratorAccess', { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), key: 'arn:aws:iam::aws:policy/AdministratorAccess' };
    const r = role('Ops', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const ctx = context(admin, r);
    expect(statuses(fullAdmin.evaluate(admin, ctx))).toEqual(['notApplicable']);
    expect(statuses(fullAdmin.evaluate(r, ctx))).toEqual(['fail']);
  });
});

describe('one finding per user for administrator access (AWS-IAM-006 over AWS-IAM-001/002)', () => {
  it('AWS-IAM-001 leaves to AWS-IAM-006 a user it reports', () => {
    const u = user('judy', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'], inline: { all: stmt({ Effect: 'Allow', Action: '*', Resource: '*' }) } });
    expect(statuses(userAdmin.evaluate(u, context(u)))).toEqual(['fail']);
    expect(statuses(fullAdmin.evaluate(u, context(u)))).toEqual(['notApplicable']);
  });
});
