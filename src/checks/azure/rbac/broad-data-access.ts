import { defineCheck } from '../../kit/define-check.js';
import { BROAD_LEVELS, RBAC_ENGINE_UNAVAILABLE, holder, levelName } from './engine-shared.js';

export default defineCheck({
  id: 'AZURE-RBAC-106',
  title: 'Storage data and Key Vault secrets are not readable through roles at subscription or management-group scope',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleAssignment',
  rationale:
    'A data role (Storage Blob Data Owner, Key Vault Secrets User, Key Vault Administrator…) assigned at a ' +
    'subscription or management group reaches every storage account and vault beneath it, including those created ' +
    'later. Data access should be granted where the data is, on the account, container or vault, or be narrowed ' +
    'by a condition.',
  remediation: {
    summary: 'Assign the data role on the storage account, container or key vault that needs it (or add a condition), and remove the broad assignment.',
    cli: 'az role assignment create --assignee PRINCIPAL --role "Storage Blob Data Reader" --scope /subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/ACCOUNT\naz role assignment delete --ids BROAD_ASSIGNMENT_ID',
    terraform: 'resource "azurerm_role_assignment" "reader" {\n  scope                = azurerm_storage_account.logs.id\n  role_definition_name = "Storage Blob Data Reader"\n  principal_id         = azurerm_user_assigned_identity.app.principal_id\n}',
    arm: '{ "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01", "scope": "[format(\'Microsoft.Storage/storageAccounts/{0}\', parameters(\'account\'))]", "name": "[guid(parameters(\'account\'), parameters(\'principalId\'))]", "properties": { "roleDefinitionId": "[subscriptionResourceId(\'Microsoft.Authorization/roleDefinitions\', \'2a2b9908-6ea1-4ae2-8e65-a410df84e7d1\')]", "principalId": "[parameters(\'principalId\')]" } }',
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#control-and-data-actions',
    'https://learn.microsoft.com/en-us/azure/storage/blobs/assign-azure-role-data-access',
    'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#only-grant-the-access-users-need',
  ],
  evaluate(assignment, ctx) {
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(assignment.role, RBAC_ENGINE_UNAVAILABLE);
    const view = rbac.assignment(assignment);
    if (!view) return ctx.unknown(assignment.role, 'the assignment could not be evaluated');
    if (view.tenure === 'eligible' || view.tenure === 'activated' || view.supersededBy !== null) return ctx.pass();
    if (view.scopeKind === null) return ctx.unknown(assignment.scope, 'cannot tell the scope of the role assignment');
    if (!BROAD_LEVELS.has(view.scopeKind)) return ctx.pass();
    if (view.roleId === null) return ctx.unknown(assignment.role, 'the role is neither in the inputs nor a built-in role');
    const { granted } = rbac.dataAccess(assignment);
    if (granted.length === 0) return ctx.pass();
    const role = view.roleName ?? view.roleId;
    return ctx.fail(
      assignment.scope,
      `\`${role}\` at ${levelName(view.scopeKind)} \`${view.scope}\` gives ${holder(view)} data access to every storage account or key vault beneath (${granted.length} sensitive data actions); assign it on the resources that need it`,
      { evidence: granted.map((a) => `grants \`${a}\``) },
    );
  },
});
