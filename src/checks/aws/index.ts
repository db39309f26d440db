import type { AnyCheck } from '../kit/types.js';
import { IAM_CHECKS } from './iam/index.js';
import { KMS_CHECKS } from './kms/index.js';
import { S3_CHECKS } from './s3/index.js';

/** Every AWS check, by service. Each service folder exports its list from its own index. */
export const AWS_CHECKS: readonly AnyCheck[] = [...IAM_CHECKS, ...S3_CHECKS, ...KMS_CHECKS];
