import { describe, expect, it } from 'vitest';
import type { EmbeddedDocument } from '../../model/core/index.js';
import type { LambdaFunction, Resource, Secret, SnsTopic, SqsQueue } from '../../model/index.js';
import { linkFragments } from '../../scan/link.js';
import { loadCloudFormation } from './index.js';

/**
 * Queue, topic, secret and Lambda policies written as separate resources land on the resource they govern.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queuepolicy.html (Queues: URLs)
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topicpolicy.html (Topics: ARNs)
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-resourcepolicy.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html
 */
const TEMPLATE = `
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: jobs
      KmsMasterKeyId: alias/aws/sqs
  Dead:
    Type: AWS::SQS::Queue
  Lonely:
    Type: AWS::SQS::Queue
  QueuesPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs, !Ref Dead]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Jobs.Arn
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: alerts
  AlertsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Alerts]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: cloudwatch.amazonaws.com }
            Action: sns:Publish
            Resource: !Ref Alerts
  Db:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: prod/db
  DbPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Ref Db
      ResourcePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: thumbs
      Role: arn:aws:iam::111122223333:role/fn
      Runtime: python3.12
      Handler: a.b
      Code: { ZipFile: x }
  Quiet:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::111122223333:role/fn
      Runtime: python3.12
      Handler: a.b
      Code: { ZipFile: x }
  FromBucket:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads
      SourceAccount: "111122223333"
  FromPartner:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Fn.Arn
      Principal: "444455556666"
`;

function load(): Resource[] {
  const r = loadCloudFormation('t.yaml', TEMPLATE);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const linked = linkFragments(r.resources, r.fragments);
  expect(linked.diagnostics).toEqual([]);
  return linked.resources;
}

function doc<T extends Resource>(rs: Resource[], key: string): EmbeddedDocument | null {
  const r = rs.find((x) => x.key === `t.yaml#${key}`) as (T & { policy?: { known: boolean; value?: EmbeddedDocument | null } }) | undefined;
  if (r?.policy === undefined || !r.policy.known) throw new Error(`no known policy on ${key}`);
  return r.policy.value ?? null;
}

describe('CloudFormation resource policies', () => {
  const rs = load();

  it('gives every queue a queue policy names its policy, and the others none', () => {
    const jobs = rs.find((x) => x.key === 't.yaml#Jobs') as SqsQueue;
    expect(jobs.kind).toBe('aws.sqs.queue');
    expect(jobs.aliases).toContain('jobs');
    expect(jobs.kmsKey).toMatchObject({ known: true, value: 'alias/aws/sqs' });
    expect(doc<SqsQueue>(rs, 'Jobs')?.json).toMatchObject({ Statement: [{ Principal: '*', Action: 'sqs:SendMessage' }] });
    expect(doc<SqsQueue>(rs, 'Dead')?.json).toMatchObject({ Statement: [{ Principal: '*' }] });
    expect(doc<SqsQueue>(rs, 'Lonely')).toBeNull();
    // The queue's ARN holds the account, known only at deployment: the document says so.
    expect(doc<SqsQueue>(rs, 'Jobs')?.partial).toBe(true);
  });

  it('gives a topic its policy, and a secret its resource policy written as a JSON string', () => {
    expect(doc<SnsTopic>(rs, 'Alerts')?.json).toMatchObject({ Statement: [{ Principal: { Service: 'cloudwatch.amazonaws.com' } }] });
    expect(doc<Secret>(rs, 'Db')?.json).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }] });
  });

  it('gathers a function\'s permissions into the policy lambda:AddPermission builds, one statement each', () => {
    const policy = doc<LambdaFunction>(rs, 'Fn');
    expect(policy?.json).toEqual({
      Version: '2012-10-17', Id: 'default',
      Statement: [
        {
          Sid: 'FromBucket', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: 'thumbs',
          Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' }, StringEquals: { 'AWS:SourceAccount': '111122223333' } },
        },
        expect.objectContaining({ Sid: 'FromPartner', Principal: { AWS: '444455556666' } }),
      ],
    });
    const lineOf = (id: string): number => TEMPLATE.split('\n').findIndex((l) => l === `  ${id}:`) + 1;
    expect(policy?.statementAt?.map((p) => p.line)).toEqual([lineOf('FromBucket'), lineOf('FromPartner')]);
    expect(doc<LambdaFunction>(rs, 'Quiet')).toBeNull();
  });
});
