import type { AnyCheck } from '../../kit/types.js';
import cloudWatchLogs from './cloudtrail-cloudwatch-logs.js';
import enabled from './cloudtrail-enabled.js';
import kms from './cloudtrail-kms.js';
import logValidation from './cloudtrail-log-validation.js';
import logging from './cloudtrail-logging.js';
import multiRegion from './cloudtrail-multi-region.js';

export const CLOUDTRAIL_CHECKS: readonly AnyCheck[] = [enabled, multiRegion, logValidation, cloudWatchLogs, kms, logging];
