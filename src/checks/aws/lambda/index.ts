import type { AnyCheck } from '../../kit/types.js';
import envSecrets from './lambda-env-secrets.js';
import policyPublic from './lambda-policy-public.js';

export const LAMBDA_CHECKS: readonly AnyCheck[] = [envSecrets, policyPublic];
