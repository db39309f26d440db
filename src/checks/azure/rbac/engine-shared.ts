/**
 * Helpers shared by the RBAC checks that ask the engine. A finding is made once: `reportedByStandingCheck` states
 * exactly when AZURE-RBAC-001 fails an assignment, so the others leave it alone.
 */
import type { RbacAssignmentView, RbacService } from '../../kit/services/rbac.js';
import type { RoleAssignment } from '../../../model/index.js';

/**
 * AZURE-RBAC-001's judgement of an assignment, with the RBAC engine: standing (not PIM-eligible, not a CLI copy of a
 * PIM activation), at subscription, management-group or root scope, with a role that can take over that scope
 * (evaluated: NotActions, delegation conditions, built-in and custom definitions). The other RBAC checks use it to
 * leave to AZURE-RBAC-001 what it already reports.
 */
export type StandingJudgement =
  | { readonly kind: 'privileged'; readonly view: RbacAssignmentView; readonly role: string; readonly reasons: readonly string[] }
  | { readonly kind: 'unknown'; readonly attr: 'role' | 'scope'; readonly why: string }
  | { readonly kind: 'not' };

export function judgeStanding(a: RoleAssignment, rbac: RbacService): StandingJudgement {
  const view = rbac.assignment(a);
  if (!view) return { kind: 'unknown', attr: 'role', why: 'the assignment could not be evaluated' };
  if (view.tenure !== 'standing' || view.supersededBy !== null) return { kind: 'not' };
  if (view.scopeKind === null) return { kind: 'unknown', attr: 'scope', why: 'cannot tell the scope of the role assignment' };
  if (!BROAD_LEVELS.has(view.scopeKind)) return { kind: 'not' };
  const p = rbac.privilege(a);
  if (p.privileged === false) return { kind: 'not' };
  const role = view.roleName ?? view.roleId ?? (a.role.known ? a.role.value : 'the role');
  if (p.privileged === 'unknown') {
    return { kind: 'unknown', attr: 'role', why: `\`${role}\` at ${levelName(view.scopeKind)} \`${view.scope}\` may take over its scope: ${p.reasons.join('; ')}` };
  }
  return { kind: 'privileged', view, role, reasons: p.reasons };
}

/** True when AZURE-RBAC-001 fails this assignment. */
export function reportedByStandingCheck(a: RoleAssignment, rbac: RbacService): boolean {
  return judgeStanding(a, rbac).kind === 'privileged';
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
