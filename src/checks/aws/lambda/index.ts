import type { AnyCheck } from '../../kit/types.js';
import envSecrets from './lambda-env-secrets.js';

export const LAMBDA_CHECKS: readonly AnyCheck[] = [envSecrets];
