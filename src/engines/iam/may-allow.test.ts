import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../model/core/json.js';
import { authorize } from './authorize.js';
import { mayAllow, readsRequestContext } from './may-allow.js';
import { compilePolicy } from './policy.js';
import type { RequestPrincipal } from './types.js';

const V = '2012-10-17';
const doc = (...Statement: JsonValue[]): JsonValue => ({ Version: V, Statement });
const identity = (d: JsonValue, id = 'i') => compilePolicy(d, { id, type: 'identity' });
const resource = (d: JsonValue, id = 'r') => compilePolicy(d, { id, type: 'resource' });

const alice: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::111122223333:user/alice', account: '111122223333', name: 'alice' };
const ops: RequestPrincipal = {
  kind: 'roleSession', arn: 'arn:aws:sts::111122223333:assumed-role/ops/s', roleArn: 'arn:aws:iam::111122223333:role/ops',
  account: '111122223333', roleName: 'ops', sessionName: 's',
};
const outsider: RequestPrincipal = { kind: 'user', arn: 'arn:aws:iam::999999999999:user/x', account: '999999999999', name: 'x' };

describe('mayAllow', () => {
  it('finds the Allow statements that name an action, through wildcards and NotAction', () => {
    const p = identity(doc({ Effect: 'Allow', Action: 'iam:Create*', Resource: '*' }, { Effect: 'Allow', NotAction: 's3:*', Resource: 'arn:aws:ec2:*' }));
    expect(mayAllow([p], 'iam:CreateUser')).toBe(true);
    expect(mayAllow([p], 'IAM:createuser')).toBe(true);
    expect(mayAllow([p], 'ec2:RunInstances')).toBe(true);
    expect(mayAllow([p], 's3:GetObject')).toBe(false);
    expect(mayAllow([p], 'iam:DeleteUser')).toBe(true);
    expect(mayAllow([], 's3:GetObject')).toBe(false);
  });

  it('ignores Deny statements and never rules out what it cannot read', () => {
    expect(mayAllow([identity(doc({ Effect: 'Deny', Action: '*', Resource: '*' }))], 's3:GetObject')).toBe(false);
    expect(mayAllow([compilePolicy('<unknown: computed>', { id: 'u', type: 'identity' })], 's3:GetObject')).toBe(true);
    expect(mayAllow([identity(doc({ Effect: 'Allow', Action: '<unknown: var.actions>', Resource: '*' }))], 's3:GetObject')).toBe(true);
    expect(mayAllow([identity(doc({ Effect: 'Maybe', Action: 's3:*', Resource: '*' }))], 's3:GetObject')).toBe(true);
    // sts:GetCallerIdentity is allowed whatever the policies say.
    expect(mayAllow([], 'sts:GetCallerIdentity')).toBe(true);
  });

  it('matches the principal of resource policies: named directly, through the role, the account, *, or NotPrincipal', () => {
    const named = resource(doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' }));
    expect(mayAllow([named], 'sts:AssumeRole', alice)).toBe(true);
    expect(mayAllow([named], 'sts:AssumeRole', ops)).toBe(false);
    const account = resource(doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }));
    expect(mayAllow([account], 'sts:AssumeRole', ops)).toBe(true);
    expect(mayAllow([account], 'sts:AssumeRole', outsider)).toBe(false);
    const role = resource(doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ops' }, Action: 'sts:AssumeRole' }));
    expect(mayAllow([role], 'sts:AssumeRole', ops)).toBe(true);
    expect(mayAllow([resource(doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }))], 'sts:AssumeRole', outsider)).toBe(true);
    const not = resource(doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 's3:GetObject', Resource: '*' }));
    expect(mayAllow([not], 's3:GetObject', alice)).toBe(true);
    expect(mayAllow([not], 's3:GetObject', outsider)).toBe(true);
    const service = resource(doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    expect(mayAllow([service], 'sts:AssumeRole', alice)).toBe(false);
    expect(mayAllow([service], 'sts:AssumeRole', { kind: 'service', service: 'lambda.amazonaws.com' })).toBe(true);
  });

  it('never rules out a request that evaluation allows or cannot decide', () => {
    const identities = [
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' }),
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }),
      doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/${aws:username}' }),
    ].map((d, k) => identity(d, `i${k}`));
    const resources = [
      doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }),
      doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: ['sts:AssumeRole', 'kms:*'], Resource: '*' }),
      doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ops' }, Action: '*', Resource: '*' }),
      doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }),
      doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::999999999999:user/x' }, Action: 's3:PutObject', Resource: '*' }),
    ].map((d, k) => resource(d, `r${k}`));
    const requests = [
      ['s3:GetObject', 'arn:aws:s3:::b/k'], ['s3:PutObject', 'arn:aws:s3:::b/k'], ['iam:PassRole', 'arn:aws:iam::111122223333:role/alice'],
      ['sts:AssumeRole', 'arn:aws:iam::111122223333:role/ops'], ['kms:Decrypt', 'arn:aws:kms:eu-west-1:111122223333:key/k'],
      ['ec2:RunInstances', '*'], ['iam:CreateUser', '*'],
    ] as const;
    let ruledOut = 0;
    let checked = 0;
    for (const principal of [alice, ops, outsider, { kind: 'anonymous' } as const]) {
      for (let mask = 0; mask < 1 << identities.length; mask += 3) {
        const ids = identities.filter((_, k) => (mask & (1 << k)) !== 0);
        for (const rp of [undefined, ...resources]) {
          for (const [action, res] of requests) {
            const may = mayAllow(ids, action) || (rp !== undefined && mayAllow([rp], action, principal));
            checked++;
            if (may) continue;
            ruledOut++;
            const r = authorize({ identity: ids, ...(rp !== undefined ? { resource: [rp] } : {}) }, {
              principal, action, resource: res, resourceAccount: '111122223333', context: {}, contextOptions: { missingKeys: 'unknown' },
            });
            expect(['implicitDeny', 'explicitDeny'], `${action} ${JSON.stringify(principal)} ${ids.map((p) => p.id)} ${rp?.id}`).toContain(r.decision);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(ruledOut).toBeGreaterThan(checked / 5);
  });
});

describe('readsRequestContext', () => {
  it('is true for conditions and policy variables only', () => {
    expect(readsRequestContext(identity(doc({ Effect: 'Allow', Action: '*', Resource: '*' })))).toBe(false);
    expect(readsRequestContext(identity(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })))).toBe(true);
    expect(readsRequestContext(identity(doc({ Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::1:user/${aws:username}' })))).toBe(true);
  });
});
