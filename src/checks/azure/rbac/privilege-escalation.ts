import { defineCheck } from '../../kit/define-check.js';
import { RBAC_ENGINE_UNAVAILABLE, holder, levelName, reportedByStandingCheck } from './engine-shared.js';

export default defineCheck({
  id: 'AZURE-RBAC-105',
  title: 'No role assignment opens a privilege-escalation path',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleAssignment',
  rationale:
    'Some permissions are worth more than they look: writing role assignments lets a holder grant itself any role at ' +
    'the scope (data roles included, which even Owner lacks); writing role definitions lets it widen a role it ' +
    'holds; assigning a user-assigned managed identity to a virtual machine and running commands there lets it act ' +
    'as that identity; writing a Key Vault access policy lets it read the vault\'s secrets. Each is reported with ' +
    'the path that makes it possible, evaluated across the holder\'s groups and every assignment it has at the scope.',
  remediation: {
    summary: 'Remove the permission from the role or the assignment; for delegated role administration, add a condition that limits which roles may be assigned.',
    cli: 'az role assignment update --role-assignment assignment.json   # add a condition such as @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {…}',
    terraform: 'resource "azurerm_role_assignment" "delegate" {\n  scope                = azurerm_resource_group.app.id\n  role_definition_name = "Role Based Access Control Administrator"\n  principal_id         = azuread_group.leads.object_id\n  condition_version    = "2.0"\n  condition            = "((!(ActionMatches{\'Microsoft.Authorization/roleAssignments/write\'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7}))"\n}',
    arm: '"properties": { "roleDefinitionId": "…", "principalId": "…", "conditionVersion": "2.0", "condition": "((!(ActionMatches{\'Microsoft.Authorization/roleAssignments/write\'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7}))" }',
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/delegate-role-assignments-overview',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices',
    'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-access-policy',
    'https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/managed-identity-best-practice-recommendations',
  ],
  evaluate(assignment, ctx) {
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(assignment.role, RBAC_ENGINE_UNAVAILABLE);
    // A standing Owner / User Access Administrator / RBAC Administrator at a broad scope is AZURE-RBAC-001's finding.
    if (reportedByStandingCheck(assignment, rbac)) return ctx.notApplicable();
    const view = rbac.assignment(assignment);
    if (!view) return ctx.unknown(assignment.role, 'the assignment could not be evaluated');
    // Eligible and activated access is just in time; a superseded CLI copy is judged as its PIM instance.
    if (view.tenure === 'eligible' || view.tenure === 'activated' || view.supersededBy !== null) return ctx.pass();
    const paths = rbac.escalations(assignment);
    if (paths.length === 0) return ctx.pass();
    const role = view.roleName ?? view.roleId ?? 'the role';
    const definite = paths.filter((p) => p.decision === 'allowed');
    const evidence = paths.flatMap((p) => [`${p.method}${p.decision === 'unknown' ? ' (possible)' : ''}:`, ...p.steps.map((s) => `  ${s}`)]);
    if (definite.length === 0) {
      return ctx.unknown(assignment.role, `\`${role}\` for ${holder(view)} at \`${view.scope}\` may allow ${paths.map((p) => p.method).join(', ')}: ${paths[0]?.steps.join('; ')}`);
    }
    return ctx.fail(
      assignment.role,
      `\`${role}\` lets ${holder(view)} escalate at ${levelName(view.scopeKind)} \`${view.scope}\` (${definite.map((p) => p.method).join(', ')}); remove the permission or constrain it with a condition`,
      { evidence },
    );
  },
});
