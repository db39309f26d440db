import { describe, expect, it } from 'vitest';
import type { EmbeddedDocument, JsonValue } from '../../../model/index.js';
import { pos } from '../../../model/index.js';
import {
  actionMatches, conditionRestricts, couldEqual, coversAllActions, coversAllOfService, coversAllResources, deniedOutsideFixedIdentities,
  isAllow, isUnknownLeaf, openToAnyone, principalIsAnyone, serviceWideService, some, statementsOf,
} from './policy.js';

function doc(json: JsonValue, statementLines?: number[]): EmbeddedDocument {
  return { json, at: pos('p.json', 1, 1), partial: false, ...(statementLines ? { statementAt: statementLines.map((l) => pos('p.json', l, 5)) } : {}) };
}

const U = '<unknown: `!GetAtt Bucket.Arn`>';

describe('statementsOf', () => {
  it('reads a single statement object and a list, normalising strings to lists', () => {
    const one = statementsOf(doc({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } }));
    expect(one).toHaveLength(1);
    expect(one[0]?.action).toEqual(['s3:GetObject']);
    expect(one[0]?.resource).toEqual(['*']);
    const two = statementsOf(doc({ Statement: [{ Sid: 'A', Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'x' }, { Effect: 'Allow' }] }, [3, 9]));
    expect(two.map((s) => s.sid)).toEqual(['A', undefined]);
    expect(two[0]?.notAction).toEqual(['iam:*']);
    expect(two[1]?.at.line).toBe(9);
  });

  it('keeps unresolved parts as unknown', () => {
    const [s] = statementsOf(doc({ Statement: [{ Effect: U, Action: ['s3:*', { Ref: 'X' }], Resource: U }] }));
    expect(isAllow(s!)).toBe('unknown');
    expect(some(s!.action, coversAllActions)).toBe('unknown');
    expect(some(s!.action, (a) => serviceWideService(a) !== undefined)).toBe(true);
  });

  it('reads nothing from a document without statements', () => {
    expect(statementsOf(doc({ Version: '2012-10-17' }))).toEqual([]);
    expect(statementsOf(doc('not an object'))).toEqual([]);
  });
});

describe('action and resource patterns', () => {
  it('recognises full wildcards, including *:*', () => {
    for (const a of ['*', '*:*', '**']) expect(coversAllActions(a)).toBe(true);
    for (const a of ['s3:*', '*:Get*', 'iam:PassRole']) expect(coversAllActions(a)).toBe(false);
  });

  it('recognises service-wide wildcards only', () => {
    expect(serviceWideService('s3:*')).toBe('s3');
    expect(serviceWideService('IAM:*')).toBe('iam');
    expect(serviceWideService('s3:Get*')).toBeUndefined();
    expect(serviceWideService('*')).toBeUndefined();
    expect(serviceWideService('s*:*')).toBeUndefined();
  });

  it('matches actions case-insensitively with wildcards', () => {
    expect(actionMatches('iam:Pass*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('IAM:*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:PassRoles', 'iam:PassRole')).toBe(false);
  });

  it('recognises every-resource patterns', () => {
    for (const r of ['*', 'arn:*', 'arn:aws:*:*:*:*', 'arn:aws:*:*:*:*:*']) expect(coversAllResources(r)).toBe(true);
    for (const r of ['arn:aws:s3:::*', 'arn:aws:s3:::bucket/*', 'arn:aws:*:*:111122223333:*']) expect(coversAllResources(r)).toBe(false);
    expect(coversAllOfService('arn:aws:s3:::*', 's3')).toBe(true);
    expect(coversAllOfService('arn:aws:iam::*:*', 'iam')).toBe(true);
    expect(coversAllOfService('arn:aws:iam::*:role/*', 'iam')).toBe(false);
    expect(coversAllOfService('arn:aws:s3:::*', 'iam')).toBe(false);
  });
});

describe('principalIsAnyone', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
  it('is true for "*" and AWS "*"', () => {
    expect(principalIsAnyone('*')).toBe(true);
    expect(principalIsAnyone({ AWS: '*' })).toBe(true);
    expect(principalIsAnyone({ AWS: ['arn:aws:iam::111122223333:root', '*'] })).toBe(true);
  });
  it('is false for specific principals', () => {
    expect(principalIsAnyone({ AWS: 'arn:aws:iam::111122223333:root' })).toBe(false);
    expect(principalIsAnyone({ Service: 'ec2.amazonaws.com' })).toBe(false);
    expect(principalIsAnyone({ Federated: 'cognito-identity.amazonaws.com' })).toBe(false);
    expect(principalIsAnyone(undefined)).toBe(false);
  });
  it('is unknown for an unresolved principal', () => {
    expect(principalIsAnyone(U)).toBe('unknown');
    expect(principalIsAnyone({ AWS: [U] })).toBe('unknown');
    expect(principalIsAnyone({ AWS: [U, '*'] })).toBe(true);
  });
});

describe('conditionRestricts (trust)', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid
  it('a fixed organisation, account, source or external id restricts', () => {
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, 'trust')).toEqual({ restricts: true, key: 'aws:PrincipalOrgID' });
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalAccount': ['111122223333', '444455556666'] } }, 'trust').restricts).toBe(true);
    expect(conditionRestricts({ StringEquals: { 'sts:ExternalId': 'Unique-3f1c' } }, 'trust').restricts).toBe(true);
    expect(conditionRestricts({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ci-*' } }, 'trust').restricts).toBe(true);
    expect(conditionRestricts({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } }, 'trust').restricts).toBe(true);
    // aws:ResourceAccount is the role's own account: a fixed value for that role.
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalAccount': '${aws:ResourceAccount}' } }, 'trust').restricts).toBe(true);
  });

  // Wildcards in *Like / Arn* operators match anything: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
  it('a wildcard that leaves the identity open does not restrict', () => {
    expect(conditionRestricts({ StringLike: { 'aws:PrincipalAccount': '*' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deploy' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringLike: { 'aws:PrincipalOrgPaths': '*/r-ab12/*' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringLike: { 'sts:ExternalId': ['abc', '*'] } }, 'trust').restricts).toBe(false);
  });

  it('StringEquals compares literally, so its "*" fixes the value to a literal star', () => {
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalAccount': '*' } }, 'trust').restricts).toBe(true);
  });

  // IfExists passes when the key is absent; ForAllValues passes on an empty set:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
  it('IfExists, ForAllValues, negated operators and unrelated keys do not restrict', () => {
    expect(conditionRestricts({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts(undefined, 'trust').restricts).toBe(false);
  });

  it('an unresolved value is unknown, unless another condition restricts', () => {
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalOrgID': U } }, 'trust').restricts).toBe('unknown');
    expect(conditionRestricts(U, 'trust').restricts).toBe('unknown');
    expect(conditionRestricts({ StringEquals: { 'aws:PrincipalOrgID': U, 'sts:ExternalId': 'x-1' } }, 'trust').restricts).toBe(true);
  });

  it('source IP ranges restrict bucket policies but not trust policies', () => {
    expect(conditionRestricts({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, 's3').restricts).toBe(true);
    expect(conditionRestricts({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, 's3').restricts).toBe(false);
    expect(conditionRestricts({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, 'trust').restricts).toBe(false);
    expect(conditionRestricts({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, 's3').restricts).toBe(true);
  });

  it('kms:CallerAccount restricts key policies', () => {
    expect(conditionRestricts({ StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } }, 'kms').restricts).toBe(true);
    expect(conditionRestricts({ StringEquals: { 'kms:ViaService': 'ec2.us-east-1.amazonaws.com' } }, 'kms').restricts).toBe(false);
  });
});

describe('deniedOutsideFixedIdentities', () => {
  const allow = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
  it('an organisation guard Deny restricts the Allow it covers', () => {
    const ss = statementsOf(doc({ Statement: [allow, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }] }));
    expect(deniedOutsideFixedIdentities(ss[0]!, ss, 's3')).toBe(true);
  });
  it('a guard that does not cover the actions, or is not fixed, does not', () => {
    const narrow = statementsOf(doc({ Statement: [allow, { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }] }));
    expect(deniedOutsideFixedIdentities(narrow[0]!, narrow, 's3')).toBe(false);
    const open = statementsOf(doc({ Statement: [allow, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalOrgID': '*' } } }] }));
    expect(deniedOutsideFixedIdentities(open[0]!, open, 's3')).toBe(false);
  });
});

describe('partly known strings (`arn:aws:iam::<unknown: …>:root`)', () => {
  const ROOT = 'arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:root';
  const ROLE = 'arn:aws:iam::<unknown: `var.account`>:role/<unknown: `var.role`>';

  it('count as not fully known everywhere', () => {
    expect(isUnknownLeaf(ROOT)).toBe(true);
    expect(isUnknownLeaf('<unknown: arn>/*')).toBe(true);
    expect(isUnknownLeaf('arn:aws:iam::111122223333:root')).toBe(false);
  });

  // A wildcard cannot stand for part of a principal, and an account principal names the account:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
  it('an account root or role whose account is unknown is a specific principal, not everyone', () => {
    expect(principalIsAnyone({ AWS: ROOT })).toBe(false);
    expect(principalIsAnyone({ AWS: [ROOT, ROLE] })).toBe(false);
    expect(principalIsAnyone(ROOT)).toBe(false);
    expect(principalIsAnyone({ AWS: [ROOT, U] })).toBe('unknown');
    expect(principalIsAnyone({ AWS: [ROOT, '*'] })).toBe(true);
    // Known text that a `*` could complete: undecided.
    expect(principalIsAnyone({ AWS: '<unknown: a>*' })).toBe('unknown');
  });

  it('a key policy or trust statement naming the account root is not open to anyone', () => {
    const ss = statementsOf(doc({ Statement: [
      { Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: U }, Action: 'kms:Decrypt', Resource: '*' },
    ] }));
    expect(openToAnyone(ss[0]!, ss, 'kms')).toBe(false);
    expect(openToAnyone(ss[1]!, ss, 'kms')).toBe('unknown');
  });

  it('other predicates read a partly known value as undecided: its unknown part could be anything', () => {
    // `sts:${var.action}` could be sts:AssumeRole; `arn:${var.x}` could be `arn:*`.
    expect(some(['sts:<unknown: var.action>'], (a) => actionMatches(a, 'sts:AssumeRole'))).toBe('unknown');
    expect(some(['arn:<unknown: var.x>'], coversAllResources)).toBe('unknown');
    expect(some(['arn:<unknown: var.x>', '*'], coversAllResources)).toBe(true);
    // Conditions with a partly known value stay undecided, as wholly unknown ones do.
    expect(conditionRestricts({ StringEquals: { 'aws:SourceArn': 'arn:aws:s3:::<unknown: `!Ref Bucket`>' } }, 'trust').restricts).toBe('unknown');
  });

  it('couldEqual matches literal parts in order, each unknown part standing for any text', () => {
    expect(couldEqual([{ text: 'arn:' }, { unknown: 'x' }], '*')).toBe(false);
    expect(couldEqual([{ unknown: 'x' }], '*')).toBe('unknown');
    expect(couldEqual([{ unknown: 'x' }, { text: '*' }], '*')).toBe('unknown');
    expect(couldEqual([{ text: 'a' }, { unknown: 'x' }, { text: 'a' }], 'a')).toBe(false);
    expect(couldEqual([{ text: 'a' }, { unknown: 'x' }, { text: 'b' }, { unknown: 'y' }, { text: 'c' }], 'a-b-c')).toBe('unknown');
    expect(couldEqual([{ text: 'a' }, { unknown: 'x' }, { text: 'c' }, { unknown: 'y' }, { text: 'b' }], 'a-b-c')).toBe(false);
    expect(couldEqual([{ text: '*' }], '*')).toBe(true);
  });
});
