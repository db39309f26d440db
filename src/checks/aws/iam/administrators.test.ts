/**
 * AWS-IAM-006 (users) and AWS-IAM-102 (roles) as a scan runs them, judged by the IAM engine. AWS-IAM-006's unit tests
 * in iam.test.ts run it without the engine.
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../kit/context.js';
import type { CheckContext } from '../../kit/types.js';
import type { JsonValue, Resource } from '../../../model/index.js';
import { ResourceGraph, known } from '../../../model/index.js';
import { buildIamService } from '../../../scan/services/iam.js';
import { at, group, managedPolicy, outcomes, role, statuses, user } from '../__fixtures__/model.js';
import fullAdmin from './iam-full-admin.js';
import adminRole from './iam-effective-admin-role.js';
import serviceWildcard from './iam-service-wildcard.js';
import userAdmin from './iam-user-admin.js';

const V = '2012-10-17';
const allow = (Action: JsonValue, extra: Record<string, JsonValue> = {}): JsonValue => ({ Version: V, Statement: [{ Effect: 'Allow', Action, Resource: '*', ...extra }] });

function withEngine(...resources: Resource[]): CheckContext {
  const graph = new ResourceGraph<Resource>(resources);
  return createContext(graph, { iam: buildIamService(graph) });
}

describe('AWS-IAM-006 with the IAM engine', () => {
  it('fails AdministratorAccess at the line that attaches it, and every IAM write split from the rest', () => {
    const alice = user('alice', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const [o] = outcomes(userAdmin.evaluate(alice, withEngine(alice)));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('user `alice` has administrator access: it can perform every action on every resource');
    expect(o && o.status !== 'pass' && o.status !== 'notApplicable' ? o.at.line : 0).toBe(30);
    const split = user('sam', { inline: { identity: allow('iam:*') } });
    const [s] = outcomes(userAdmin.evaluate(split, withEngine(split)));
    expect(s && 'message' in s ? s.message : '').toContain('every IAM write action, enough to grant itself anything');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
  it('passes an administrator policy held in check by a boundary or an explicit deny', () => {
    const bounded = { ...user('bob', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] }), permissionsBoundary: known('arn:aws:iam::aws:policy/ReadOnlyAccess', at()) };
    expect(statuses(userAdmin.evaluate(bounded, withEngine(bounded)))).toEqual(['pass']);
    const denied = user('dan', { inline: { all: allow('*'), guard: { Version: V, Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] } } });
    expect(statuses(userAdmin.evaluate(denied, withEngine(denied)))).toEqual(['pass']);
  });

  it('finds administrators through groups, membership written on either side, and customer managed policies', () => {
    const admins = group('Admins', { inline: { all: allow('*') }, members: ['dave'] });
    const dave = user('dave');
    expect(statuses(userAdmin.evaluate(dave, withEngine(dave, admins)))).toEqual(['fail']);
    const carol = user('carol', { groups: ['Admins'] });
    expect(statuses(userAdmin.evaluate(carol, withEngine(carol, group('Admins', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] }))))).toEqual(['fail']);
    const erin = user('erin', { managed: ['TeamAdmin'] });
    expect(statuses(userAdmin.evaluate(erin, withEngine(erin, managedPolicy('TeamAdmin', allow('*')))))).toEqual(['fail']);
  });

  it('is unknown for a group outside the inputs, passes a reader', () => {
    const frank = user('frank', { groups: ['SharedAdmins'] });
    expect(statuses(userAdmin.evaluate(frank, withEngine(frank)))).toEqual(['unknown']);
    const gina = user('gina', { managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    expect(statuses(userAdmin.evaluate(gina, withEngine(gina)))).toEqual(['pass']);
  });
});

describe('AWS-IAM-102 leaves to AWS-IAM-001 and AWS-IAM-002 the roles they report', () => {
  it('is not applicable to a role whose own policies allow * on *, and fails one made administrator by a customer managed policy', () => {
    const direct = role('Deploy', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const ctx = withEngine(direct);
    expect(statuses(fullAdmin.evaluate(direct, ctx))).toEqual(['fail']);
    expect(statuses(adminRole.evaluate(direct, ctx))).toEqual(['notApplicable']);
    const viaPolicy = role('Build', { managed: ['Everything'] });
    const ctx2 = withEngine(viaPolicy, managedPolicy('Everything', allow('*')));
    expect(statuses(fullAdmin.evaluate(viaPolicy, ctx2))).toEqual(['pass']);
    expect(statuses(adminRole.evaluate(viaPolicy, ctx2))).toEqual(['fail']);
  });

  it('leaves to AWS-IAM-002 a role that administers IAM through its own `iam:*`, not one given it by a managed policy', () => {
    const helpdesk = role('Helpdesk', { managed: ['arn:aws:iam::aws:policy/IAMFullAccess'] });
    const ctx = withEngine(helpdesk);
    expect(statuses(serviceWildcard.evaluate(helpdesk, ctx))).toEqual(['fail']);
    expect(statuses(adminRole.evaluate(helpdesk, ctx))).toEqual(['notApplicable']);
    const inline = role('Provisioner', { inline: { iam: allow(['iam:*', 'sqs:SendMessage']) } });
    expect(statuses(adminRole.evaluate(inline, withEngine(inline)))).toEqual(['notApplicable']);
    const viaPolicy = role('Admin', { managed: ['IamAll'] });
    const ctx2 = withEngine(viaPolicy, managedPolicy('IamAll', allow('iam:*')));
    expect(statuses(serviceWildcard.evaluate(viaPolicy, ctx2))).toEqual(['pass']);
    expect(statuses(adminRole.evaluate(viaPolicy, ctx2))).toEqual(['fail']);
  });
});

describe('one finding per user for administrator access: AWS-IAM-001 and AWS-IAM-002 leave to AWS-IAM-006 the users it reports', () => {
  it('reports AdministratorAccess or `*` on `*` on a user once, as AWS-IAM-006', () => {
    const alice = user('alice', { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    const ctx = withEngine(alice);
    expect(statuses(userAdmin.evaluate(alice, ctx))).toEqual(['fail']);
    expect(statuses(fullAdmin.evaluate(alice, ctx))).toEqual(['notApplicable']);
    const ops = user('ops', { inline: { all: allow('*') } });
    const ctx2 = withEngine(ops);
    expect(statuses(userAdmin.evaluate(ops, ctx2))).toEqual(['fail']);
    expect(statuses(fullAdmin.evaluate(ops, ctx2))).toEqual(['notApplicable']);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html: the boundary takes the access
  // away, so AWS-IAM-006 passes; the written grant is still AWS-IAM-001's.
  it('AWS-IAM-001 reports the written `*` on `*` of a user a boundary keeps from being an administrator', () => {
    const bounded = { ...user('bob', { inline: { all: allow('*') } }), permissionsBoundary: known('arn:aws:iam::aws:policy/ReadOnlyAccess', at()) };
    const ctx = withEngine(bounded);
    expect(statuses(userAdmin.evaluate(bounded, ctx))).toEqual(['pass']);
    expect(statuses(fullAdmin.evaluate(bounded, ctx))).toEqual(['fail']);
  });

  it('AWS-IAM-002 leaves `iam:*` of a reported user to AWS-IAM-006, and still names its other service wildcards', () => {
    const sam = user('sam', { inline: { identity: allow(['iam:*', 's3:*']) } });
    const ctx = withEngine(sam);
    expect(statuses(userAdmin.evaluate(sam, ctx))).toEqual(['fail']);
    const [o] = outcomes(serviceWildcard.evaluate(sam, ctx));
    expect(o && 'message' in o ? o.message : '').toBe('user `sam` inline policy `identity` statement 1 allows `s3:*` on every resource; list the actions the principal needs and scope the resources');
    const helpdesk = user('helpdesk', { managed: ['arn:aws:iam::aws:policy/IAMFullAccess'] });
    const ctx2 = withEngine(helpdesk);
    expect(statuses(userAdmin.evaluate(helpdesk, ctx2))).toEqual(['fail']);
    expect(statuses(serviceWildcard.evaluate(helpdesk, ctx2))).toEqual(['pass']);
  });

  it('AWS-IAM-002 reports `iam:*` of a user AWS-IAM-006 does not report, and of roles and groups', () => {
    const guarded = user('tom', { inline: { identity: allow('iam:*'), guard: { Version: V, Statement: [{ Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: '*' }] } } });
    const ctx = withEngine(guarded);
    expect(statuses(userAdmin.evaluate(guarded, ctx))).toEqual(['pass']);
    expect(statuses(serviceWildcard.evaluate(guarded, ctx))).toEqual(['fail']);
    const helpdesk = group('Helpdesk', { managed: ['arn:aws:iam::aws:policy/IAMFullAccess'] });
    expect(statuses(serviceWildcard.evaluate(helpdesk, withEngine(helpdesk)))).toEqual(['fail']);
  });
});
