import { defineCheck } from '../../kit/define-check.js';
import { BROAD_LEVELS, RBAC_ENGINE_UNAVAILABLE, holder, levelName, reportedByStandingCheck } from './engine-shared.js';

export default defineCheck({
  id: 'AZURE-RBAC-101',
  title: 'No standing role at subscription or management-group scope can take over its scope (evaluated)',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleAssignment',
  rationale:
    'Beyond the four well-known privileged roles (AZURE-RBAC-001), other built-in and custom roles can take over a ' +
    'subscription or management group: roles that write role assignments or role definitions, roles whose ' +
    'delegation condition still lets them assign Owner or Contributor, roles that write every kind of resource. ' +
    'Parapet evaluates each role with the RBAC engine (NotActions, conditions, built-in definitions) instead of ' +
    'matching names. Held permanently at a broad scope, such access is a standing target; Privileged Identity ' +
    'Management makes it eligible and time-bound instead.',
  remediation: {
    summary: 'Remove the standing assignment and make the principal eligible through PIM, or constrain the delegation condition to non-privileged roles.',
    cli: 'az role assignment delete --ids ASSIGNMENT_ID\n# then request an eligibility: az rest --method put --url "https://management.azure.com/SCOPE/providers/Microsoft.Authorization/roleEligibilityScheduleRequests/$(uuidgen)?api-version=2020-10-01" --body @eligibility.json',
    terraform: 'resource "azurerm_pim_eligible_role_assignment" "ops" {\n  scope              = data.azurerm_subscription.current.id\n  role_definition_id = "${data.azurerm_subscription.current.id}${data.azurerm_role_definition.role.id}"\n  principal_id       = azuread_group.ops.object_id\n  schedule {\n    expiration { duration_days = 180 }\n  }\n}',
    arm: '{ "type": "Microsoft.Authorization/roleEligibilityScheduleRequests", "apiVersion": "2020-10-01", "name": "[guid(subscription().id, parameters(\'principalId\'))]", "properties": { "principalId": "[parameters(\'principalId\')]", "roleDefinitionId": "[parameters(\'roleDefinitionId\')]", "requestType": "AdminAssign", "scheduleInfo": { "expiration": { "type": "AfterDuration", "duration": "P180D" } } } }',
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#limit-privileged-administrator-role-assignments',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/delegate-role-assignments-overview',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-assignments#integration-with-privileged-identity-management-preview',
  ],
  evaluate(assignment, ctx) {
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(assignment.role, RBAC_ENGINE_UNAVAILABLE);
    // AZURE-RBAC-001 already reports the well-known privileged roles; this check adds what only evaluation finds.
    if (reportedByStandingCheck(assignment, ctx.estate)) return ctx.notApplicable();
    const view = rbac.assignment(assignment);
    if (!view) return ctx.unknown(assignment.role, 'the assignment could not be evaluated');
    if (view.tenure !== 'standing' || view.supersededBy !== null) return ctx.pass();
    if (view.scopeKind === null) return ctx.unknown(assignment.scope, 'cannot tell the scope of the role assignment');
    if (!BROAD_LEVELS.has(view.scopeKind)) return ctx.pass();
    const p = rbac.privilege(assignment);
    if (p.privileged === false) return ctx.pass();
    const role = view.roleName ?? view.roleId ?? (assignment.role.known ? assignment.role.value : 'the role');
    if (p.privileged === 'unknown') {
      return ctx.unknown(assignment.role, `\`${role}\` at ${levelName(view.scopeKind)} \`${view.scope}\` may take over its scope: ${p.reasons.join('; ')}`);
    }
    return ctx.fail(
      assignment.role,
      `\`${role}\` is held permanently by ${holder(view)} at ${levelName(view.scopeKind)} scope \`${view.scope}\` and ${p.reasons.join(', ')}; make it eligible through PIM or narrow the role`,
      { evidence: [...p.reasons.map((r) => `role \`${role}\` ${r}`), `reaches ${view.reaches.join(', ')}`] },
    );
  },
});
