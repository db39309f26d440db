import { defineCheck } from '../../kit/define-check.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { Estate, RoleAssignment } from '../../../model/index.js';
import { holder, judgeStanding, levelName } from './engine-shared.js';
import { PRIVILEGED_BUILTIN_ROLES, grants, roleGuid } from '../shared/actions.js';
import { scopeLevel } from '../shared/scope.js';

/** The role's display name when it can take over its scope, null when it cannot, 'unknown' when undecidable. */
function privilegedRole(assignment: RoleAssignment, estate: Estate): string | null | 'unknown' {
  if (!assignment.role.known) return 'unknown';
  const role = assignment.role.value;
  const byName = Object.values(PRIVILEGED_BUILTIN_ROLES).find((n) => n.toLowerCase() === role.trim().toLowerCase());
  if (byName) return byName;
  const guid = roleGuid(role);
  const builtin = PRIVILEGED_BUILTIN_ROLES[guid];
  if (builtin) return builtin;
  const custom = estate
    .ofKind('azure.authorization.roleDefinition')
    .find((d) => (d.roleId.known && d.roleId.value === guid) || (d.roleName.known && d.roleName.value.toLowerCase() === role.trim().toLowerCase()));
  if (!custom) return null;
  if (!custom.permissions.known) return 'unknown';
  const takesOver = custom.permissions.value.some((b) => b.condition === null && (grants(b, 'Microsoft.Authorization/roleAssignments/write') || grants(b, '*/write')));
  return takesOver ? (custom.roleName.known ? custom.roleName.value : custom.native.name) : null;
}

export default defineCheck({
  id: 'AZURE-RBAC-001',
  title: 'No standing privileged role at subscription or management-group scope',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleAssignment',
  rationale:
    'Owner, Contributor, User Access Administrator and Role Based Access Control Administrator — or any built-in or ' +
    'custom role that, evaluated with its NotActions and delegation condition, can write role assignments, role ' +
    'definitions or every kind of resource — at subscription or management-group scope control every resource ' +
    'beneath. Held permanently, they are a standing target: a phished session or leaked credential is immediately ' +
    'an admin. Privileged Identity Management makes such access eligible, time-bound, justified and approved instead. ' +
    '(`az role assignment create` has no duration or justification flags: time-bound access is PIM.)',
  remediation: {
    summary: 'Remove the standing assignment and make the principal eligible through PIM (or assign a narrower role at a narrower scope).',
    cli: 'az role assignment delete --assignee PRINCIPAL --role Owner --scope /subscriptions/SUB\n# then create a PIM eligibility: PUT /subscriptions/SUB/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/{guid}?api-version=2020-10-01',
    terraform: 'resource "azurerm_pim_eligible_role_assignment" "ops" {\n  scope              = data.azurerm_subscription.current.id\n  role_definition_id = "${data.azurerm_subscription.current.id}${data.azurerm_role_definition.contributor.id}"\n  principal_id       = azuread_group.ops.object_id\n  schedule {\n    expiration { duration_hours = 8 }\n  }\n  justification = "On-call elevation"\n}',
    arm: '{ "type": "Microsoft.Authorization/roleEligibilityScheduleRequests", "apiVersion": "2020-10-01", "name": "[guid(subscription().id, parameters(\'principalId\'))]", "properties": { "principalId": "[parameters(\'principalId\')]", "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'b24988ac-6180-42a0-ab88-20f7382dd24c\')]", "requestType": "AdminAssign", "scheduleInfo": { "expiration": { "type": "AfterDuration", "duration": "P180D" } } } }',
  },
  references: [
    'https://learn.microsoft.com/azure/role-based-access-control/best-practices',
    'https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-resource-roles-assign-roles',
    'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/privileged',
  ],
  evaluate(assignment, ctx) {
    const rbac = ctx.services.rbac;
    if (rbac) {
      const j = judgeStanding(assignment, rbac);
      if (j.kind === 'not') return ctx.pass();
      if (j.kind === 'unknown') return ctx.unknown(j.attr === 'scope' ? assignment.scope : assignment.role, j.why);
      const { view, role, reasons } = j;
      return ctx.fail(
        assignment.role,
        `\`${role}\` is held permanently by ${holder(view)} at ${levelName(view.scopeKind)} scope \`${view.scope}\` and ${reasons.join(', ')}; make it eligible through PIM or narrow the role and scope`,
        { evidence: [...reasons.map((r) => `role \`${role}\` ${r}`), `reaches ${view.reaches.join(', ')}`] },
      );
    }
    return modelOnly(assignment, ctx.estate, ctx);
  },
});

/** Without the engine (it is always built by the scan; this keeps the check usable on its own): the well-known roles. */
function modelOnly(assignment: RoleAssignment, estate: Estate, ctx: CheckContext): Outcome {
  if (assignment.via === 'pimEligible') return ctx.pass();
  if (!assignment.scope.known) return ctx.unknown(assignment.scope, 'cannot tell the scope of the role assignment');
  const level = scopeLevel(assignment.scope.value);
  if (level !== 'subscription' && level !== 'managementGroup' && level !== 'root') return ctx.pass();
  const role = privilegedRole(assignment, estate);
  if (role === 'unknown') return ctx.unknown(assignment.role, 'cannot tell which role is assigned');
  if (role === null) return ctx.pass();
  if (assignment.via === 'pimActive' && assignment.endsAt.known && assignment.endsAt.value !== null) return ctx.pass();
  const where = level === 'managementGroup' ? 'management-group' : level === 'root' ? 'tenant-root' : 'subscription';
  return ctx.fail(assignment.role, `\`${role}\` is assigned permanently at ${where} scope \`${assignment.scope.value}\`; make it eligible through PIM or narrow the role and scope`);
}
