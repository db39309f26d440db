import type { Attr, EmbeddedDocument, JsonValue, Link, Provenance } from '../../../model/core/index.js';
import { UNKNOWN_LEAF_PREFIX, defaulted, known } from '../../../model/core/index.js';
import type { Value } from '../../common/value.js';
import type { AdapterTable, Emitter, Tf } from './context.js';

/**
 * Resources with resource-based policies: SQS queues, SNS topics, Secrets Manager secret policies, and Lambda
 * permissions. The queue, topic and secret policy resources replace the policy on their target; Lambda has no policy
 * document in Terraform, only one `aws_lambda_permission` per statement, so the statements are gathered into the
 * document `lambda:AddPermission` would build.
 * https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 */

/** A value as a policy leaf: a known scalar as itself, anything else as an unknown leaf. */
function leaf(v: Value | undefined, what: string): { json: JsonValue; partial: boolean } {
  if (v?.t === 'string' || v?.t === 'number' || v?.t === 'bool') return { json: v.v, partial: false };
  return { json: `${UNKNOWN_LEAF_PREFIX} ${v?.t === 'unknown' ? v.why : `${what} is not set`}>`, partial: true };
}

/**
 * The principal as `lambda:AddPermission` writes it into the policy: `*`, a service (`s3.amazonaws.com`), or an
 * account or ARN.
 */
function principal(v: Value | undefined): { json: JsonValue; partial: boolean } {
  const p = leaf(v, 'principal');
  if (typeof p.json !== 'string' || p.partial) return p;
  if (p.json === '*') return p;
  return { json: p.json.endsWith('.amazonaws.com') || p.json.endsWith('.amazonaws.com.cn') ? { Service: p.json } : { AWS: p.json }, partial: false };
}

interface Permission {
  readonly tf: Tf;
  readonly fn: Link;
}

function statement(p: Permission): { json: JsonValue; partial: boolean } {
  const { tf } = p;
  let partial = false;
  const use = (x: { json: JsonValue; partial: boolean }): JsonValue => {
    partial ||= x.partial;
    return x.json;
  };
  const s: { [k: string]: JsonValue } = {
    Sid: use(leaf(tf.field('statement_id'), 'statement_id')),
    Effect: 'Allow',
    Principal: use(principal(tf.field('principal'))),
    Action: use(leaf(tf.field('action'), 'action')),
    Resource: use(leaf(tf.field('function_name'), 'function_name')),
  };
  const condition: { [op: string]: { [k: string]: JsonValue } } = {};
  const add = (op: string, key: string, arg: string): void => {
    const v = tf.field(arg);
    if (v === undefined || v.t === 'null' || (v.t === 'string' && v.v === '')) return;
    (condition[op] ??= {})[key] = use(leaf(v, arg));
  };
  add('ArnLike', 'AWS:SourceArn', 'source_arn');
  add('StringEquals', 'AWS:SourceAccount', 'source_account');
  add('StringEquals', 'aws:PrincipalOrgID', 'principal_org_id');
  add('StringEquals', 'lambda:FunctionUrlAuthType', 'function_url_auth_type');
  if (Object.keys(condition).length > 0) s['Condition'] = condition;
  return { json: s, partial };
}

function gatherPermission(tf: Tf, out: Emitter): void {
  const byFunction = out.state('aws-lambda-permissions', () => {
    const m = new Map<string, Permission[]>();
    out.later(() => {
      for (const perms of m.values()) {
        const first = perms[0] as Permission;
        const statements = perms.map(statement);
        const doc: EmbeddedDocument = {
          json: { Version: '2012-10-17', Id: 'default', Statement: statements.map((s) => s.json) },
          at: first.tf.at,
          partial: statements.some((s) => s.partial),
          statementAt: perms.map((p) => p.tf.at),
        };
        out.fragment(first.tf.fragment('aws.lambda.function', first.fn, { policy: known(doc, first.tf.at) }));
      }
    });
    return m;
  });
  const fn = tf.link('function_name');
  // A `qualifier` scopes the permission to a version or alias, a different resource than the function itself.
  const qualifier = tf.field('qualifier');
  if (qualifier?.t === 'string' && qualifier.v !== '') return;
  const id = fn.known ? fn.value.toLowerCase() : `unknown:${tf.key}`;
  const list = byFunction.get(id);
  if (list) list.push({ tf, fn });
  else byFunction.set(id, [{ tf, fn }]);
}

function policyOf(tf: Tf, at: Provenance): Attr<EmbeddedDocument | null> {
  const d = tf.doc('policy');
  return d.known && d.value === null ? defaulted(null, at) : d;
}

export const AWS_RESOURCE_POLICIES: AdapterTable = {
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue
  aws_sqs_queue: (tf, out) => {
    out.resource({
      ...tf.base('aws.sqs.queue', tf.aliases(['id', 'url', 'arn', 'name'])),
      name: tf.str('name'),
      policy: policyOf(tf, tf.at),
      kmsKey: tf.nstr('kms_master_key_id'),
    });
  },

  aws_sqs_queue_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.sqs.queue', tf.link('queue_url'), { policy: tf.doc('policy') }));
  },

  aws_sns_topic: (tf, out) => {
    out.resource({
      ...tf.base('aws.sns.topic', tf.aliases(['arn', 'id', 'name'])),
      name: tf.str('name'),
      policy: policyOf(tf, tf.at),
      kmsKey: tf.nstr('kms_master_key_id'),
    });
  },

  aws_sns_topic_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.sns.topic', tf.link('arn'), { policy: tf.doc('policy') }));
  },

  aws_secretsmanager_secret_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.secretsmanager.secret', tf.link('secret_arn'), { policy: tf.doc('policy') }));
  },

  aws_lambda_permission: gatherPermission,
};
