import type { AnyCheck } from '../kit/types.js';
import { COMPUTE_CHECKS } from './compute/index.js';
import { DEFENDER_CHECKS } from './defender/index.js';
import { KEYVAULT_CHECKS } from './keyvault/index.js';
import { MONITOR_CHECKS } from './monitor/index.js';
import { NETWORK_CHECKS } from './network/index.js';
import { RBAC_CHECKS } from './rbac/index.js';
import { REACHABILITY_CHECKS } from './reachability/index.js';
import { STORAGE_CHECKS } from './storage/index.js';

/** Every Azure check, by service. Each service folder exports its list from its own index. */
export const AZURE_CHECKS: readonly AnyCheck[] = [
  ...RBAC_CHECKS, ...NETWORK_CHECKS, ...STORAGE_CHECKS, ...KEYVAULT_CHECKS, ...COMPUTE_CHECKS, ...MONITOR_CHECKS, ...DEFENDER_CHECKS, ...REACHABILITY_CHECKS,
];
