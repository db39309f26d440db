import { defineCheck } from '../../kit/define-check.js';
import { RBAC_ENGINE_UNAVAILABLE, levelName, reportedByStandingCheck } from './engine-shared.js';

export default defineCheck({
  id: 'AZURE-RBAC-104',
  title: 'Privileged roles are assigned to groups, not to individual users',
  severity: 'medium',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleAssignment',
  rationale:
    'Privileged access granted user by user is hard to review and is left behind when people change teams. Assigning ' +
    'privileged roles to (PIM-enabled) groups keeps membership in one reviewable place and lets access reviews and ' +
    'joiner/mover/leaver processes do their job. The engine decides what is privileged: roles that write role ' +
    'assignments or definitions (unless a delegation condition limits them to harmless roles) or write everything.',
  remediation: {
    summary: 'Assign the role to a group (ideally a PIM for Groups group) and add the user to it; remove the direct assignment.',
    cli: 'az role assignment create --assignee-object-id GROUP_ID --assignee-principal-type Group --role ROLE --scope SCOPE\naz role assignment delete --assignee USER --role ROLE --scope SCOPE',
    terraform: 'resource "azurerm_role_assignment" "admins" {\n  scope                = azurerm_resource_group.app.id\n  role_definition_name = "Owner"\n  principal_id         = azuread_group.app_admins.object_id\n  principal_type       = "Group"\n}',
    arm: '{ "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "name": "[guid(resourceGroup().id, parameters(\'groupId\'), \'owner\')]", "properties": { "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'8e3af657-a8ff-443c-a75c-2fe8c4bcb635\')]", "principalId": "[parameters(\'groupId\')]", "principalType": "Group" } }',
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#assign-roles-to-groups-not-users',
    'https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/concept-pim-for-groups',
  ],
  evaluate(assignment, ctx) {
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(assignment.principalType, RBAC_ENGINE_UNAVAILABLE);
    // A standing well-known privileged role at a broad scope is AZURE-RBAC-001's finding already.
    if (reportedByStandingCheck(assignment, rbac)) return ctx.notApplicable();
    const view = rbac.assignment(assignment);
    if (!view) return ctx.unknown(assignment.role, 'the assignment could not be evaluated');
    // Eligibility (and its activations) is how just-in-time access is given to a person; a superseded CLI copy is
    // judged as its instance.
    if (view.tenure === 'eligible' || view.tenure === 'activated' || view.supersededBy !== null) return ctx.pass();
    const type = view.principalType;
    if (type === null) return ctx.pass();
    if (type.toLowerCase() !== 'user') return ctx.pass();
    const p = rbac.privilege(assignment);
    if (p.privileged === false) return ctx.pass();
    const role = view.roleName ?? view.roleId ?? 'the role';
    if (p.privileged === 'unknown') return ctx.unknown(assignment.role, `cannot tell whether \`${role}\` is privileged: ${p.reasons.join('; ')}`);
    return ctx.fail(
      assignment.principalId,
      `privileged role \`${role}\` at ${levelName(view.scopeKind)} \`${view.scope}\` is assigned directly to user \`${view.principalName ?? view.principalId}\`; assign it to a group and add the user to the group`,
      { evidence: p.reasons.map((r) => `\`${role}\` ${r}`) },
    );
  },
});
