import type { Adapter } from './common.js';
import { AUTHORIZATION_ADAPTERS } from './authorization.js';
import { NETWORK_ADAPTERS } from './network.js';
import { SERVICE_ADAPTERS } from './services.js';

/**
 * Adapters by lowercased resource type. Types not listed have nothing the model expresses and are skipped silently
 * (their expressions are still evaluated, so broken ones are reported).
 */
export const ADAPTERS: Readonly<Record<string, Adapter>> = {
  ...NETWORK_ADAPTERS,
  ...SERVICE_ADAPTERS,
  ...AUTHORIZATION_ADAPTERS,
};

export type { AdaptSink, Adapter, ArmResource } from './common.js';
