import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { canCommand } from './can.js';
import { simulateCommand } from './simulate.js';
import { whoCanCommand } from './who-can.js';

const here = dirname(fileURLToPath(import.meta.url));
const auth = join(here, '..', '..', 'loaders', 'aws-iam-auth', '__fixtures__', 'authorization-details.json');

let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('parapet simulate / can / who-can', () => {
  it('simulate prints the AWS CLI response and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parapet-sim-'));
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify({
      PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
    }));
    await simulateCommand().parseAsync(['--input', file], { from: 'user' });
    expect(process.exitCode).toBe(0);
    const json = JSON.parse(out) as { EvaluationResults: { EvalDecision: string }[] };
    expect(json.EvaluationResults.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
  });

  it('simulate exits 2 on an unreadable file or a refused policy', async () => {
    await simulateCommand().parseAsync(['--input', '/nonexistent/in.json'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(out).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'parapet-sim-'));
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify({ PolicyInputList: ['{'], ActionNames: ['s3:GetObject'] }));
    await simulateCommand().parseAsync(['--input', file, '--format', 'table'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(out).toContain('MalformedPolicyDocument');
  });

  it('can answers in JSON with the documented keys', async () => {
    await canCommand().parseAsync([auth, '--principal', 'carol', '--action', 'iam:PassRole', '--resource', 'arn:aws:iam::111122223333:role/app-lambda', '--format', 'json', '-q'], { from: 'user' });
    expect(process.exitCode).toBe(0);
    const json = JSON.parse(out) as { decision: string; grantedBy: { policy: string }[] };
    expect(json.decision).toBe('allowed');
    expect(json.grantedBy[0]?.policy).toBe('inline policy `pass-and-run` of user carol');
  });

  it('can refuses an unknown principal and an action of no provider with exit 2', async () => {
    await canCommand().parseAsync([auth, '--principal', 'nobody', '--action', 's3:GetObject', '--resource', '*', '-q'], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(err).toContain('no user or role `nobody`');
    process.exitCode = undefined;
    await canCommand().parseAsync([auth, '--principal', 'bob', '--action', 'GetObject', '--resource', '*', '-q'], { from: 'user' });
    expect(process.exitCode).toBe(2);
  });

  it('who-can lists principals with how they get there', async () => {
    await whoCanCommand().parseAsync([auth, '--action', 'iam:CreateUser', '--resource', '*', '--format', 'json', '-q'], { from: 'user' });
    const json = JSON.parse(out) as { principals: { name: string; via: string[] }[] };
    expect(json.principals.find((p) => p.name === 'web')?.via).toEqual(['sts:AssumeRole ops']);
  });
});
