/**
 * AWS-IAM-003, AWS-S3-003 and AWS-KMS-002 as a scan runs them: judged by the IAM engine, with the statements read one
 * by one only where the engine cannot decide. (Their unit tests beside each check run them without the engine.)
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../kit/context.js';
import type { CheckContext } from '../../kit/types.js';
import type { JsonValue, KmsKey, Resource, S3Bucket } from '../../../model/index.js';
import { ResourceGraph, defaulted, known } from '../../../model/index.js';
import { buildIamService } from '../../../scan/services/iam.js';
import { at, doc, outcomes, role } from '../__fixtures__/model.js';
import trust from '../iam/iam-trust-any-principal.js';
import keyPolicy from '../kms/kms-policy-public.js';
import bucketPolicy from '../s3/s3-policy-public.js';

const V = '2012-10-17';
const ACCOUNT = '<unknown: `AWS::AccountId` is known only at deployment>';

function withEngine(...resources: Resource[]): CheckContext {
  const graph = new ResourceGraph<Resource>(resources);
  return createContext(graph, { iam: buildIamService(graph) });
}

function judge(statement: Record<string, unknown>): { status: string; message: string; severity?: string } {
  const r = role('AppRole', { trust: { Version: V, Statement: [statement] } as JsonValue });
  const [o] = outcomes(trust.evaluate(r, withEngine(r)));
  return { status: o?.status ?? 'none', message: o && 'message' in o ? o.message : '', ...(o?.status === 'fail' && o.severity ? { severity: o.severity } : {}) };
}

const assume = (principal: unknown, condition?: unknown) => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

describe('AWS-IAM-003 with the IAM engine', () => {
  it('fails a trust any account can meet, once per role, naming the statement', () => {
    const o = judge(assume({ AWS: '*' }, { Bool: { 'aws:SecureTransport': 'true' } }));
    expect(o.status).toBe('fail');
    expect(o.message).toContain('role `AppRole` can be assumed by any AWS account (trust policy of role AppRole statement 1)');
    expect(o.message).toContain('its conditions on `aws:SecureTransport` do not keep outsiders out');
  });

  // Every signed request carries aws:PrincipalAccount, and AssumeRole is always signed: the IfExists form pins the
  // account as firmly as StringEquals (the statements read alone cannot see that, and report it).
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalaccount
  it('passes an account pinned with StringEqualsIfExists on aws:PrincipalAccount', () => {
    expect(judge(assume({ AWS: '*' }, { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } })).status).toBe('pass');
  });

  // Any account can create a role named `ci`: a pattern whose account is `*` pins nobody.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
  it('fails an aws:PrincipalArn pattern whose account is a wildcard, and passes one with a fixed account', () => {
    expect(judge(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' } })).status).toBe('fail');
    expect(judge(assume({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } })).status).toBe('pass');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
  it('fails GitHub OIDC trust checked only for the audience, and passes it pinned to a repository', () => {
    const provider = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' };
    const web = (condition: unknown) => ({ Effect: 'Allow', Principal: provider, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
    const audOnly = judge(web({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }));
    expect(audOnly.status).toBe('fail');
    expect(audOnly.message).toContain('any GitHub repository');
    expect(judge(web({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } })).status).toBe('pass');
  });

  it('reads the known text where the engine cannot decide: the stack account root is one account, a wholly unknown principal is undecided', () => {
    expect(judge(assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` })).status).toBe('pass');
    expect(judge(assume({ AWS: '<unknown: `!ImportValue TrustedPrincipal`>' })).status).toBe('unknown');
    expect(judge(assume({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': '<unknown: `var.org_id` has no value>' } })).status).toBe('unknown');
  });

  it('passes a service principal and a named account', () => {
    expect(judge(assume({ Service: 'lambda.amazonaws.com' })).status).toBe('pass');
    expect(judge(assume({ AWS: 'arn:aws:iam::111122223333:root' })).status).toBe('pass');
  });
});

function bucket(policy: JsonValue, blocked = false, partial = false): S3Bucket {
  const a = at();
  return {
    kind: 'aws.s3.bucket', key: 'b', aliases: ['acme-data'], native: { type: 'AWS::S3::Bucket', name: 'DataBucket', address: 'DataBucket' }, at: a,
    name: known('acme-data', a),
    publicAccessBlock: known({ blockPublicAcls: known(true, a), ignorePublicAcls: known(true, a), blockPublicPolicy: known(blocked, a), restrictPublicBuckets: known(blocked, a) }, a),
    encryption: defaulted({ algorithm: defaulted('AES256', a), kmsKey: defaulted(null, a), bucketKeyEnabled: defaulted(false, a) }, a),
    versioning: defaulted(false, a), mfaDelete: defaulted(false, a), logging: defaulted(null, a),
    // `partial`: some strings are built from known and unknown parts, as loaders mark them.
    policy: partial ? known({ json: policy, at: at(10), partial: true }, at(10)) : doc(policy),
    acl: defaulted('private', a), objectOwnership: defaulted('BucketOwnerEnforced', a),
  };
}

describe('AWS-S3-003 with the IAM engine', () => {
  const grant = (principal: JsonValue, condition?: JsonValue, resource: JsonValue = 'arn:aws:s3:::acme-data/*'): JsonValue =>
    ({ Version: V, Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: resource, ...(condition ? { Condition: condition } : {}) }] });
  const run = (p: JsonValue, blocked = false, partial = false) => {
    const b = bucket(p, blocked, partial);
    return outcomes(bucketPolicy.evaluate(b, withEngine(b)));
  };

  it('fails a public read once, for anyone on the internet, and at low severity when Block Public Access blocks it', () => {
    const [o] = run(grant('*'));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('bucket `acme-data` lets anyone on the internet and any AWS account call `s3:GetObject`');
    expect(o && o.status === 'fail' ? o.severity : 'none').toBeUndefined();
    const [p] = run(grant('*'), true);
    expect(p && p.status === 'fail' ? p.severity : 'none').toBe('low');
    expect(p && 'message' in p ? p.message : '').toContain('Block Public Access (`BlockPublicPolicy`, `RestrictPublicBuckets`) blocks it today');
  });

  // "The meaning of public": a fixed aws:SourceVpce pins the caller's network.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
  it('passes a fixed VPC endpoint and the organisation, fails an analytics role of any account', () => {
    expect(run(grant('*', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } })).map((o) => o.status)).toEqual(['pass']);
    expect(run(grant({ AWS: '*' }, { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })).map((o) => o.status)).toEqual(['pass']);
    expect(run(grant({ AWS: '*' }, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/analytics' } })).map((o) => o.status)).toEqual(['fail']);
  });

  it('reads the statements where the bucket resource is known only at deployment', () => {
    const partial = `arn:aws:s3:::<unknown: \`!Ref Bucket\` is known only after deployment>/*`;
    expect(run(grant('*', undefined, partial), false, true).map((o) => o.status)).toEqual(['fail']);
    expect(run(grant({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, undefined, partial), false, true).map((o) => o.status)).toEqual(['pass']);
  });
});

function key(policy: JsonValue): KmsKey {
  const a = at();
  return {
    kind: 'aws.kms.key', key: 'k', aliases: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    native: { type: 'AWS::KMS::Key', name: 'DataKey', address: 'DataKey' }, at: a,
    rotationEnabled: known(true, a), policy: doc(policy), keySpec: defaulted('SYMMETRIC_DEFAULT', a), enabled: defaulted(true, a),
  };
}

describe('AWS-KMS-002 with the IAM engine', () => {
  const open = (condition: unknown) => ({ Version: V, Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*', Condition: condition },
  ] }) as JsonValue;
  const run = (p: JsonValue) => { const k = key(p); return outcomes(keyPolicy.evaluate(k, withEngine(k))); };

  // kms:ViaService pins the service the key is used through; a principal of any account can call that service.
  // https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
  it('fails kms:ViaService alone, passes it with kms:CallerAccount', () => {
    const [o] = run(open({ StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } }));
    expect(o?.status).toBe('fail');
    expect(o && 'message' in o ? o.message : '').toContain('KMS key `DataKey` lets any AWS account call `kms:Decrypt`, `kms:GenerateDataKey`');
    expect(run(open({ StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com', 'kms:CallerAccount': '111122223333' } })).map((x) => x.status)).toEqual(['pass']);
  });
});
