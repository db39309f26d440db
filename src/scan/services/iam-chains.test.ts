import { describe, expect, it } from 'vitest';
import { loadCloudFormation } from '../../loaders/cloudformation/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Resource } from '../../model/index.js';
import { linkFragments } from '../link.js';
import { IamFacade } from './iam.js';

/**
 * Escalation through role chaining: each hop is an evaluated sts:AssumeRole, and a chain is reported only for what
 * its start does not gain more directly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
const A = '111122223333';
const trust = (principal: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });
const allow = (action: string, resource: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const role = (name: string, trustedBy: string, policies: object[] = [], managed: string[] = []) => ({
  Type: 'AWS::IAM::Role',
  Properties: { RoleName: name, AssumeRolePolicyDocument: trust(trustedBy), Policies: policies.map((d, k) => ({ PolicyName: `p${k}`, PolicyDocument: d })), ManagedPolicyArns: managed },
});
const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Dev: { Type: 'AWS::IAM::User', Properties: { UserName: 'dev', Policies: [{ PolicyName: 'hop', PolicyDocument: allow('sts:AssumeRole', `arn:aws:iam::${A}:role/*`) }] } },
    // dev → jump (trusted by the account) → admin (trusted only by jump): two hops to an administrator.
    Jump: role('jump', `arn:aws:iam::${A}:root`, [allow('sts:AssumeRole', `arn:aws:iam::${A}:role/admin`)]),
    Admin: role('admin', `arn:aws:iam::${A}:role/jump`, [], ['arn:aws:iam::aws:policy/AdministratorAccess']),
    // dev → builder, which can rewrite the policy attached to itself: a direct path of builder, reached in one hop.
    Builder: role('builder', `arn:aws:iam::${A}:root`, [allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/builder-policy`)], [`arn:aws:iam::${A}:policy/builder-policy`]),
    BuilderPolicy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: 'builder-policy', PolicyDocument: allow('s3:GetObject', '*') } },
    // A cycle that leads nowhere: ping ↔ pong.
    Ping: role('ping', `arn:aws:iam::${A}:role/pong`, [allow('sts:AssumeRole', `arn:aws:iam::${A}:role/pong`)]),
    Pong: role('pong', `arn:aws:iam::${A}:role/ping`, [allow('sts:AssumeRole', `arn:aws:iam::${A}:role/ping`)]),
  },
});

function service(): IamFacade {
  const r = loadCloudFormation('t.json', TEMPLATE, { parameters: { 'AWS::AccountId': A } });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new IamFacade(new ResourceGraph<Resource>(linkFragments(r.resources, r.fragments).resources));
}

describe('IAM escalation through role chains', () => {
  const iam = service();
  const key = (name: string): string => iam.findPrincipal(name)[0]?.key ?? name;

  it('follows sts:AssumeRole hops to an administrator, each hop cited', () => {
    const dev = iam.escalationPaths(key('dev'));
    const chain = dev.find((p) => p.gains === 'role admin');
    expect(chain).toMatchObject({ method: 'sts:AssumeRole → sts:AssumeRole', decision: 'allowed' });
    expect(chain?.steps.map((s) => s.description)).toEqual([
      'user dev can assume role jump',
      'role jump can assume role admin',
      'role admin is an administrator',
    ]);
    expect(chain?.steps[0]?.citations.map((c) => c.policy)).toContain('inline policy `hop` of user dev');
    // Directly, dev cannot assume admin: its trust names jump only.
    expect(iam.can(key('dev'), 'sts:AssumeRole', `arn:aws:iam::${A}:role/admin`).decision).toBe('denied');
    // jump itself reaches admin in one hop: a direct path, not a chain.
    expect(iam.escalationPaths(key('jump')).map((p) => [p.method, p.gains])).toEqual([['sts:AssumeRole', 'role admin']]);
  });

  it('ends a chain at a role with a direct path, with that path\'s steps', () => {
    const viaBuilder = iam.escalationPaths(key('dev')).find((p) => p.gains === 'role builder (any permission)');
    expect(viaBuilder?.method).toBe('sts:AssumeRole → iam:CreatePolicyVersion');
    expect(viaBuilder?.steps[0]?.description).toBe('user dev can assume role builder');
    expect(viaBuilder?.steps[1]?.description).toContain('role builder can create a new default version of');
  });

  it('ends on cycles that lead nowhere', () => {
    expect(iam.escalationPaths(key('ping'))).toEqual([]);
    expect(iam.escalationPaths(key('pong'))).toEqual([]);
  });
});
