import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { BucketEncryption, KmsKey, PublicAccessBlock, S3Bucket } from '../../../model/index.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import { readBool, readDocument, readString } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import type { Adapter, CfnResource } from './context.js';
import { field, knownString, objectAt } from './context.js';

/**
 * S3 buckets and bucket policies, KMS keys and aliases.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html
 */

const S3 = AWS_DEFAULTS.s3;

/** CloudFormation's `AccessControl` names and the canned ACLs they stand for. */
const CANNED_ACL: Readonly<Record<string, string>> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  LogDeliveryWrite: 'log-delivery-write',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  AwsExecRead: 'aws-exec-read',
};

/** The first element of a list-valued property that holds objects. */
function firstObject(v: Value | undefined): ObjectValue | undefined {
  if (v?.t === 'list') return v.items[0]?.t === 'object' ? v.items[0] : undefined;
  return v?.t === 'object' ? v : undefined;
}

function publicAccessBlock(r: CfnResource): Attr<PublicAccessBlock | null> {
  const v = field(r.props, 'PublicAccessBlockConfiguration');
  if (v === undefined || v.t === 'null') {
    const d = S3.publicAccessBlock;
    return defaulted({
      blockPublicAcls: defaulted(d.blockPublicAcls, r.at),
      ignorePublicAcls: defaulted(d.ignorePublicAcls, r.at),
      blockPublicPolicy: defaulted(d.blockPublicPolicy, r.at),
      restrictPublicBuckets: defaulted(d.restrictPublicBuckets, r.at),
    }, r.at);
  }
  if (v.t === 'unknown') return unknown(v.at, v.why);
  if (v.t !== 'object') return unknown(v.at, '`PublicAccessBlockConfiguration` is not a map');
  // A setting left out of a configuration that is present is off (PutPublicAccessBlock semantics).
  return known({
    blockPublicAcls: readBool(v.fields.get('BlockPublicAcls'), v.at, false, 'BlockPublicAcls'),
    ignorePublicAcls: readBool(v.fields.get('IgnorePublicAcls'), v.at, false, 'IgnorePublicAcls'),
    blockPublicPolicy: readBool(v.fields.get('BlockPublicPolicy'), v.at, false, 'BlockPublicPolicy'),
    restrictPublicBuckets: readBool(v.fields.get('RestrictPublicBuckets'), v.at, false, 'RestrictPublicBuckets'),
  }, v.at);
}

function encryption(r: CfnResource, ctx: Parameters<Adapter>[1]): Attr<BucketEncryption> {
  const v = field(r.props, 'BucketEncryption');
  if (v?.t === 'unknown') return unknown(v.at, v.why);
  const config = v?.t === 'object' ? v : undefined;
  const rules = config?.fields.get('ServerSideEncryptionConfiguration');
  if (rules?.t === 'unknown') return unknown(rules.at, rules.why);
  const rule = firstObject(rules);
  if (!rule) {
    // Since 2023-01-05 a bucket without configuration uses SSE-S3 (AWS_DEFAULTS.s3).
    return defaulted({
      algorithm: defaulted(S3.encryptionAlgorithm, r.at),
      kmsKey: defaulted(null, r.at),
      bucketKeyEnabled: defaulted(false, r.at),
    }, r.at);
  }
  const byDefault = objectAt(rule, 'ServerSideEncryptionByDefault');
  return known({
    algorithm: readString(byDefault?.fields.get('SSEAlgorithm'), rule.at, S3.encryptionAlgorithm, 'SSEAlgorithm'),
    kmsKey: ctx.handle(byDefault?.fields.get('KMSMasterKeyID'), byDefault?.at ?? rule.at),
    bucketKeyEnabled: readBool(rule.fields.get('BucketKeyEnabled'), rule.at, false, 'BucketKeyEnabled'),
  }, rule.at);
}

const bucket: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'BucketName');
  const n = knownString(name);

  const versioningConfig = field(r.props, 'VersioningConfiguration');
  let versioning: Attr<boolean>;
  if (versioningConfig === undefined || versioningConfig.t === 'null') versioning = defaulted(S3.versioning, r.at);
  else if (versioningConfig.t === 'object') {
    const status = readString(versioningConfig.fields.get('Status'), versioningConfig.at, undefined, 'Status');
    versioning = status.known ? known(status.value === 'Enabled', status.at) : status;
  } else versioning = readBool(versioningConfig, r.at);

  // "By default, logs are stored in the bucket where the LoggingConfiguration property is defined."
  const loggingConfig = field(r.props, 'LoggingConfiguration');
  let logging: Attr<string | null>;
  if (loggingConfig === undefined || loggingConfig.t === 'null') logging = defaulted(null, r.at);
  else if (loggingConfig.t === 'unknown') logging = unknown(loggingConfig.at, loggingConfig.why);
  else {
    const dest = loggingConfig.t === 'object' ? loggingConfig.fields.get('DestinationBucketName') : undefined;
    logging = dest !== undefined ? ctx.handle(dest, loggingConfig.at) : known(n ?? r.key, loggingConfig.at);
  }

  const aclValue = field(r.props, 'AccessControl');
  const aclName = readString(aclValue, r.at, S3.acl, 'AccessControl');
  const acl: Attr<string> = aclName.known && !aclName.defaulted ? known(CANNED_ACL[aclName.value] ?? aclName.value, aclName.at) : aclName;

  const ownershipRule = firstObject(objectAt(r.props, 'OwnershipControls')?.fields.get('Rules'));
  const objectOwnership: Attr<string | null> = ownershipRule
    ? readString(ownershipRule.fields.get('ObjectOwnership'), ownershipRule.at, S3.objectOwnership, 'ObjectOwnership')
    : defaulted(S3.objectOwnership, r.at);

  const b: S3Bucket = {
    ...ctx.base(r, 'aws.s3.bucket', n !== undefined ? [n, `arn:${ctx.resolver.pseudo.partition}:s3:::${n}`] : []),
    name,
    publicAccessBlock: publicAccessBlock(r),
    encryption: encryption(r, ctx),
    versioning,
    // CloudFormation cannot turn on MFA delete; only the root user can, through the API.
    mfaDelete: defaulted(false, r.at),
    logging,
    policy: defaulted(null, r.at),
    acl,
    objectOwnership,
  };
  ctx.emit(b);
};

const bucketPolicy: Adapter = (r, ctx) => {
  const target = ctx.link(field(r.props, 'Bucket'), r.at);
  const doc = readDocument(field(r.props, 'PolicyDocument'), r.at);
  ctx.fragment(r, 'aws.s3.bucket', target, { policy: doc });
};

const KMS = AWS_DEFAULTS.kms;

const key: Adapter = (r, ctx) => {
  const aliases = ctx.memo('kms.aliases', () => {
    const m = new Map<string, string[]>();
    for (const a of ctx.ofType('AWS::KMS::Alias')) {
      const target = ctx.link(field(a.props, 'TargetKeyId'), a.at);
      const alias = field(a.props, 'AliasName');
      if (!target.known || alias?.t !== 'string') continue;
      m.set(target.value, [...(m.get(target.value) ?? []), alias.v]);
    }
    return m;
  });
  const k: KmsKey = {
    ...ctx.base(r, 'aws.kms.key', aliases.get(r.key) ?? []),
    keySpec: readString(field(r.props, 'KeySpec'), r.at, KMS.keySpec, 'KeySpec'),
    rotationEnabled: readBool(field(r.props, 'EnableKeyRotation'), r.at, KMS.rotationEnabled, 'EnableKeyRotation'),
    enabled: readBool(field(r.props, 'Enabled'), r.at, KMS.enabled, 'Enabled'),
    // Without a KeyPolicy, KMS applies the default key policy (the account's principals via IAM).
    policy: readDocument(field(r.props, 'KeyPolicy'), r.at),
  };
  ctx.emit(k);
};

export const STORAGE_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
  'AWS::KMS::Key': key,
};
