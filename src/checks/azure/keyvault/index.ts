import type { AnyCheck } from '../../kit/types.js';
import keyExpiry from './keyvault-key-expiry.js';
import network from './keyvault-network.js';
import purgeProtection from './keyvault-purge-protection.js';
import rbac from './keyvault-rbac.js';
import secretExpiry from './keyvault-secret-expiry.js';
import secretValue from './keyvault-secret-value.js';

export const KEYVAULT_CHECKS: readonly AnyCheck[] = [purgeProtection, network, rbac, secretExpiry, keyExpiry, secretValue];
