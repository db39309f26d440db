import type { AnyCheck } from '../../kit/types.js';
import enabled from './defender-enabled.js';
import planStandard from './defender-plan-standard.js';

export const DEFENDER_CHECKS: readonly AnyCheck[] = [planStandard, enabled];
