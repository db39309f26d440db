import type { EmbeddedDocument, JsonValue } from '../../../model/core/index.js';
import { UNKNOWN_LEAF_PREFIX, defaulted, known } from '../../../model/core/index.js';
import type { SnsTopic, SqsQueue } from '../../../model/index.js';
import { readDocument } from '../../common/read.js';
import type { Value } from '../../common/value.js';
import type { Adapter, CfnResource } from './context.js';
import { field, knownString } from './context.js';

/**
 * SQS queues, SNS topics, and the resources that give them, Secrets Manager secrets and Lambda functions their
 * resource-based policies. A queue or topic policy resource sets the policy of every queue or topic it names; a
 * secret's resource policy replaces the secret's. Lambda has no policy document in CloudFormation, only one
 * `AWS::Lambda::Permission` per statement, so the permissions of a function are gathered into the document
 * `lambda:AddPermission` builds.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queuepolicy.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topic.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topicpolicy.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-resourcepolicy.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html
 * https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 */

const queue: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'QueueName');
  const n = knownString(name);
  const q: SqsQueue = {
    ...ctx.base(r, 'aws.sqs.queue', n !== undefined ? [n] : []),
    name,
    // Without a QueuePolicy naming it, a queue has no policy: only its own account's principals, through IAM.
    policy: defaulted(null, r.at),
    kmsKey: ctx.handle(field(r.props, 'KmsMasterKeyId'), r.at),
  };
  ctx.emit(q);
};

const queuePolicy: Adapter = (r, ctx) => {
  const policy = readDocument(field(r.props, 'PolicyDocument'), r.at);
  for (const target of ctx.links(field(r.props, 'Queues'), r.at)) ctx.fragment(r, 'aws.sqs.queue', target, { policy });
};

const topic: Adapter = (r, ctx) => {
  const name = ctx.physicalName(r, 'TopicName');
  const n = knownString(name);
  const t: SnsTopic = {
    ...ctx.base(r, 'aws.sns.topic', n !== undefined ? [n] : []),
    name,
    // Without a TopicPolicy, SNS applies its default policy, which grants only the topic owner's account.
    policy: defaulted(null, r.at),
    kmsKey: ctx.handle(field(r.props, 'KmsMasterKeyId'), r.at),
  };
  ctx.emit(t);
};

const topicPolicy: Adapter = (r, ctx) => {
  const policy = readDocument(field(r.props, 'PolicyDocument'), r.at);
  for (const target of ctx.links(field(r.props, 'Topics'), r.at)) ctx.fragment(r, 'aws.sns.topic', target, { policy });
};

const secretPolicy: Adapter = (r, ctx) => {
  const policy = readDocument(field(r.props, 'ResourcePolicy'), r.at);
  ctx.fragment(r, 'aws.secretsmanager.secret', ctx.link(field(r.props, 'SecretId'), r.at), { policy });
};

/** A value as a policy leaf: a known scalar as itself, anything else as an unknown leaf. */
function leaf(v: Value | undefined, what: string): { json: JsonValue; partial: boolean } {
  if (v?.t === 'string' || v?.t === 'number' || v?.t === 'bool') return { json: v.v, partial: false };
  return { json: `${UNKNOWN_LEAF_PREFIX} ${v?.t === 'unknown' ? v.why : `${what} is not set`}>`, partial: true };
}

/** The principal as `lambda:AddPermission` writes it: `*`, a service (`s3.amazonaws.com`), or an account or ARN. */
function principal(v: Value | undefined): { json: JsonValue; partial: boolean } {
  const p = leaf(v, '`Principal`');
  if (typeof p.json !== 'string' || p.partial || p.json === '*') return p;
  return { json: p.json.endsWith('.amazonaws.com') || p.json.endsWith('.amazonaws.com.cn') ? { Service: p.json } : { AWS: p.json }, partial: false };
}

/** The statement one `AWS::Lambda::Permission` adds to its function's policy. */
function permissionStatement(r: CfnResource): { json: JsonValue; partial: boolean } {
  let partial = false;
  const use = (x: { json: JsonValue; partial: boolean }): JsonValue => {
    partial ||= x.partial;
    return x.json;
  };
  const s: { [k: string]: JsonValue } = {
    Sid: r.decl.logicalId,
    Effect: 'Allow',
    Principal: use(principal(field(r.props, 'Principal'))),
    Action: use(leaf(field(r.props, 'Action'), '`Action`')),
    Resource: use(leaf(field(r.props, 'FunctionName'), '`FunctionName`')),
  };
  const condition: { [op: string]: { [k: string]: JsonValue } } = {};
  const add = (op: string, key: string, prop: string): void => {
    const v = field(r.props, prop);
    if (v === undefined || v.t === 'null' || (v.t === 'string' && v.v === '')) return;
    (condition[op] ??= {})[key] = use(leaf(v, `\`${prop}\``));
  };
  add('ArnLike', 'AWS:SourceArn', 'SourceArn');
  add('StringEquals', 'AWS:SourceAccount', 'SourceAccount');
  add('StringEquals', 'aws:PrincipalOrgID', 'PrincipalOrgID');
  add('StringEquals', 'lambda:FunctionUrlAuthType', 'FunctionUrlAuthType');
  add('StringEquals', 'lambda:EventSourceToken', 'EventSourceToken');
  if (Object.keys(condition).length > 0) s['Condition'] = condition;
  return { json: s, partial };
}

/** Every permission of the template, gathered by the function it names, emitted once as that function's policy. */
const permission: Adapter = (_r, ctx) => {
  ctx.memo('lambda.permissions', () => {
    const byFunction = new Map<string, CfnResource[]>();
    for (const p of ctx.ofType('AWS::Lambda::Permission')) {
      const fn = ctx.link(field(p.props, 'FunctionName'), p.at);
      const id = fn.known ? fn.value : `unknown:${p.key}`;
      byFunction.set(id, [...(byFunction.get(id) ?? []), p]);
    }
    for (const perms of byFunction.values()) {
      const first = perms[0] as CfnResource;
      const statements = perms.map(permissionStatement);
      const doc: EmbeddedDocument = {
        json: { Version: '2012-10-17', Id: 'default', Statement: statements.map((s) => s.json) },
        at: first.at,
        partial: statements.some((s) => s.partial),
        statementAt: perms.map((p) => p.at),
      };
      ctx.fragment(first, 'aws.lambda.function', ctx.link(field(first.props, 'FunctionName'), first.at), { policy: known(doc, first.at) });
    }
    return true;
  });
};

export const RESOURCE_POLICY_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': queuePolicy,
  'AWS::SNS::Topic': topic,
  'AWS::SNS::TopicPolicy': topicPolicy,
  'AWS::SecretsManager::ResourcePolicy': secretPolicy,
  'AWS::Lambda::Permission': permission,
};
