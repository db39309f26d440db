import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAuthorizationDetails } from '../../loaders/aws-iam-auth/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Resource } from '../../model/index.js';
import { awsCan, awsWhoCan, isAwsAction, loadForQuery } from './aws-access.js';
import { simulate, simulateJson } from './simulate.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '..', '..', 'loaders', 'aws-iam-auth', '__fixtures__', 'authorization-details.json');
const estate = new ResourceGraph<Resource>(loadAuthorizationDetails('auth.json', readFileSync(fixture, 'utf8')).resources);

describe('aws-access queries', () => {
  it('tells AWS actions from Azure ones', () => {
    expect(isAwsAction('s3:GetObject')).toBe(true);
    expect(isAwsAction('Microsoft.Storage/storageAccounts/read')).toBe(false);
    expect(isAwsAction('s3')).toBe(false);
  });

  it('answers can in the documented JSON shape', () => {
    const out = awsCan(estate, 'bob', 's3:DeleteBucket', 'arn:aws:s3:::logs');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result).toMatchObject({
      decision: 'denied', principal: 'arn:aws:iam::111122223333:user/bob',
      deniedBy: [{ policy: 'inline policy `dev-access` of group developers', statement: 2, file: 'auth.json' }],
    });
    expect(Object.keys(out.result)).toEqual(['decision', 'reason', 'grantedBy', 'deniedBy', 'principal', 'action', 'resource', 'dependsOn']);
  });

  it('uses --context values', () => {
    // org-shared's trust needs aws:SecureTransport; without it the answer depends on it, with it the answer is yes.
    const without = awsCan(estate, 'dave', 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/org-shared');
    expect(without.ok && without.result).toMatchObject({ decision: 'unknown' });
    expect(without.ok && without.result.dependsOn).toEqual(expect.arrayContaining(['aws:SecureTransport']));
    const given = awsCan(estate, 'dave', 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/org-shared', {
      'aws:SecureTransport': ['true'], 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'],
    });
    expect(given.ok && given.result.decision).toBe('allowed');
  });

  it('judges a principal outside the inputs by the resource policy alone', () => {
    const out = awsCan(estate, 'arn:aws:iam::999999999999:user/eve', 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/partner-audit');
    expect(out.ok && out.result.decision).toBe('unknown');
    const shut = awsCan(estate, 'arn:aws:iam::999999999999:user/eve', 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/ops');
    expect(shut.ok && shut.result.decision).toBe('denied');
  });

  it('refuses unknown principals and non-AWS actions with typed errors', () => {
    expect(awsCan(estate, 'nobody', 's3:GetObject', '*')).toMatchObject({ ok: false, error: { code: 'no-principal' } });
    expect(awsCan(estate, 'bob', 'Microsoft.Compute/virtualMachines/read', '*')).toMatchObject({ ok: false, error: { code: 'bad-action' } });
  });

  it('answers who-can', () => {
    const out = awsWhoCan(estate, 'iam:PassRole', 'arn:aws:iam::111122223333:role/app-lambda');
    expect(out.ok && out.result.principals.map((p) => p.name).sort()).toEqual(['alice', 'app-lambda', 'carol', 'ops', 'web']);
  });

  it('loads the export through the scan pipeline (format detection by content)', async () => {
    const loaded = await loadForQuery([fixture]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.estate.ofKind('aws.iam.role').length).toBe(6);
  });
});

describe('simulate query', () => {
  it('renders the AWS CLI JSON, errors as {Error}', () => {
    const p = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
    const single = JSON.parse(simulateJson(simulate({ PolicyInputList: [p], ActionNames: ['sqs:SendMessage'] }))) as { EvaluationResults: { EvalDecision: string }[] };
    expect(single.EvaluationResults[0]?.EvalDecision).toBe('allowed');
    const batch = JSON.parse(simulateJson(simulate([{ PolicyInputList: ['{'], ActionNames: ['a:b'] }]))) as { Error: { Code: string } }[];
    expect(batch[0]?.Error.Code).toBe('MalformedPolicyDocument');
  });
});
