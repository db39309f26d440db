import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { Secret } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import type { AdapterTable, Tf } from './context.js';

/** KMS, CloudTrail, Secrets Manager, Lambda, RDS and GuardDuty. */

type Rotation = NonNullable<Secret['rotation'] extends Attr<infer T> ? T : never>;

/** `rotation_rules { automatically_after_days | schedule_expression }`: days when given as a number of days. */
function rotationFrom(tf: Tf, rules: ObjectValue | undefined, at: ObjectValue): Attr<Rotation | null> {
  if (!rules) {
    const u = tf.unknownField('rotation_rules', at);
    return u ? unknown(u.at, u.why) : known({ enabled: true, days: null }, at.at);
  }
  const days = tf.field('automatically_after_days', rules);
  if (days?.t === 'unknown') return unknown(days.at, days.why);
  return known({ enabled: true, days: days?.t === 'number' && days.v > 0 ? days.v : null }, rules.at);
}

function lambdaEnvironment(tf: Tf): Attr<Readonly<Record<string, Attr<string>>>> {
  const env = tf.block('environment');
  if (!env) {
    const u = tf.unknownField('environment');
    return u ? unknown(u.at, u.why) : defaulted({}, tf.at);
  }
  const vars = tf.field('variables', env);
  if (vars === undefined || vars.t === 'null') return defaulted({}, env.at);
  if (vars.t === 'unknown') return unknown(vars.at, vars.why);
  if (vars.t !== 'object') return unknown(vars.at, '`variables` is not a map');
  const out: Record<string, Attr<string>> = {};
  for (const k of vars.fields.keys()) out[k] = tf.str(k, undefined, vars);
  return known(out, vars.at);
}

export const AWS_SERVICES: AdapterTable = {
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key
  aws_kms_key: (tf, out) => {
    out.resource({
      ...tf.base('aws.kms.key', tf.aliases(['key_id', 'arn', 'id'])),
      keySpec: tf.str('customer_master_key_spec', AWS_DEFAULTS.kms.keySpec),
      rotationEnabled: tf.bool('enable_key_rotation', AWS_DEFAULTS.kms.rotationEnabled),
      enabled: tf.bool('is_enabled', AWS_DEFAULTS.kms.enabled),
      policy: tf.doc('policy'),
    });
  },

  aws_kms_key_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.kms.key', tf.link('key_id'), { policy: tf.doc('policy') }));
  },

  // An alias is another handle for its key (`kms_key_id = "alias/logs"`).
  aws_kms_alias: (tf, out) => {
    const handles = tf.aliases(['name', 'arn']);
    if (handles.length > 0) out.fragment(tf.fragment('aws.kms.key', tf.link('target_key_id'), { aliases: handles }));
  },

  // `enable_logging` defaults to true in the provider (the trail starts logging when created).
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#enable_logging
  aws_cloudtrail: (tf, out) => {
    const d = AWS_DEFAULTS.cloudtrail;
    out.resource({
      ...tf.base('aws.cloudtrail.trail', tf.aliases(['name', 'arn', 'id'])),
      name: tf.str('name'),
      isLogging: tf.bool('enable_logging', true),
      multiRegion: tf.bool('is_multi_region_trail', d.multiRegion),
      logFileValidation: tf.bool('enable_log_file_validation', d.logFileValidation),
      includeGlobalServiceEvents: tf.bool('include_global_service_events', d.includeGlobalServiceEvents),
      cloudWatchLogsGroup: tf.handle('cloud_watch_logs_group_arn'),
      kmsKey: tf.handle('kms_key_id'),
      s3Bucket: tf.link('s3_bucket_name'),
      organizationTrail: tf.bool('is_organization_trail', d.organizationTrail),
    });
  },

  // Provider versions before 5 configured rotation on the secret itself (`rotation_lambda_arn`, `rotation_rules`).
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret
  aws_secretsmanager_secret: (tf, out) => {
    const lambda = tf.field('rotation_lambda_arn');
    const inline = lambda?.t === 'string' && lambda.v !== '';
    out.resource({
      ...tf.base('aws.secretsmanager.secret', tf.aliases(['name', 'arn', 'id'])),
      name: tf.str('name'),
      kmsKey: tf.handle('kms_key_id'),
      rotation: inline ? rotationFrom(tf, tf.block('rotation_rules'), tf.v) : defaulted(null, tf.at),
      secretString: defaulted(null, tf.at),
      policy: tf.doc('policy'),
    });
  },

  aws_secretsmanager_secret_rotation: (tf, out) => {
    out.fragment(tf.fragment('aws.secretsmanager.secret', tf.link('secret_id'), { rotation: rotationFrom(tf, tf.block('rotation_rules'), tf.v) }));
  },

  // The value written in configuration (the `_wo` write-only variant never reaches a plan: it stays null).
  aws_secretsmanager_secret_version: (tf, out) => {
    out.fragment(tf.fragment('aws.secretsmanager.secret', tf.link('secret_id'), { secretString: tf.nstr('secret_string') }));
  },

  aws_lambda_function: (tf, out) => {
    out.resource({
      ...tf.base('aws.lambda.function', tf.aliases(['function_name', 'arn', 'id', 'qualified_arn'])),
      name: tf.str('function_name'),
      role: tf.link('role'),
      runtime: tf.nstr('runtime'),
      environment: lambdaEnvironment(tf),
      kmsKey: tf.handle('kms_key_arn'),
      // Permissions are separate resources (`aws_lambda_permission`), gathered into this policy.
      policy: defaulted(null, tf.at),
    });
  },

  // The provider sends `publicly_accessible = false` unless told otherwise (RDS itself decides from the VPC when the
  // API call leaves it out), and `storage_encrypted = false`.
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#publicly_accessible
  aws_db_instance: (tf, out) => {
    const d = AWS_DEFAULTS.rds;
    out.resource({
      ...tf.base('aws.rds.instance', tf.aliases(['identifier', 'arn', 'id', 'resource_id'])),
      identifier: tf.str('identifier'),
      engine: tf.str('engine'),
      storageEncrypted: tf.bool('storage_encrypted', d.storageEncrypted),
      kmsKey: tf.handle('kms_key_id'),
      publiclyAccessible: tf.bool('publicly_accessible', d.publiclyAccessible),
      masterPassword: tf.nstr('password'),
      manageMasterUserPassword: tf.bool('manage_master_user_password', d.manageMasterUserPassword),
      iamAuthentication: tf.bool('iam_database_authentication_enabled', d.iamAuthentication),
      securityGroups: tf.links('vpc_security_group_ids'),
      subnetGroup: tf.nstr('db_subnet_group_name'),
    });
  },

  aws_guardduty_detector: (tf, out) => {
    out.resource({ ...tf.base('aws.guardduty.detector', tf.aliases(['id', 'arn'])), enabled: tf.bool('enable', AWS_DEFAULTS.guardduty.enabled) });
  },
};
