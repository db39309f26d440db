/**
 * Helpers shared by the engine-based RBAC checks (AZURE-RBAC-1xx). They complement the simpler model-based checks
 * (AZURE-RBAC-001/002) and must not report what those already report: `reportedByStandingCheck` states, for that
 * purpose, exactly when AZURE-RBAC-001 fails an assignment.
 */
import type { RbacAssignmentView } from '../../kit/services/rbac.js';
import type { Estate, RoleAssignment } from '../../../model/index.js';
import { PRIVILEGED_BUILTIN_ROLES, grants, roleGuid } from '../shared/actions.js';
import { scopeLevel } from '../shared/scope.js';

/** True when AZURE-RBAC-001 fails this assignment (a standing well-known privileged role at subscription,
 * management-group or root scope, judged on the model alone). */
export function reportedByStandingCheck(a: RoleAssignment, estate: Estate): boolean {
  if (a.via === 'pimEligible' || !a.scope.known || !a.role.known) return false;
  const level = scopeLevel(a.scope.value);
  if (level !== 'subscription' && level !== 'managementGroup' && level !== 'root') return false;
  if (a.via === 'pimActive' && a.endsAt.known && a.endsAt.value !== null) return false;
  const role = a.role.value.trim().toLowerCase();
  if (Object.values(PRIVILEGED_BUILTIN_ROLES).some((n) => n.toLowerCase() === role)) return true;
  const guid = roleGuid(role);
  if (PRIVILEGED_BUILTIN_ROLES[guid]) return true;
  const custom = estate.ofKind('azure.authorization.roleDefinition')
    .find((d) => (d.roleId.known && d.roleId.value === guid) || (d.roleName.known && d.roleName.value.toLowerCase() === role));
  if (!custom || !custom.permissions.known) return false;
  return custom.permissions.value.some((b) => b.condition === null && (grants(b, 'Microsoft.Authorization/roleAssignments/write') || grants(b, '*/write')));
}

/** `user \`alice@contoso.com\`` or `group \`platform-admins\` (3 members)`. */
export function holder(v: RbacAssignmentView): string {
  const name = v.principalName ?? v.principalId;
  if (!v.isGroup) return `${(v.principalType ?? 'principal').toLowerCase()} \`${name}\``;
  const members = v.reaches.length - 1;
  return v.membersKnown ? `group \`${name}\` (${members} member${members === 1 ? '' : 's'}, nested included)` : `group \`${name}\` (members unknown)`;
}

export function levelName(kind: RbacAssignmentView['scopeKind']): string {
  return kind === 'managementGroup' ? 'management group' : kind === 'root' ? 'tenant root' : kind ?? 'unknown';
}

export const BROAD_LEVELS: ReadonlySet<string> = new Set(['root', 'managementGroup', 'subscription']);

export const RBAC_ENGINE_UNAVAILABLE = 'the RBAC engine is not available in this run';
