import type { AnyCheck } from '../../kit/types.js';
import adminRole from './iam-effective-admin-role.js';
import escalationRole from './iam-escalation-role.js';
import escalationUser from './iam-escalation-user.js';

/**
 * The checks that exist only because of the IAM engine (AWS-IAM-1xx). The foundation checks that the engine now
 * judges keep their ids: AWS-IAM-003 (trust policies), AWS-IAM-006 (user administrators), AWS-S3-003 and
 * AWS-KMS-002 (resource policies).
 */
export const IAM_ENGINE_CHECKS: readonly AnyCheck[] = [adminRole, escalationUser, escalationRole];
