import type { AnyCheck } from '../kit/types.js';

/** Every Azure check, by service. Each service folder exports its list from its own index. */
export const AZURE_CHECKS: readonly AnyCheck[] = [];
