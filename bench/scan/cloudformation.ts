// Whole-scan speed on a generated CloudFormation estate: N resources in templates of 100, every kind the checks
// read, then the same bytes through a bare JSON.parse as the baseline. Run: npx tsx bench/scan/cloudformation.ts [N]
// KEEP=1 leaves the estate in the temporary folder (for bench/scan/per-check.ts or a profile).
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/scan/scan.js';

const total = Number(process.argv[2] ?? 10_000);
const perTemplate = 100;

/** A small deterministic PRNG so every run scans the same estate. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function resource(i: number, r: () => number): [string, unknown] {
  const k = i % 10;
  const open = r() < 0.3;
  switch (k) {
    case 0:
      return [`Bucket${i}`, { Type: 'AWS::S3::Bucket', Properties: { BucketName: `bench-bucket-${i}`, VersioningConfiguration: { Status: open ? 'Suspended' : 'Enabled' }, PublicAccessBlockConfiguration: { BlockPublicAcls: !open, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } } }];
    case 1:
      return [`Sg${i}`, { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'bench', VpcId: 'vpc-0123456789abcdef0', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: open ? 22 : 443, ToPort: open ? 22 : 443, CidrIp: open ? '0.0.0.0/0' : '10.0.0.0/8' }] } }];
    case 2:
      return [`Role${i}`, { Type: 'AWS::IAM::Role', Properties: { RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: open ? { AWS: '*' } : { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: open ? 's3:*' : ['s3:GetObject'], Resource: open ? '*' : `arn:aws:s3:::bench-bucket-${i}/*` }] } }] } }];
    case 3:
      return [`Instance${i}`, { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', SubnetId: 'subnet-0123456789abcdef0', MetadataOptions: { HttpTokens: open ? 'optional' : 'required' } } }];
    case 4:
      return [`Key${i}`, { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: !open, KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] } } }];
    case 5:
      return [`Fn${i}`, { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: 'a.b', Role: 'arn:aws:iam::123456789012:role/x', Code: { ZipFile: 'x' }, Environment: { Variables: { LOG_LEVEL: 'info', ...(open ? { DB_PASSWORD: 'changeme' } : {}) } } } }];
    case 6:
      return [`Db${i}`, { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: !open, PubliclyAccessible: open, ManageMasterUserPassword: true } }];
    case 7:
      return [`Secret${i}`, { Type: 'AWS::SecretsManager::Secret', Properties: { Name: `bench/${i}`, GenerateSecretString: { PasswordLength: 32 } } }];
    case 8:
      return [`User${i}`, { Type: 'AWS::IAM::User', Properties: { UserName: `bench-user-${i}`, ManagedPolicyArns: open ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [] } }];
    default:
      return [`Trail${i}`, { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'audit', IsMultiRegionTrail: !open, EnableLogFileValidation: !open } }];
  }
}

const dir = join(tmpdir(), `parapet-bench-cfn-${total}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const r = rng(42);
for (let t = 0; t * perTemplate < total; t++) {
  const resources: Record<string, unknown> = {};
  for (let i = t * perTemplate; i < Math.min(total, (t + 1) * perTemplate); i++) {
    const [id, body] = resource(i, r);
    resources[id] = body;
  }
  writeFileSync(join(dir, `stack-${String(t).padStart(4, '0')}.json`), JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2));
}

const files = readdirSync(dir).map((f) => join(dir, f));
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);

// Baseline: read and JSON.parse the same bytes.
let t0 = performance.now();
for (const f of files) JSON.parse(readFileSync(f, 'utf8'));
const parseMs = performance.now() - t0;

// Warm-up on a small slice, then the measured whole scan.
await scan([files[0]!], { cwd: dir });
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const cpu0 = process.cpuUsage();
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 5);
t0 = performance.now();
const { report } = await scan([dir], { cwd: dir });
const scanMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`CloudFormation estate: ${total} resources in ${files.length} templates, ${mb(bytes)}`);
console.log(`  whole scan        ${scanMs.toFixed(0)} ms  (${report.summary.resources} resources, ${report.summary.findings} findings, ${report.errors.length} input errors)`);
console.log(`  CPU time          ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (user ${(cpu.user / 1000).toFixed(0)}, system ${(cpu.system / 1000).toFixed(0)}; wall also counts waiting for a core)`);
console.log(`  JSON.parse only   ${parseMs.toFixed(0)} ms`);
console.log(`  ratio             ${(scanMs / parseMs).toFixed(1)}x a bare JSON.parse`);
console.log(`  peak RSS          ${mb(peakRss)} (process), target < 500 MB; wall target < 2000 ms`);
if (process.env.KEEP === undefined) rmSync(dir, { recursive: true, force: true });
else console.log(`  estate kept in ${dir}`);
