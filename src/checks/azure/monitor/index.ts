import type { AnyCheck } from '../../kit/types.js';
import categories from './activity-log-categories.js';
import activityLogExport from './activity-log-export.js';

export const MONITOR_CHECKS: readonly AnyCheck[] = [activityLogExport, categories];
