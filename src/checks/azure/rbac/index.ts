import type { AnyCheck } from '../../kit/types.js';
import customRoleWildcards from './custom-role-wildcards.js';
import standingPrivilegedAccess from './standing-privileged-access.js';
import pimPolicyPrivileged from './pim-policy-privileged.js';
import customRoleDataWildcards from './custom-role-data-wildcards.js';
import privilegedRoleToUser from './privileged-role-to-user.js';
import privilegeEscalation from './privilege-escalation.js';
import broadDataAccess from './broad-data-access.js';

export const RBAC_CHECKS: readonly AnyCheck[] = [
  standingPrivilegedAccess, customRoleWildcards,
  // Engine-based (AZURE-RBAC-1xx): PIM settings, data access, escalation.
  pimPolicyPrivileged, customRoleDataWildcards, privilegedRoleToUser, privilegeEscalation, broadDataAccess,
];
