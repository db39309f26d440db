import type { AnyCheck } from '../../kit/types.js';
import policyPublic from './secret-policy-public.js';
import rotation from './secret-rotation.js';
import valueInTemplate from './secret-value-in-template.js';

export const SECRETSMANAGER_CHECKS: readonly AnyCheck[] = [rotation, valueInTemplate, policyPublic];
