import type { AnyCheck } from '../kit/types.js';

/** Every AWS check, by service. Each service folder exports its list from its own index. */
export const AWS_CHECKS: readonly AnyCheck[] = [];
