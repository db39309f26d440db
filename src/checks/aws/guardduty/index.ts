import type { AnyCheck } from '../../kit/types.js';
import enabled from './guardduty-enabled.js';

export const GUARDDUTY_CHECKS: readonly AnyCheck[] = [enabled];
