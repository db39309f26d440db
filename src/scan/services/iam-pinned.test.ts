/**
 * Pins every answer of the IAM service, and every finding of the AWS checks on policy-bearing services, on fixed estates: a seeded, generated
 * CloudFormation estate that mixes the statements escalation and exposure turn on (wildcards, NotAction, PassRole with
 * and without `iam:PassedToService`, policy variables, MFA and tag conditions, denies, boundaries, groups, open and
 * pinned trust, service trust, GitHub OIDC, bucket and key policies), the authorization-details fixture and the
 * example estate. The snapshot changes only when answers change: speed work must leave it untouched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../checks/catalogue.js';
import { loadAuthorizationDetails } from '../../loaders/aws-iam-auth/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Estate, Resource } from '../../model/index.js';
import { loadEstate } from '../load-estate.js';
import { runChecks } from '../run-checks.js';
import { buildServices } from '../services.js';
import { IamFacade } from './iam.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const ACCOUNT = '000000000000';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Json = Record<string, unknown>;

const IDENTITY_STATEMENTS: readonly Json[] = [
  { Effect: 'Allow', Action: '*', Resource: '*' },
  { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
  { Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: `arn:aws:iam::${ACCOUNT}:policy/*` },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
  { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
  { Effect: 'Allow', Action: ['ec2:RunInstances', 'glue:CreateDevEndpoint'], Resource: '*' },
  { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/*` },
  { Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:PutUserPolicy'], Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}` },
  { Effect: 'Allow', Action: 'iam:AddUserToGroup', Resource: '*' },
  { Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:CreateLoginProfile'], Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
  { Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: `arn:aws:iam::${ACCOUNT}:role/ops-*` },
  { Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: '*' },
  { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
  { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
  { Effect: 'Deny', Action: 'iam:*', Resource: '*' },
  { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  { Effect: 'Allow', Action: ['iam:PutGroupPolicy', 'iam:AttachGroupPolicy'], Resource: '*' },
  { Effect: 'Allow', Action: ['iam:PutRolePolicy', 'iam:AttachRolePolicy'], Resource: `arn:aws:iam::${ACCOUNT}:role/app-*` },
  { Effect: 'Allow', Action: ['cloudformation:CreateStack', 'codebuild:CreateProject', 'codebuild:StartBuild'], Resource: '*' },
  { Effect: 'Allow', Action: 'iam:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'admin' } } },
  { Effect: 'Allow', Action: ['iam:Create*', 'iam:Put*'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
  { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
];

const TRUST_STATEMENTS: readonly Json[] = [
  { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
  { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
  { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
  { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } },
  { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'glue.amazonaws.com', 'codebuild.amazonaws.com'] }, Action: 'sts:AssumeRole' },
  { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/user-3` }, Action: 'sts:AssumeRole' },
  { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
  {
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
  },
  {
    Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/*' } },
  },
];

const RESOURCE_STATEMENTS: readonly Json[] = [
  { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' },
  { Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
  { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: '*', Resource: '*' },
  { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
  { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
  { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['kms:Decrypt', 's3:PutObject'], Resource: '*' },
  { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/user-1` }, Action: '*', Resource: '*' },
];

const AWS_MANAGED = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'IAMFullAccess'].map((n) => `arn:aws:iam::aws:policy/${n}`);

/** A seeded estate of users, groups, roles, managed policies, functions, buckets and keys. */
function generatedTemplate(seed: number): Json {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = Math.floor(r() * (max + 1));
    const out: T[] = [];
    for (let k = 0; k < n; k++) {
      const x = pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  const doc = (statements: readonly Json[]): Json => ({ Version: '2012-10-17', Statement: statements });
  const resources: Json = {};
  const policies = Array.from({ length: 8 }, (_, k) => `Policy${k}`);
  const groups = Array.from({ length: 6 }, (_, k) => `Group${k}`);
  const roles = Array.from({ length: 24 }, (_, k) => `Role${k}`);
  for (const p of policies) {
    resources[p] = { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: `policy-${p.slice(6)}`, PolicyDocument: doc(some(IDENTITY_STATEMENTS, 3).length > 0 ? some(IDENTITY_STATEMENTS, 3).concat([pick(IDENTITY_STATEMENTS)]) : [pick(IDENTITY_STATEMENTS)]) } };
  }
  resources.Boundary = { Type: 'AWS::IAM::ManagedPolicy', Properties: { ManagedPolicyName: 'boundary', PolicyDocument: doc([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }]) } };
  const managedRefs = (): unknown[] => [...some(AWS_MANAGED, 1), ...some(policies, 2).map((p) => ({ Ref: p }))];
  const inline = (): Json[] => some([0, 1, 2], 2).map((k) => ({ PolicyName: `inline-${k}`, PolicyDocument: doc([pick(IDENTITY_STATEMENTS), ...some(IDENTITY_STATEMENTS, 2)]) }));
  for (const g of groups) {
    resources[g] = { Type: 'AWS::IAM::Group', Properties: { GroupName: `group-${g.slice(5)}`, ManagedPolicyArns: managedRefs(), Policies: inline() } };
  }
  for (let k = 0; k < 30; k++) {
    const props: Json = { UserName: `user-${k}`, Policies: inline(), ManagedPolicyArns: managedRefs(), Groups: some(groups, 2).map((g) => ({ Ref: g })) };
    if (r() < 0.15) props.PermissionsBoundary = { Ref: 'Boundary' };
    if (r() < 0.2) props.Tags = [{ Key: 'team', Value: r() < 0.5 ? 'admin' : 'dev' }];
    resources[`User${k}`] = { Type: 'AWS::IAM::User', Properties: props };
  }
  roles.forEach((role, k) => {
    const name = `${pick(['app', 'ops', 'ci', 'data'])}-${k}`;
    const props: Json = { RoleName: name, AssumeRolePolicyDocument: doc([pick(TRUST_STATEMENTS), ...some(TRUST_STATEMENTS, 1)]), Policies: inline(), ManagedPolicyArns: managedRefs() };
    if (r() < 0.15) props.PermissionsBoundary = { Ref: 'Boundary' };
    if (r() < 0.1) props.Path = '/service/';
    resources[role] = { Type: 'AWS::IAM::Role', Properties: props };
  });
  for (let k = 0; k < 10; k++) {
    resources[`Fn${k}`] = { Type: 'AWS::Lambda::Function', Properties: { FunctionName: `fn-${k}`, Runtime: 'python3.12', Handler: 'a.b', Code: { ZipFile: 'x' }, Role: { 'Fn::GetAtt': [pick(roles), 'Arn'] } } };
  }
  for (let k = 0; k < 6; k++) {
    const bucket = `pinned-bucket-${k}`;
    resources[`Bucket${k}`] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: bucket } };
    resources[`BucketPolicy${k}`] = { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: `Bucket${k}` }, PolicyDocument: doc([pick(RESOURCE_STATEMENTS), ...some(RESOURCE_STATEMENTS, 2)].map((s) => ({ ...s, Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }))) } };
    resources[`Key${k}`] = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: doc([pick(RESOURCE_STATEMENTS), ...some(RESOURCE_STATEMENTS, 2)]) } };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function generatedEstate(seed: number): Promise<Estate> {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-iam-pinned-'));
  dirs.push(dir);
  const file = join(dir, `estate-${seed}.json`);
  writeFileSync(file, JSON.stringify(generatedTemplate(seed), null, 2));
  const loaded = await loadEstate([file], { cwd: dir });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.estate;
}

/** Every answer of the service, one line each, in a fixed order. */
function serviceAnswers(estate: Estate): string[] {
  const iam = new IamFacade(estate);
  const lines: string[] = [];
  const principals = [...iam.principals()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of principals) {
    lines.push(`admin ${p.key} ${JSON.stringify(iam.administrator(p.key))}`);
    for (const path of iam.escalationPaths(p.key)) lines.push(`escalation ${p.key} ${JSON.stringify(path)}`);
    if (p.kind === 'aws.iam.role') lines.push(`trust ${p.key} ${JSON.stringify(iam.trustExposure(p.key))}`);
  }
  for (const r of estate.resources as readonly Resource[]) {
    const e = iam.resourceExposure(r.key);
    if (e !== undefined) lines.push(`exposure ${r.key} ${JSON.stringify(e)}`);
  }
  const buckets = estate.ofKind('aws.s3.bucket').flatMap((b) => (b.name.known ? [b.name.value] : []));
  for (const [action, resource] of [
    ['iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/new`], ['kms:Decrypt', 'arn:aws:kms:eu-west-1:000000000000:key/k'],
    ['lambda:UpdateFunctionCode', '*'], ['sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/ops-5`],
    ...buckets.flatMap((b) => [['s3:GetObject', `arn:aws:s3:::${b}/a`], ['s3:PutBucketPolicy', `arn:aws:s3:::${b}`]] as const),
  ] as const) {
    lines.push(`who-can ${action} ${resource} ${JSON.stringify(iam.whoCan(action, resource))}`);
  }
  const first = principals.slice(0, 6);
  for (const p of first) {
    for (const [action, resource] of [['iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/app-1`], ['s3:PutObject', 'arn:aws:s3:::secret/x'], ['ec2:RunInstances', '*']] as const) {
      lines.push(`can ${p.key} ${action} ${resource} ${JSON.stringify(iam.can(p.key, action, resource))}`);
    }
  }
  return lines;
}

/** Services whose checks read policies; other checks (network, logging) are someone else's to pin. */
const POLICY_SERVICES = new Set(['iam', 's3', 'kms', 'sqs', 'sns', 'secretsmanager', 'lambda']);

/** Every finding (and unknown outcome) of the AWS checks on policy-bearing services, one line each. */
function checkFindings(estate: Estate): string[] {
  const checks = CATALOGUE.filter((c) => c.provider === 'aws' && POLICY_SERVICES.has(c.service));
  const run = runChecks(checks, estate, buildServices(estate));
  expect(run.crashes).toEqual([]);
  return run.results.map((r) => {
    const o = r.outcome;
    const at = `${relative(repo, o.at.file).split('\\').join('/')}:${o.at.line}:${o.at.column}`;
    // Escalation evidence repeats the chains the answers pin already.
    const evidence = o.status === 'fail' && o.evidence && !r.check.id.startsWith('AWS-IAM-11') ? ` | ${o.evidence.join(' | ')}` : '';
    return `${r.check.id} ${o.status} ${r.subject.address} ${at} ${o.message}${evidence}`;
  }).sort();
}

/** File paths inside answers point into the temporary folder: keep only the file name. */
function stable(lines: readonly string[]): string {
  return `${lines.map((l) => l.replace(/"file":"[^"]*[\\/]([^"\\/]+)"/g, '"file":"$1"').replace(/\S*parapet-iam-pinned-[^\s/\\]+[\\/]/g, '')).join('\n')}\n`;
}

describe('IAM answers and AWS findings are pinned', () => {
  for (const seed of [42]) {
    it(`on the generated estate with seed ${seed}`, async () => {
      const estate = await generatedEstate(seed);
      await expect(stable(serviceAnswers(estate))).toMatchFileSnapshot(`__snapshots__/iam-pinned-${seed}.answers.txt`);
      await expect(stable(checkFindings(estate))).toMatchFileSnapshot(`__snapshots__/iam-pinned-${seed}.findings.txt`);
    });
  }

  it('on the authorization-details fixture', async () => {
    const fixture = join(repo, 'src', 'loaders', 'aws-iam-auth', '__fixtures__', 'authorization-details.json');
    const estate = new ResourceGraph<Resource>(loadAuthorizationDetails('auth.json', readFileSync(fixture, 'utf8')).resources);
    await expect(stable(serviceAnswers(estate))).toMatchFileSnapshot('__snapshots__/iam-pinned-auth.answers.txt');
    await expect(stable(checkFindings(estate))).toMatchFileSnapshot('__snapshots__/iam-pinned-auth.findings.txt');
  });

  it('on the example estate', async () => {
    const loaded = await loadEstate([join(repo, 'examples')], { cwd: repo });
    await expect(stable(serviceAnswers(loaded.estate))).toMatchFileSnapshot('__snapshots__/iam-pinned-examples.answers.txt');
    await expect(stable(checkFindings(loaded.estate))).toMatchFileSnapshot('__snapshots__/iam-pinned-examples.findings.txt');
  });
});
