import type { AnyCheck } from '../../kit/types.js';
import adminRole from './iam-effective-admin-role.js';
import adminUser from './iam-effective-admin-user.js';
import escalationRole from './iam-escalation-role.js';
import escalationUser from './iam-escalation-user.js';
import kmsOutsiders from './iam-kms-policy-outsiders.js';
import s3Outsiders from './iam-s3-policy-outsiders.js';
import trustOutsiders from './iam-trust-outsiders.js';

/** The checks judged by the IAM engine (AWS-IAM-1xx). */
export const IAM_ENGINE_CHECKS: readonly AnyCheck[] = [
  adminUser, adminRole, trustOutsiders, s3Outsiders, kmsOutsiders, escalationUser, escalationRole,
];
