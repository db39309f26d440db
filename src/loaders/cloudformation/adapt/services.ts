import type { Attr, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { CloudTrail, GuardDutyDetector, LambdaFunction, RdsInstance, Secret } from '../../../model/index.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import { readBool, readNumber, readString } from '../../common/read.js';
import type { Value } from '../../common/value.js';
import type { AdaptContext, Adapter } from './context.js';
import { field, objectAt } from './context.js';

/**
 * CloudTrail, Secrets Manager, Lambda, RDS and GuardDuty.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudtrail-trail.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secret.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-guardduty-detector.html
 */

/**
 * A secret written as a dynamic reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`) is fetched at
 * deployment: it is not written into the template.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
 */
export function isDynamicReference(s: string): boolean {
  return s.includes('{{resolve:');
}

/** A secret-bearing string: the literal when written, null when absent or fetched through a dynamic reference. */
function secretText(v: Value | undefined, at: Provenance, ctx: AdaptContext): Attr<string | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'string' && isDynamicReference(v.v)) return known(null, v.at);
  if (ctx.resolver.dynamicReferences.has(v)) return known(null, v.at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  return readString(v, at);
}

const CT = AWS_DEFAULTS.cloudtrail;

const trail: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'TrailName');
  const t: CloudTrail = {
    ...ctx.base(r, 'aws.cloudtrail.trail', name.known ? [name.value] : []),
    name,
    isLogging: readBool(field(r.props, 'IsLogging'), r.at, undefined, 'IsLogging'),
    multiRegion: readBool(field(r.props, 'IsMultiRegionTrail'), r.at, CT.multiRegion, 'IsMultiRegionTrail'),
    logFileValidation: readBool(field(r.props, 'EnableLogFileValidation'), r.at, CT.logFileValidation, 'EnableLogFileValidation'),
    includeGlobalServiceEvents: readBool(field(r.props, 'IncludeGlobalServiceEvents'), r.at, CT.includeGlobalServiceEvents, 'IncludeGlobalServiceEvents'),
    cloudWatchLogsGroup: ctx.handle(field(r.props, 'CloudWatchLogsLogGroupArn'), r.at),
    kmsKey: ctx.handle(field(r.props, 'KMSKeyId'), r.at),
    s3Bucket: ctx.link(field(r.props, 'S3BucketName'), r.at),
    organizationTrail: readBool(field(r.props, 'IsOrganizationTrail'), r.at, CT.organizationTrail, 'IsOrganizationTrail'),
  };
  ctx.emit(t);
};

const secret: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'Name');
  const generated = field(r.props, 'GenerateSecretString');
  const s: Secret = {
    ...ctx.base(r, 'aws.secretsmanager.secret', name.known ? [name.value] : []),
    name,
    // Without KmsKeyId the secret is encrypted with the AWS managed key aws/secretsmanager.
    kmsKey: ctx.handle(field(r.props, 'KmsKeyId'), r.at),
    rotation: defaulted(null, r.at),
    secretString: generated !== undefined && generated.t !== 'null' ? known(null, generated.at) : secretText(field(r.props, 'SecretString'), r.at, ctx),
    // A separate `AWS::SecretsManager::ResourcePolicy` gives the secret its policy; without one it has none.
    policy: defaulted(null, r.at),
  };
  ctx.emit(s);
};

/** `rate(N days)` in a rotation schedule expression; cron expressions and hours give no day count. */
function rateDays(expr: string): number | null {
  const m = /^rate\(\s*(\d+)\s+days?\s*\)$/.exec(expr.trim());
  return m ? Number(m[1]) : null;
}

const rotationSchedule: Adapter = (r, ctx) => {
  const rules = objectAt(r.props, 'RotationRules');
  let days: number | null = null;
  let at: Provenance = r.at;
  const after = rules?.fields.get('AutomaticallyAfterDays');
  const expr = rules?.fields.get('ScheduleExpression');
  if (after !== undefined) {
    const d = readNumber(after, rules?.at ?? r.at);
    if (d.known) days = d.value;
    at = after.at;
  } else if (expr?.t === 'string') {
    days = rateDays(expr.v);
    at = expr.at;
  }
  const rotation: Secret['rotation'] = known({ enabled: true, days }, at);
  ctx.fragment(r, 'aws.secretsmanager.secret', ctx.link(field(r.props, 'SecretId'), r.at), { rotation });
};

const lambdaFunction: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'FunctionName');
  const env = objectAt(r.props, 'Environment');
  const vars = env?.fields.get('Variables');
  let environment: LambdaFunction['environment'];
  if (vars === undefined || vars.t === 'null') environment = defaulted({}, r.at);
  else if (vars.t === 'unknown') environment = unknown(vars.at, vars.why);
  else if (vars.t !== 'object') environment = unknown(vars.at, '`Environment.Variables` is not a map');
  else {
    const out: Record<string, Attr<string>> = {};
    for (const [k, v] of vars.fields) out[k] = readString(v, vars.at, undefined, k);
    environment = known(out, vars.at);
  }
  const packageType = field(r.props, 'PackageType');
  const runtime = field(r.props, 'Runtime');
  const f: LambdaFunction = {
    ...ctx.base(r, 'aws.lambda.function', name.known ? [name.value] : []),
    name,
    role: ctx.link(field(r.props, 'Role'), r.at),
    // Container image functions have no runtime.
    runtime: runtime === undefined && packageType?.t === 'string' && packageType.v === 'Image' ? known(null, packageType.at) : readString(runtime, r.at, undefined, 'Runtime'),
    environment,
    // Without KmsKeyArn, Lambda encrypts the environment with an AWS managed key.
    kmsKey: ctx.handle(field(r.props, 'KmsKeyArn'), r.at),
    // `AWS::Lambda::Permission` resources are gathered into this policy; without any, the function has none.
    policy: defaulted(null, r.at),
  };
  ctx.emit(f);
};

/**
 * `AWS::Serverless::Function` (SAM): the function it becomes, with the template's `Globals.Function` settings
 * merged in (maps merged, the resource's own value winning). Without `Role`, SAM generates the execution role.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
 */
const samFunction: Adapter = (r, ctx) => {
  const globals = ctx.memo('sam.globals', () => {
    const g = ctx.template.root.fields.get('Globals');
    const fn = g?.t === 'object' ? g.fields.get('Function') : undefined;
    const resolved = fn ? ctx.resolver.resolveOptional(fn) : undefined;
    return resolved?.t === 'object' ? resolved : undefined;
  });
  const globalVars = objectAt(objectAt(globals, 'Environment'), 'Variables');
  const ownVars = objectAt(objectAt(r.props, 'Environment'), 'Variables');
  const fields = new Map(r.props.fields);
  for (const name of ['Runtime', 'KmsKeyArn', 'PackageType']) {
    const g = globals?.fields.get(name);
    if (g !== undefined && !fields.has(name)) fields.set(name, g);
  }
  if (globalVars || ownVars) {
    const vars = new Map([...(globalVars?.fields ?? []), ...(ownVars?.fields ?? [])]);
    const at = (ownVars ?? globalVars)?.at ?? r.at;
    fields.set('Environment', { t: 'object', fields: new Map([['Variables', { t: 'object', fields: vars, at }]]), at });
  }
  if (!fields.has('Role')) {
    fields.set('Role', { t: 'unknown', why: 'SAM generates the execution role from `Policies` at transform time', refs: [], at: r.at });
  }
  lambdaFunction({ ...r, props: { ...r.props, fields } }, ctx);
};

const RDS = AWS_DEFAULTS.rds;

const dbInstance: Adapter = (r, ctx) => {
  const p = (n: string): Value | undefined => r.props.fields.get(n);
  const cluster = p('DBClusterIdentifier');
  const source = p('SourceDBInstanceIdentifier') ?? p('DBSnapshotIdentifier') ?? p('SourceDBClusterIdentifier');
  // Aurora instances take encryption from their cluster; replicas and restores from their source.
  const inherited = cluster !== undefined ? 'the DB cluster' : source !== undefined ? 'the source instance or snapshot' : undefined;
  const encryptedValue = p('StorageEncrypted');
  const storageEncrypted = encryptedValue === undefined && inherited
    ? unknown(r.at, `encryption is inherited from ${inherited}`)
    : readBool(encryptedValue, r.at, RDS.storageEncrypted, 'StorageEncrypted');
  const publicValue = p('PubliclyAccessible');
  const name = ctx.physicalName(r, 'DBInstanceIdentifier');
  const d: RdsInstance = {
    ...ctx.base(r, 'aws.rds.instance', name.known ? [name.value.toLowerCase()] : []),
    identifier: name,
    engine: readString(p('Engine'), r.at, undefined, 'Engine'),
    storageEncrypted,
    kmsKey: ctx.handle(p('KmsKeyId'), r.at),
    // Without the setting, the instance is public when its subnets' VPC has an internet gateway
    // (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html).
    publiclyAccessible: publicValue === undefined
      ? unknown(r.at, 'no `PubliclyAccessible`: RDS makes the instance public when its VPC has an internet gateway')
      : readBool(publicValue, r.at),
    masterPassword: secretText(p('MasterUserPassword'), r.at, ctx),
    manageMasterUserPassword: readBool(p('ManageMasterUserPassword'), r.at, RDS.manageMasterUserPassword, 'ManageMasterUserPassword'),
    iamAuthentication: readBool(p('EnableIAMDatabaseAuthentication'), r.at, RDS.iamAuthentication, 'EnableIAMDatabaseAuthentication'),
    securityGroups: [...ctx.links(p('VPCSecurityGroups'), r.at), ...ctx.links(p('DBSecurityGroups'), r.at)],
    subnetGroup: ctx.handle(p('DBSubnetGroupName'), r.at),
  };
  ctx.emit(d);
};

const detector: Adapter = (r, ctx) => {
  const d: GuardDutyDetector = {
    ...ctx.base(r, 'aws.guardduty.detector'),
    enabled: readBool(field(r.props, 'Enable'), r.at, undefined, 'Enable'),
  };
  ctx.emit(d);
};

export const SERVICE_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::CloudTrail::Trail': trail,
  'AWS::SecretsManager::Secret': secret,
  'AWS::SecretsManager::RotationSchedule': rotationSchedule,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Serverless::Function': samFunction,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::GuardDuty::Detector': detector,
};
