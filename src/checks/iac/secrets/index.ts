import type { AnyCheck } from '../../kit/types.js';
import secretDefault from './parameter-default.js';
import hidden from './parameter-hidden.js';

export const SECRETS_CHECKS: readonly AnyCheck[] = [hidden, secretDefault];
