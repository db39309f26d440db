import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAuthorizationDetails } from '../../loaders/aws-iam-auth/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Attr, EmbeddedDocument, JsonValue } from '../../model/core/index.js';
import type { Resource } from '../../model/index.js';
import { IamFacade } from './iam.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '..', '..', 'loaders', 'aws-iam-auth', '__fixtures__', 'authorization-details.json');
const loaded = loadAuthorizationDetails('auth.json', readFileSync(fixture, 'utf8'));
const iam = new IamFacade(new ResourceGraph<Resource>(loaded.resources));
const key = (name: string): string => {
  const [p] = iam.findPrincipal(name);
  if (p === undefined) throw new Error(name);
  return p.key;
};

describe('IAM service on an authorization-details estate', () => {
  it('finds principals by name, ARN or key', () => {
    expect(iam.findPrincipal('alice').map((p) => p.arn)).toEqual(['arn:aws:iam::111122223333:user/alice']);
    expect(iam.findPrincipal('arn:aws:iam::111122223333:role/ops').map((p) => p.name)).toEqual(['ops']);
    expect(iam.findPrincipal('nobody')).toEqual([]);
  });

  it('answers can with the statements that decide, through groups and AWS managed policies', () => {
    const a = iam.can(key('alice'), 's3:DeleteBucket', 'arn:aws:s3:::logs');
    expect(a.decision).toBe('allowed');
    expect(a.grantedBy[0]).toMatchObject({ policy: 'arn:aws:iam::aws:policy/AdministratorAccess', statement: 1 });
    const b = iam.can(key('bob'), 's3:DeleteBucket', 'arn:aws:s3:::logs');
    expect(b).toMatchObject({ decision: 'denied', detail: 'explicitDeny' });
    expect(b.deniedBy[0]?.policy).toBe('inline policy `dev-access` of group developers');
    expect(b.deniedBy[0]?.at?.file).toBe('auth.json');
    // carol's ReadOnlyAccess comes from the shipped catalogue: it is not in the export's Policies list.
    expect(iam.can(key('carol'), 's3:GetObject', 'arn:aws:s3:::logs/x').decision).toBe('allowed');
    expect(iam.can(key('carol'), 's3:PutObject', 'arn:aws:s3:::logs/x').decision).toBe('denied');
  });

  it('keeps the permissions boundary in force', () => {
    // bob's deployer policy allows cloudformation:*; his boundary allows it too; ec2 is outside both.
    expect(iam.can(key('bob'), 'cloudformation:CreateStack', '*').decision).toBe('allowed');
    expect(iam.can(key('dave'), 'cloudformation:CreateStack', '*').decision).toBe('allowed');
  });

  it('judges administrators by evaluation', () => {
    expect(iam.administrator(key('alice')).level).toBe('full');
    expect(iam.administrator(key('app-lambda')).level).toBe('full');
    expect(iam.administrator(key('ops')).level).toBe('iam');
    expect(iam.administrator(key('bob')).level).toBe('none');
    expect(iam.administrator(key('carol')).level).toBe('none');
  });

  it('judges trust policies for outsiders', () => {
    expect(iam.trustExposure(key('partner-audit'))).toMatchObject({ exposure: 'public', who: ['any-account'] });
    // Named for one partner account: an unrelated account gets nothing, external id or not.
    expect(iam.trustExposure(key('vendor-access'))).toMatchObject({ exposure: 'none', restrictedBy: ['sts:ExternalId'] });
    // Open to every principal, but only inside the organisation; TLS is no restriction.
    expect(iam.trustExposure(key('org-shared'))).toMatchObject({
      exposure: 'restricted', restrictedBy: ['aws:PrincipalOrgID'], notRestrictedBy: ['aws:SecureTransport'],
    });
    expect(iam.trustExposure(key('app-lambda')).exposure).toBe('none');
  });

  it('finds privilege-escalation paths with their chain', () => {
    const bob = iam.escalationPaths(key('bob'));
    expect(bob.map((p) => [p.method, p.gains, p.decision])).toContainEqual(['iam:CreatePolicyVersion', 'itself (any permission)', 'allowed']);
    const carol = iam.escalationPaths(key('carol'));
    const pass = carol.find((p) => p.method.startsWith('iam:PassRole'));
    expect(pass).toMatchObject({ gains: 'role app-lambda', decision: 'allowed' });
    expect(pass?.steps.map((s) => s.description)).toEqual([
      'user carol can pass role app-lambda to lambda.amazonaws.com',
      'user carol can call lambda:CreateFunction',
      'user carol can call lambda:InvokeFunction',
      'role app-lambda trusts lambda.amazonaws.com',
      'role app-lambda is an administrator',
    ]);
    expect(pass?.steps[0]?.citations[0]?.policy).toBe('inline policy `pass-and-run` of user carol');
    const web = iam.escalationPaths(key('web'));
    expect(web.map((p) => [p.method, p.gains])).toContainEqual(['sts:AssumeRole', 'role ops']);
    expect(iam.escalationPaths(key('alice'))).toEqual([]);
    expect(iam.escalationPaths(key('dave'))).toEqual([]);
  });

  it('answers who-can, including through role chains', () => {
    const who = iam.whoCan('iam:CreateUser', 'arn:aws:iam::111122223333:user/new');
    expect(who.map((w) => [w.name, w.decision, w.via[0]]).sort()).toEqual([
      ['alice', 'allowed', 'arn:aws:iam::aws:policy/AdministratorAccess'],
      ['app-lambda', 'allowed', 'arn:aws:iam::aws:policy/AdministratorAccess'],
      ['ops', 'allowed', 'inline policy `ops-iam` of role ops'],
      ['web', 'allowed', 'sts:AssumeRole ops'],
    ]);
  });
});

describe('IAM service: what the inputs do not hold', () => {
  it('answers unknown for a role or key whose trust or key policy is not in the inputs', () => {
    const outside = iam.can(key('alice'), 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/not-in-inputs');
    expect(outside.decision).toBe('unknown');
    expect(outside.reason).toContain('is not in the inputs');
    expect(iam.can(key('alice'), 'kms:Decrypt', 'arn:aws:kms:eu-west-1:111122223333:key/abcd').decision).toBe('unknown');
    // Whatever the key policy says, an explicit deny in identity policies still decides.
    expect(iam.can(key('bob'), 's3:DeleteBucket', 'arn:aws:s3:::elsewhere').decision).toBe('denied');
  });
});

describe('IAM service: exposure of other resource policies', () => {
  it('judges SQS, SNS, Secrets Manager and Lambda policies for outsiders', () => {
    const at = { file: 'x.tf', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const doc = (statement: JsonValue): Attr<EmbeddedDocument | null> => ({ known: true, value: { json: { Version: '2012-10-17', Statement: [statement] }, at, partial: false }, at });
    const name = (v: string) => ({ known: true as const, value: v, at });
    const none = { known: true as const, value: null, at };
    const native = (n: string) => ({ type: 't', name: n, address: n });
    const resources: Resource[] = [
      { kind: 'aws.sqs.queue', key: 'q', aliases: ['arn:aws:sqs:eu-west-1:111122223333:jobs'], native: native('q'), at, name: name('jobs'), kmsKey: none,
        policy: doc({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }) },
      { kind: 'aws.sns.topic', key: 't', aliases: ['arn:aws:sns:eu-west-1:111122223333:alerts'], native: native('t'), at, name: name('alerts'), kmsKey: none,
        policy: doc({ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }) },
      { kind: 'aws.secretsmanager.secret', key: 's', aliases: [], native: native('s'), at, name: name('db'), kmsKey: none, rotation: none, secretString: none,
        policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) },
      { kind: 'aws.lambda.function', key: 'f', aliases: ['arn:aws:lambda:eu-west-1:111122223333:function:api'], native: native('f'), at, name: name('api'),
        role: { known: false, at, why: 'x' }, runtime: none, environment: { known: true, value: {}, at }, kmsKey: none,
        policy: doc({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: '*' }) },
    ];
    const svc = new IamFacade(new ResourceGraph<Resource>(resources));
    expect(svc.resourceExposure('q')).toMatchObject({ exposure: 'public', who: ['any-account'], actions: ['sqs:SendMessage'] });
    // aws:SourceAccount is the owner's account: only a service acting for it meets it.
    expect(svc.resourceExposure('t')).toMatchObject({ exposure: 'restricted', restrictedBy: ['aws:SourceAccount'] });
    // Named for one partner account: an unrelated account gets nothing.
    expect(svc.resourceExposure('s')?.exposure).toBe('none');
    expect(svc.resourceExposure('f')).toMatchObject({ exposure: 'public', actions: ['lambda:InvokeFunction'] });
  });
});
