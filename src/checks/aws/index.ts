import type { AnyCheck } from '../kit/types.js';
import { CLOUDTRAIL_CHECKS } from './cloudtrail/index.js';
import { EC2_CHECKS } from './ec2/index.js';
import { GUARDDUTY_CHECKS } from './guardduty/index.js';
import { IAM_CHECKS } from './iam/index.js';
import { KMS_CHECKS } from './kms/index.js';
import { LAMBDA_CHECKS } from './lambda/index.js';
import { RDS_CHECKS } from './rds/index.js';
import { REACHABILITY_CHECKS } from './reachability/index.js';
import { S3_CHECKS } from './s3/index.js';
import { SECRETSMANAGER_CHECKS } from './secretsmanager/index.js';
import { SNS_CHECKS } from './sns/index.js';
import { SQS_CHECKS } from './sqs/index.js';

/** Every AWS check, by service. Each service folder exports its list from its own index. */
export const AWS_CHECKS: readonly AnyCheck[] = [
  ...IAM_CHECKS, ...S3_CHECKS, ...KMS_CHECKS, ...EC2_CHECKS, ...CLOUDTRAIL_CHECKS, ...SECRETSMANAGER_CHECKS, ...LAMBDA_CHECKS,
  ...RDS_CHECKS, ...GUARDDUTY_CHECKS, ...REACHABILITY_CHECKS, ...SQS_CHECKS, ...SNS_CHECKS,
];
