import { describe, expect, it } from 'vitest';
import type { JsonValue, S3Bucket } from '../../../model/index.js';
import { defaulted, known } from '../../../model/index.js';
import { at, context, doc, outcomes, statuses } from '../__fixtures__/model.js';
import policyPublic from './s3-policy-public.js';
import tls from './s3-deny-insecure-transport.js';

function bucket(policy: JsonValue | null, blockPolicy = false): S3Bucket {
  const a = at();
  return {
    kind: 'aws.s3.bucket', key: 'b', aliases: ['acme-data'], native: { type: 'AWS::S3::Bucket', name: 'DataBucket', address: 'DataBucket' }, at: a,
    name: known('acme-data', a),
    publicAccessBlock: known({ blockPublicAcls: known(true, a), ignorePublicAcls: known(true, a), blockPublicPolicy: known(blockPolicy, a), restrictPublicBuckets: known(blockPolicy, a) }, a),
    encryption: defaulted({ algorithm: defaulted('AES256', a), kmsKey: defaulted(null, a), bucketKeyEnabled: defaulted(false, a) }, a),
    versioning: defaulted(false, a), mfaDelete: defaulted(false, a), logging: defaulted(null, a),
    policy: policy === null ? defaulted(null, a) : doc(policy), acl: defaulted('private', a), objectOwnership: defaulted('BucketOwnerEnforced', a),
  };
}
const deny = (condition: JsonValue, resource: JsonValue = ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*']) =>
  ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resource, Condition: condition }] }) as JsonValue;

describe('AWS-S3-004 deny requests without TLS', () => {
  const run = (p: JsonValue | null) => { const b = bucket(p); return outcomes(tls.evaluate(b, context(b))); };

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
  it('passes the documented aws:SecureTransport deny, with "false" as a string or a boolean', () => {
    expect(statuses(run(deny({ Bool: { 'aws:SecureTransport': 'false' } })))).toEqual(['pass']);
    expect(statuses(run(deny({ Bool: { 'aws:SecureTransport': false } })))).toEqual(['pass']);
  });

  // A plain-HTTP request has no s3:TlsVersion, and a condition on a missing key is false unless …IfExists:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
  it('does not count NumericLessThan s3:TlsVersion without IfExists as denying HTTP', () => {
    expect(statuses(run(deny({ NumericLessThan: { 's3:TlsVersion': '1.2' } })))).toEqual(['fail']);
    expect(statuses(run(deny({ NumericLessThanIfExists: { 's3:TlsVersion': '1.2' } })))).toEqual(['pass']);
  });

  it('fails a deny on the bucket ARN only, and no policy at all', () => {
    const [o] = run(deny({ Bool: { 'aws:SecureTransport': 'false' } }, 'arn:aws:s3:::acme-data'));
    expect(o && 'message' in o ? o.message : '').toContain('for the bucket but not its objects');
    expect(statuses(run(null))).toEqual(['fail']);
  });

  it('is unknown when the condition is not known before deployment', () => {
    expect(statuses(run(deny({ Bool: { 'aws:SecureTransport': '<unknown: `var.flag` has no value>' } })))).toEqual(['unknown']);
  });
});

describe('AWS-S3-003 bucket policy open to anyone', () => {
  const open = { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' }] } as JsonValue;

  it('fails at high severity, or low when Block Public Access blocks the policy', () => {
    const b = bucket(open);
    const [o] = outcomes(policyPublic.evaluate(b, context(b)));
    expect(o?.status).toBe('fail');
    expect(o && o.status === 'fail' ? o.severity : 'none').toBeUndefined();
    const blocked = bucket(open, true);
    const [p] = outcomes(policyPublic.evaluate(blocked, context(blocked)));
    expect(p && p.status === 'fail' ? p.severity : 'none').toBe('low');
    expect(p && 'message' in p ? p.message : '').toContain('Block Public Access (`BlockPublicPolicy`, `RestrictPublicBuckets`) blocks it today');
  });

  // "The meaning of public": a fixed aws:SourceVpce or a set of aws:SourceIp ranges makes the policy non-public.
  it('passes a fixed VPC endpoint or source range', () => {
    const conditions: JsonValue[] = [{ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }];
    for (const condition of conditions) {
      const p = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', Condition: condition }] };
      const b = bucket(p);
      expect(statuses(policyPublic.evaluate(b, context(b)))).toEqual(['pass']);
    }
  });
});

describe('partly known policy strings (`arn:aws:s3:::<unknown: …>/*`)', () => {
  const ACCT = '<unknown: `AWS::AccountId` is known only at deployment>';
  const NAME = '<unknown: `!Ref Bucket` is known only after deployment>';

  it('AWS-S3-003 passes a grant to the account root whose account is unknown, and stays unknown for an unknown principal', () => {
    const grant = (principal: JsonValue) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${NAME}/*` }] }) as JsonValue;
    const own = bucket(grant({ AWS: `arn:aws:iam::${ACCT}:root` }));
    expect(statuses(policyPublic.evaluate(own, context(own)))).toEqual(['pass']);
    const unknownWho = bucket(grant({ AWS: ACCT }));
    expect(statuses(policyPublic.evaluate(unknownWho, context(unknownWho)))).toEqual(['unknown']);
  });

  it('AWS-S3-004 judges a partly known resource by its known ending', () => {
    const tlsDeny = { Bool: { 'aws:SecureTransport': 'false' } };
    const run = (p: JsonValue) => { const b = bucket(p); return outcomes(tls.evaluate(b, context(b))); };
    expect(statuses(run(deny(tlsDeny, [`arn:aws:s3:::${NAME}`, `arn:aws:s3:::${NAME}/*`])))).toEqual(['pass']);
    expect(statuses(run(deny(tlsDeny, [`${NAME}/*`])))).toEqual(['pass']);
    // The objects under one fixed key only: the rest of the bucket accepts plain HTTP.
    const [o] = run(deny(tlsDeny, [`arn:aws:s3:::${NAME}/index.html`]));
    expect(o && 'message' in o ? o.message : '').toContain('for the bucket but not its objects');
    // Ending in an unknown part: it could be `bucket/*`, read as this bucket's objects as a wholly unknown one is.
    expect(statuses(run(deny(tlsDeny, [`arn:aws:s3:::${NAME}`])))).toEqual(['pass']);
  });
});

