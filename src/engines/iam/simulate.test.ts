import { describe, expect, it } from 'vitest';
import { explainResult } from './explain.js';
import { simulateBatch, simulateCustomPolicy } from './simulate.js';

const ADMIN_S3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::team', 'arn:aws:s3:::team/*'] },
    { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
  ],
}, null, 2);

describe('simulateCustomPolicy', () => {
  it('answers in the AWS CLI shape, one result per action and resource, with statement positions', () => {
    const out = simulateCustomPolicy({
      PolicyInputList: [ADMIN_S3],
      ActionNames: ['s3:GetObject', 's3:DeleteObject'],
      ResourceArns: ['arn:aws:s3:::team/a.txt', 'arn:aws:s3:::other/b.txt'],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.response.IsTruncated).toBe(false);
    expect(out.response.EvaluationResults.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::team/a.txt', 'allowed'],
      ['s3:GetObject', 'arn:aws:s3:::other/b.txt', 'implicitDeny'],
      ['s3:DeleteObject', 'arn:aws:s3:::team/a.txt', 'explicitDeny'],
      ['s3:DeleteObject', 'arn:aws:s3:::other/b.txt', 'explicitDeny'],
    ]);
    const first = out.response.EvaluationResults[0];
    expect(first?.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 15, Column: 6 } },
    ]);
    expect(out.response.EvaluationResults[2]?.MatchedStatements[0]).toMatchObject({ StartPosition: { Line: 16, Column: 5 } });
  });

  it('reports missing context keys and infers context key types', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] }, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      }],
    });
    const missing = simulateCustomPolicy({ PolicyInputList: [policy], ActionNames: ['ec2:CreateTags'] });
    expect(missing.ok && missing.response.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'implicitDeny', MissingContextValues: ['aws:RequestedRegion', 'aws:TagKeys'],
    });
    // aws:TagKeys is ArrayOfString in the Service Authorization Reference: one value still makes a list.
    const given = simulateCustomPolicy({
      PolicyInputList: [policy], ActionNames: ['ec2:CreateTags'],
      ContextEntries: [
        { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['env'] },
        { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'] },
      ],
    });
    expect(given.ok && given.response.EvaluationResults[0]?.EvalDecision).toBe('allowed');
  });

  it('takes boundaries, SCP levels, RCPs, session and endpoint policies', () => {
    const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const s3Only = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const out = simulateCustomPolicy({
      PolicyInputList: [allowAll],
      PermissionsBoundaryPolicyInputList: [allowAll],
      ServiceControlPolicies: [[allowAll], [s3Only]],
      ActionNames: ['s3:GetObject', 'ec2:RunInstances'],
      ResourceArns: ['arn:aws:s3:::b/k'],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const [s3, ec2] = out.response.EvaluationResults;
    expect(s3).toMatchObject({ EvalDecision: 'allowed', OrganizationsDecisionDetail: { AllowedByOrganizations: true }, PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
    expect(ec2).toMatchObject({ EvalDecision: 'implicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
  });

  it('simulates a resource policy across accounts', () => {
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const bucket = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:user/carol' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }],
    });
    const out = simulateCustomPolicy({
      PolicyInputList: [identity], ResourcePolicy: bucket, ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::shared/x'],
      ResourceOwner: 'arn:aws:iam::111122223333:root', CallerArn: 'arn:aws:iam::444455556666:user/carol',
    });
    expect(out.ok && out.response.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'allowed', EvalDecisionDetails: { 'IAM Policy': 'allowed', resource: 'allowed' },
    });
    expect(out.ok && out.response.EvaluationResults[0]?.MatchedStatements.map((s) => s.SourcePolicyId)).toEqual(['PolicyInputList.1', 'ResourcePolicy']);
  });

  it('refuses malformed policies with a typed error and position, as AWS does', () => {
    const out = simulateCustomPolicy({ PolicyInputList: ['{"Version": "2012-10-17", "Statement": ['], ActionNames: ['s3:GetObject'] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.Code).toBe('MalformedPolicyDocument');
    expect(out.error.Issues?.[0]).toMatchObject({ code: 'malformed-json', policyId: 'PolicyInputList.1', at: { line: 1 } });
  });

  it('rejects bad input shapes', () => {
    for (const bad of [null, [], { ActionNames: [] }, { ActionNames: ['s3:GetObject'], Bogus: 1 },
      { ActionNames: ['s3:GetObject'], ResourcePolicy: '{}' }, { ActionNames: ['s3:GetObject'], ServiceControlPolicies: ['x'] },
      { ActionNames: ['s3:GetObject'], ContextEntries: [{ ContextKeyName: 'a', ContextKeyValues: ['b'], ContextKeyType: 'float' }] }]) {
      const out = simulateCustomPolicy(bad);
      expect(out.ok, JSON.stringify(bad)).toBe(false);
      if (!out.ok) expect(out.error.Code).toBe('InvalidInput');
    }
  });

  it('answers a batch in order', () => {
    const p = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
    const out = simulateBatch([
      { PolicyInputList: [p], ActionNames: ['sqs:SendMessage'] },
      { PolicyInputList: [p], ActionNames: ['sns:Publish'] },
      { ActionNames: 'nope' },
    ]);
    expect(Array.isArray(out)).toBe(true);
    const arr = out as Exclude<typeof out, { ok: boolean }>;
    expect(arr.map((o) => (o.ok ? o.response.EvaluationResults[0]?.EvalDecision : o.error.Code))).toEqual(['allowed', 'implicitDeny', 'InvalidInput']);
  });

  it('explains decisions in words', () => {
    const out = simulateCustomPolicy({ PolicyInputList: [ADMIN_S3], ActionNames: ['s3:DeleteObject', 's3:PutObject', 'sts:GetCallerIdentity'], ResourceArns: ['arn:aws:s3:::team/a'] });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const words = out.pairs.map((p) => explainResult(p.result));
    expect(words[0]).toContain('Denied explicitly by PolicyInputList.1 statement 2 "NoDelete"');
    expect(words[1]).toContain('Denied implicitly');
    expect(words[2]).toContain('sts:GetCallerIdentity needs no permission');
  });
});

describe('simulateCustomPolicy with unreadable values', () => {
  it('answers unknown for a statement whose condition value cannot be read, instead of refusing the policy', () => {
    const p = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
        { Effect: 'Deny', Action: 'sns:Publish', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns' } } },
      ],
    });
    const out = simulateCustomPolicy({ PolicyInputList: [p], ActionNames: ['sns:Publish'], ContextEntries: [{ ContextKeyName: 'aws:SourceArn', ContextKeyValues: ['arn:aws:sns:us-east-1:111122223333:t'] }] });
    expect(out.ok && out.response.EvaluationResults[0]?.EvalDecision).toBe('unknown');
  });
});
