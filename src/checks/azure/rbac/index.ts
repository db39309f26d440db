import type { AnyCheck } from '../../kit/types.js';
import customRoleWildcards from './custom-role-wildcards.js';
import standingPrivilegedAccess from './standing-privileged-access.js';

export const RBAC_CHECKS: readonly AnyCheck[] = [standingPrivilegedAccess, customRoleWildcards];
