import type { Attr, Link, ResourceBase } from '../core/index.js';
import type { PolicyDocument } from './iam.js';

export interface CloudTrail extends ResourceBase<'aws.cloudtrail.trail'> {
  readonly name: Attr<string>;
  readonly isLogging: Attr<boolean>;
  readonly multiRegion: Attr<boolean>;
  readonly logFileValidation: Attr<boolean>;
  readonly includeGlobalServiceEvents: Attr<boolean>;
  readonly cloudWatchLogsGroup: Attr<string | null>;
  readonly kmsKey: Attr<string | null>;
  readonly s3Bucket: Link;
  readonly organizationTrail: Attr<boolean>;
}

export interface Secret extends ResourceBase<'aws.secretsmanager.secret'> {
  readonly name: Attr<string>;
  readonly kmsKey: Attr<string | null>;
  /** Rotation as configured on the secret or by a separate rotation resource; null when none. */
  readonly rotation: Attr<{ readonly enabled: boolean; readonly days: number | null } | null>;
  /** A secret value written into the configuration itself. */
  readonly secretString: Attr<string | null>;
  /** The secret's resource-based policy, when the input carries it (null: none). */
  readonly policy?: Attr<PolicyDocument | null>;
}

export interface LambdaFunction extends ResourceBase<'aws.lambda.function'> {
  readonly name: Attr<string>;
  readonly role: Link;
  readonly runtime: Attr<string | null>;
  /** Environment variables by name, each with its own value and position. */
  readonly environment: Attr<Readonly<Record<string, Attr<string>>>>;
  readonly kmsKey: Attr<string | null>;
  /** The function's resource-based policy (what `lambda:AddPermission` builds), when the input carries it. */
  readonly policy?: Attr<PolicyDocument | null>;
}

export interface SqsQueue extends ResourceBase<'aws.sqs.queue'> {
  readonly name: Attr<string>;
  readonly policy: Attr<PolicyDocument | null>;
  readonly kmsKey: Attr<string | null>;
}

export interface SnsTopic extends ResourceBase<'aws.sns.topic'> {
  readonly name: Attr<string>;
  readonly policy: Attr<PolicyDocument | null>;
  readonly kmsKey: Attr<string | null>;
}

export interface RdsInstance extends ResourceBase<'aws.rds.instance'> {
  readonly identifier: Attr<string>;
  readonly engine: Attr<string>;
  readonly storageEncrypted: Attr<boolean>;
  readonly kmsKey: Attr<string | null>;
  readonly publiclyAccessible: Attr<boolean>;
  /** A password written into the configuration (null when managed by Secrets Manager or absent). */
  readonly masterPassword: Attr<string | null>;
  readonly manageMasterUserPassword: Attr<boolean>;
  readonly iamAuthentication: Attr<boolean>;
  readonly securityGroups: readonly Link[];
  readonly subnetGroup: Attr<string | null>;
}

export interface GuardDutyDetector extends ResourceBase<'aws.guardduty.detector'> {
  readonly enabled: Attr<boolean>;
}
