import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';
import { compilePolicy, MAX_POLICY_CHARS } from './policy.js';
import { principalFromArn } from './principals.js';
import type { RequestPrincipal } from './types.js';

const alice = principalFromArn('arn:aws:iam::111122223333:user/alice') as RequestPrincipal;

describe('compilePolicy', () => {
  it('indexes statements by service and keeps wildcards and NotAction in every candidate list', () => {
    const p = compilePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Allow', Action: ['sqs:SendMessage', 'S3:PutObject'], Resource: '*' },
        { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
        { Effect: 'Allow', Action: '*', Resource: '*' },
      ],
    }, { id: 'p', type: 'identity' });
    expect(p.candidates('s3')).toEqual([0, 1, 2, 3]);
    expect(p.candidates('sqs')).toEqual([1, 2, 3]);
    expect(p.candidates('ec2')).toEqual([2, 3]);
  });

  it('gives statement spans from the text', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}\n  ]\n}';
    const p = compilePolicy(text, { id: 'p', type: 'identity' });
    expect(p.statements.map((s) => s.ref.span)).toEqual([
      { start: { line: 4, column: 5 }, end: { line: 4, column: 56 } },
      { start: { line: 5, column: 5 }, end: { line: 5, column: 59 } },
    ]);
  });

  it('records a skip rather than crashing on hostile input', () => {
    for (const bad of ['', '[]', 'null', '{"Version": 1, "Statement": []}', '{"Version": "2012-10-17"}', 'x'.repeat(MAX_POLICY_CHARS + 1)]) {
      const p = compilePolicy(bad, { id: 'p', type: 'identity' });
      expect(p.broken, bad.slice(0, 20)).toBeDefined();
      expect(p.issues.length).toBeGreaterThan(0);
    }
    // Statements that are not statements are undetermined one by one; the rest of the policy still evaluates.
    const weird = compilePolicy({ Version: '2012-10-17', Statement: [null, 3, { Effect: 'Allow', Action: [1, {}], Resource: [[]] }] } as never, { id: 'p', type: 'identity' });
    expect(weird.statements.every((s) => s.undetermined !== undefined)).toBe(true);
    const five = compilePolicy('{"Version": "2012-10-17", "Statement": 5}', { id: 'p', type: 'identity' });
    expect(five.statements[0]?.undetermined).toBe('not an object');
  });

  it('evaluates a huge policy correctly and without blow-up', () => {
    const Statement = Array.from({ length: 5000 }, (_, i) => ({ Effect: 'Allow', Action: `s3:GetObject`, Resource: `arn:aws:s3:::bucket-${i}/*` }));
    Statement.push({ Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-4999/secret/*' } as never);
    const p = compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement }), { id: 'big', type: 'identity' });
    expect(p.issues).toEqual([]);
    const ask = (resource: string): string => authorize({ identity: [p] }, { principal: alice, action: 's3:GetObject', resource }, { catalog: null }).decision;
    expect(ask('arn:aws:s3:::bucket-4321/x')).toBe('allowed');
    expect(ask('arn:aws:s3:::bucket-4999/secret/x')).toBe('explicitDeny');
    expect(ask('arn:aws:s3:::bucket-5000/x')).toBe('implicitDeny');
  });
});
