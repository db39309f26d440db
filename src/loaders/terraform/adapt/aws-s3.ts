import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { BucketEncryption, PublicAccessBlock } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import type { AdapterTable, Tf } from './context.js';

/**
 * S3 buckets in both provider styles: the legacy arguments on `aws_s3_bucket` (`acl`, `policy`, `versioning`,
 * `logging`, `server_side_encryption_configuration`, `grant`), and the AWS provider v4+ separate resources, which
 * become fragments on the bucket they name (`bucket` = the bucket's name or id).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket
 */

const S3 = AWS_DEFAULTS.s3;

function defaultEncryption(tf: Tf): Attr<BucketEncryption> {
  return defaulted({ algorithm: defaulted(S3.encryptionAlgorithm, tf.at), kmsKey: defaulted(null, tf.at), bucketKeyEnabled: defaulted(false, tf.at) }, tf.at);
}

/** `rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } bucket_key_enabled }`. */
function encryptionFromRules(tf: Tf, holder: ObjectValue): Attr<BucketEncryption> {
  const rule = tf.block('rule', holder);
  if (!rule) {
    const u = tf.unknownField('rule', holder);
    return u ? unknown(u.at, u.why) : defaultEncryption(tf);
  }
  const by = tf.block('apply_server_side_encryption_by_default', rule);
  const enc: BucketEncryption = {
    algorithm: by ? tf.str('sse_algorithm', undefined, by) : defaulted(S3.encryptionAlgorithm, rule.at),
    kmsKey: by ? tf.handle('kms_master_key_id', by) : defaulted(null, rule.at),
    bucketKeyEnabled: tf.bool('bucket_key_enabled', false, rule),
  };
  return known(enc, holder.at);
}

/**
 * A canned ACL from explicit grants: what the grants give the global groups decides how public the bucket is.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups
 */
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

function cannedFromGrants(grants: readonly { uri: string | null; permissions: readonly string[] }[]): string {
  let acl = 'private';
  for (const g of grants) {
    if (g.uri === ALL_USERS) {
      if (g.permissions.some((p) => p === 'WRITE' || p === 'FULL_CONTROL')) return 'public-read-write';
      if (g.permissions.some((p) => p === 'READ')) acl = 'public-read';
    } else if (g.uri === AUTHENTICATED_USERS && acl === 'private' && g.permissions.some((p) => p === 'READ' || p === 'FULL_CONTROL')) {
      acl = 'authenticated-read';
    }
  }
  return acl;
}

function plain(tf: Tf, name: string, o: ObjectValue): string | null {
  const x = tf.field(name, o);
  return x?.t === 'string' ? x.v : null;
}

function plainList(tf: Tf, name: string, o: ObjectValue): string[] {
  const a = tf.strs(name, o);
  return a.known ? [...a.value] : [];
}

/** The legacy `grant { type uri permissions }` blocks on `aws_s3_bucket`. */
function aclFromLegacyGrants(tf: Tf): Attr<string> | undefined {
  const grants = tf.blocks('grant');
  if (grants.length === 0) return undefined;
  const first = grants[0] as ObjectValue;
  return known(cannedFromGrants(grants.map((g) => ({ uri: plain(tf, 'uri', g), permissions: plainList(tf, 'permissions', g) }))), first.at);
}

/** `access_control_policy { grant { grantee { type uri } permission } }` on `aws_s3_bucket_acl`. */
function aclFromPolicy(tf: Tf, policy: ObjectValue): Attr<string> {
  const grants = tf.blocks('grant', policy).map((g) => {
    const grantee = tf.block('grantee', g);
    return { uri: grantee ? plain(tf, 'uri', grantee) : null, permissions: [plain(tf, 'permission', g) ?? ''] };
  });
  return known(cannedFromGrants(grants), policy.at);
}

export const AWS_S3: AdapterTable = {
  aws_s3_bucket: (tf, out) => {
    const name = tf.str('bucket');
    const aliases = tf.aliases(['bucket', 'id', 'arn']);
    if (name.known) aliases.push(`arn:aws:s3:::${name.value}`);
    const sse = tf.block('server_side_encryption_configuration');
    const versioning = tf.block('versioning');
    const logging = tf.block('logging');
    const acl = tf.field('acl');
    out.resource({
      ...tf.base('aws.s3.bucket', aliases),
      name,
      // Since April 2023 S3 turns Block Public Access on for new buckets; a separate resource can change it.
      publicAccessBlock: defaulted({
        blockPublicAcls: defaulted(S3.publicAccessBlock.blockPublicAcls, tf.at),
        ignorePublicAcls: defaulted(S3.publicAccessBlock.ignorePublicAcls, tf.at),
        blockPublicPolicy: defaulted(S3.publicAccessBlock.blockPublicPolicy, tf.at),
        restrictPublicBuckets: defaulted(S3.publicAccessBlock.restrictPublicBuckets, tf.at),
      }, tf.at),
      encryption: sse ? encryptionFromRules(tf, sse) : defaultEncryption(tf),
      versioning: versioning ? tf.bool('enabled', S3.versioning, versioning) : defaulted(S3.versioning, tf.at),
      mfaDelete: versioning ? tf.bool('mfa_delete', false, versioning) : defaulted(false, tf.at),
      logging: logging ? tf.handle('target_bucket', logging) : defaulted(null, tf.at),
      policy: tf.doc('policy'),
      acl: acl !== undefined && acl.t !== 'null' && !(acl.t === 'string' && acl.v === '') ? tf.str('acl', S3.acl) : aclFromLegacyGrants(tf) ?? defaulted(S3.acl, tf.at),
      objectOwnership: defaulted(S3.objectOwnership, tf.at),
    });
  },

  // The provider's defaults for this resource are all `false`: a block resource that omits one leaves it off.
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block
  aws_s3_bucket_public_access_block: (tf, out) => {
    const pab: PublicAccessBlock = {
      blockPublicAcls: tf.bool('block_public_acls', false),
      ignorePublicAcls: tf.bool('ignore_public_acls', false),
      blockPublicPolicy: tf.bool('block_public_policy', false),
      restrictPublicBuckets: tf.bool('restrict_public_buckets', false),
    };
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { publicAccessBlock: known(pab, tf.at) }));
  },

  aws_s3_bucket_server_side_encryption_configuration: (tf, out) => {
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { encryption: encryptionFromRules(tf, tf.v) }));
  },

  // `status` is `Enabled`, `Suspended` or `Disabled` (never enabled); `mfa_delete` is `Enabled`/`Disabled`.
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning
  aws_s3_bucket_versioning: (tf, out) => {
    const conf = tf.block('versioning_configuration');
    const status = conf ? tf.str('status', undefined, conf) : unknown(tf.at, '`versioning_configuration` is not set');
    const mfa = conf ? tf.str('mfa_delete', 'Disabled', conf) : defaulted('Disabled', tf.at);
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), {
      versioning: status.known ? { ...status, value: status.value === 'Enabled' } : status,
      mfaDelete: mfa.known ? { ...mfa, value: mfa.value === 'Enabled' } : mfa,
    }));
  },

  aws_s3_bucket_logging: (tf, out) => {
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { logging: tf.handle('target_bucket') }));
  },

  aws_s3_bucket_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { policy: tf.doc('policy') }));
  },

  aws_s3_bucket_acl: (tf, out) => {
    const policy = tf.block('access_control_policy');
    const canned = tf.field('acl');
    const hasCanned = canned !== undefined && canned.t !== 'null' && !(canned.t === 'string' && canned.v === '');
    const acl = policy && !hasCanned ? aclFromPolicy(tf, policy) : tf.str('acl', S3.acl);
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { acl }));
  },

  aws_s3_bucket_ownership_controls: (tf, out) => {
    const rule = tf.block('rule');
    const ownership = rule ? tf.str('object_ownership', undefined, rule) : unknown(tf.at, '`rule` is not set');
    out.fragment(tf.fragment('aws.s3.bucket', tf.link('bucket'), { objectOwnership: ownership }));
  },
};
