import type { AnyCheck } from '../kit/types.js';
import { SECRETS_CHECKS } from './secrets/index.js';

/** Checks on template inputs common to every format (parameters, variables), by area. */
export const IAC_CHECKS: readonly AnyCheck[] = [...SECRETS_CHECKS];
