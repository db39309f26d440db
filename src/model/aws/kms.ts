import type { Attr, ResourceBase } from '../core/index.js';
import type { PolicyDocument } from './iam.js';

export interface KmsKey extends ResourceBase<'aws.kms.key'> {
  /** `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256` …; automatic rotation exists only for symmetric keys. */
  readonly keySpec: Attr<string>;
  readonly rotationEnabled: Attr<boolean>;
  readonly enabled: Attr<boolean>;
  readonly policy: Attr<PolicyDocument | null>;
}
