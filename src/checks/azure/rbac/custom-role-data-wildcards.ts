import { defineCheck } from '../../kit/define-check.js';
import { RBAC_ENGINE_UNAVAILABLE } from './engine-shared.js';
import { scopeLevel } from '../shared/scope.js';

const WIDE = new Set(['root', 'managementGroup', 'subscription']);

export default defineCheck({
  id: 'AZURE-RBAC-103',
  title: 'Custom role does not grant wildcard access to storage data or Key Vault secrets across wide scopes',
  severity: 'medium',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleDefinition',
  rationale:
    'Data actions are separate from control actions: `*` in Actions never reaches data, but a wildcard in DataActions ' +
    '(`Microsoft.Storage/*`, `Microsoft.KeyVault/vaults/*`, `*`) grants every blob, queue message, table entity or ' +
    'secret in reach, including operations added later. A custom role like that, assignable at a subscription, ' +
    'management group or the root, makes every holder a reader of all the data beneath. (Wildcards in Actions are ' +
    'AZURE-RBAC-002.)',
  remediation: {
    summary: 'List the data actions the role needs (for example only `…/blobs/read`) and make it assignable only where it is used.',
    cli: 'az role definition update --role-definition role.json',
    terraform: 'resource "azurerm_role_definition" "reader" {\n  name  = "Logs blob reader"\n  scope = azurerm_resource_group.logs.id\n  permissions {\n    data_actions = ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"]\n  }\n  assignable_scopes = [azurerm_resource_group.logs.id]\n}',
    arm: '"permissions": [ { "actions": [], "dataActions": [ "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read" ] } ], "assignableScopes": [ "[resourceGroup().id]" ]',
  },
  references: [
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#dataactions',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#assignablescopes',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles',
  ],
  evaluate(role, ctx) {
    if (!role.custom) return ctx.notApplicable();
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(role.permissions, RBAC_ENGINE_UNAVAILABLE);
    const name = role.roleName.known ? role.roleName.value : role.native.name;
    if (!role.permissions.known) return ctx.unknown(role.permissions, `cannot tell the permissions of custom role \`${name}\``);
    const wildcards = role.permissions.value.flatMap((b) => b.dataActions.filter((d) => d.includes('*')));
    if (wildcards.length === 0) return ctx.pass();
    const sensitive = rbac.roleDataAccess(role);
    if (sensitive.length === 0) return ctx.pass();
    if (!role.assignableScopes.known) return ctx.unknown(role.assignableScopes, `cannot tell where custom role \`${name}\` can be assigned`);
    const wide = role.assignableScopes.value.filter((s) => WIDE.has(scopeLevel(s)));
    if (wide.length === 0) return ctx.pass();
    return ctx.fail(
      role.permissions,
      `custom role \`${name}\` grants ${wildcards.map((w) => `\`${w}\``).join(', ')} (${sensitive.length} sensitive data actions) and is assignable at ${wide.map((s) => `\`${s}\``).join(', ')}; list the data actions it needs and narrow where it can be assigned`,
      { evidence: sensitive.map((a) => `grants \`${a}\``) },
    );
  },
});
