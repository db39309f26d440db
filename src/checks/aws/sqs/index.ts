import type { AnyCheck } from '../../kit/types.js';
import policyPublic from './sqs-policy-public.js';

export const SQS_CHECKS: readonly AnyCheck[] = [policyPublic];
