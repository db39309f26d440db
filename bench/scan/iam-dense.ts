// The IAM checks on a dense estate, where escalation cannot be ruled out cheaply: many users in a few groups whose
// policies allow iam:PassRole, lambda:CreateFunction/InvokeFunction, sts:AssumeRole on every role and
// iam:CreateAccessKey, and many administrator roles (some trusted by the account, some by Lambda) and administrator
// users. Prints CPU time for administrators, trust exposure and escalation paths over every principal.
// Run: npx tsx bench/scan/iam-dense.ts [users=2000] [adminRoles=300]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEstate } from '../../src/scan/load-estate.js';
import { IamFacade } from '../../src/scan/services/iam.js';

const users = Number(process.argv[2] ?? 2000);
const adminRoles = Number(process.argv[3] ?? 300);
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const resources: Record<string, unknown> = {};
const groupPolicies = [
  doc({ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }),
  doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::123456789012:role/*' }),
  doc({ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:UpdateLoginProfile'], Resource: '*' }),
  doc({ Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*'], Resource: '*' }),
  doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }, { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }),
];
groupPolicies.forEach((d, k) => {
  resources[`Group${k}`] = { Type: 'AWS::IAM::Group', Properties: { GroupName: `group-${k}`, Policies: [{ PolicyName: 'p', PolicyDocument: d }] } };
});
for (let i = 0; i < users; i++) {
  const groups = [{ Ref: `Group${i % groupPolicies.length}` }, ...(i % 7 === 0 ? [{ Ref: `Group${(i + 1) % groupPolicies.length}` }] : [])];
  resources[`User${i}`] = { Type: 'AWS::IAM::User', Properties: { UserName: `user-${i}`, Groups: groups, ...(i % 50 === 0 ? { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } : {}) } };
}
for (let i = 0; i < adminRoles; i++) {
  const trust = i % 2 === 0
    ? { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }
    : { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' };
  resources[`AdminRole${i}`] = { Type: 'AWS::IAM::Role', Properties: { RoleName: `admin-${i}`, AssumeRolePolicyDocument: doc(trust), ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } };
}

const dir = join(tmpdir(), `parapet-bench-iam-dense-${users}-${adminRoles}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'estate.json'), JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }));
const loaded = await loadEstate([dir], { cwd: dir, parameters: { 'AWS::AccountId': '123456789012' } });
rmSync(dir, { recursive: true, force: true });

const iam = new IamFacade(loaded.estate);
const time = (label: string, f: () => number): void => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = f();
  const c = process.cpuUsage(c0);
  console.log(`  ${label.padEnd(28)} ${((c.user + c.system) / 1000).toFixed(0).padStart(7)} ms CPU ${(performance.now() - t0).toFixed(0).padStart(7)} ms wall  (${n})`);
};
const principals = iam.principals();
console.log(`IAM dense estate: ${principals.length} principals (${users} users in ${groupPolicies.length} groups, ${adminRoles} administrator roles)`);
time('administrator()', () => principals.filter((p) => iam.administrator(p.key).level !== 'none').length);
time('trustExposure()', () => principals.filter((p) => p.kind === 'aws.iam.role' && iam.trustExposure(p.key).exposure === 'public').length);
time('escalationPaths()', () => principals.reduce((n, p) => n + iam.escalationPaths(p.key).length, 0));
