import type { AnyCheck } from '../../kit/types.js';
import policyPublic from './sns-policy-public.js';

export const SNS_CHECKS: readonly AnyCheck[] = [policyPublic];
