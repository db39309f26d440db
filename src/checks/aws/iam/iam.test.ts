import { describe, expect, it } from 'vitest';
import { context, group, managedPolicy, outcomes, role, statuses, user } from '../__fixtures__/model.js';
import fullAdmin from './iam-full-admin.js';
import groupPolicy from './iam-group-policy-least-privilege.js';
import managedPolicyCheck from './iam-managed-policy-least-privilege.js';
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

describe('policy-level checks', () => {
  it('AWS-IAM-009 reports each mistake in a managed policy with its own severity', () => {
    const p = managedPolicy('Broad', { Version: V, Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' },
    ] });
    const out = outcomes(managedPolicyCheck.evaluate(p, context(p)));
    expect(out.map((o) => (o.status === 'fail' ? o.severity : o.status))).toEqual(['critical', 'medium', 'medium']);
  });

  it('AWS-IAM-010 reports PowerUserAccess on a group', () => {
    const g = group('Devs', { managed: ['arn:aws:iam::aws:policy/PowerUserAccess'] });
    const [o] = outcomes(groupPolicy.evaluate(g, context(g)));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('attaches the AWS managed policy `PowerUserAccess`');
  });
});
