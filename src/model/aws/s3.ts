import type { Attr, ResourceBase } from '../core/index.js';
import type { PolicyDocument } from './iam.js';

export interface PublicAccessBlock {
  readonly blockPublicAcls: Attr<boolean>;
  readonly ignorePublicAcls: Attr<boolean>;
  readonly blockPublicPolicy: Attr<boolean>;
  readonly restrictPublicBuckets: Attr<boolean>;
}

export interface BucketEncryption {
  /** `AES256` (SSE-S3), `aws:kms`, `aws:kms:dsse`. Since 2023-01-05 a bucket without configuration uses SSE-S3. */
  readonly algorithm: Attr<string>;
  /** KMS key id/ARN/alias; null means the AWS managed key `aws/s3`. */
  readonly kmsKey: Attr<string | null>;
  readonly bucketKeyEnabled: Attr<boolean>;
}

export interface S3Bucket extends ResourceBase<'aws.s3.bucket'> {
  readonly name: Attr<string>;
  /** Absent (null) when no block is configured on the bucket. */
  readonly publicAccessBlock: Attr<PublicAccessBlock | null>;
  readonly encryption: Attr<BucketEncryption>;
  readonly versioning: Attr<boolean>;
  readonly mfaDelete: Attr<boolean>;
  /** Target bucket of server access logs, or null when logging is off. */
  readonly logging: Attr<string | null>;
  readonly policy: Attr<PolicyDocument | null>;
  /** Canned ACL (`private`, `public-read`, …). */
  readonly acl: Attr<string>;
  /** `BucketOwnerEnforced` disables ACLs altogether. */
  readonly objectOwnership: Attr<string | null>;
}
