import type { AnyCheck } from '../../kit/types.js';
import policyPublic from './kms-policy-public.js';
import rotation from './kms-rotation.js';

export const KMS_CHECKS: readonly AnyCheck[] = [rotation, policyPublic];
