import type { AnyCheck } from '../../kit/types.js';
import adminPassword from './vm-admin-password.js';
import managedIdentity from './vm-managed-identity.js';
import passwordAuth from './vm-password-auth.js';

export const COMPUTE_CHECKS: readonly AnyCheck[] = [passwordAuth, managedIdentity, adminPassword];
