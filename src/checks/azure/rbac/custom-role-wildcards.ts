import { defineCheck } from '../../kit/define-check.js';
import { grants } from '../shared/actions.js';
import { displayName } from '../../kit/expect.js';

const DANGEROUS = [
  ['*', 'every action (`*`)'],
  ['*/write', 'writing every resource type (`*/write`)'],
  ['Microsoft.Authorization/roleAssignments/write', 'writing role assignments'],
  ['Microsoft.Authorization/roleDefinitions/write', 'writing role definitions'],
] as const;

export default defineCheck({
  id: 'AZURE-RBAC-002',
  title: 'Custom role does not grant everything or access management',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleDefinition',
  rationale:
    'A custom role with `*`, `*/write` or `Microsoft.Authorization/*` is an Owner by another name: it escapes every ' +
    'review that looks for built-in privileged roles, and its holders can grant themselves anything.',
  remediation: {
    summary: 'List the actions the role needs; exclude Microsoft.Authorization writes, or use a built-in role.',
    cli: 'az role definition update --role-definition role.json',
    terraform: 'resource "azurerm_role_definition" "ops" {\n  # …\n  permissions {\n    actions     = ["Microsoft.Compute/virtualMachines/start/action", "Microsoft.Compute/virtualMachines/restart/action"]\n    not_actions = []\n  }\n}',
    arm: '"permissions": [ { "actions": [ "Microsoft.Compute/virtualMachines/start/action" ], "notActions": [] } ]',
  },
  references: ['https://learn.microsoft.com/azure/role-based-access-control/custom-roles', 'https://learn.microsoft.com/azure/role-based-access-control/role-definitions'],
  compliance: { 'cis-azure-2.1': ['1.23'] },
  evaluate(role, ctx) {
    if (!role.custom) return ctx.notApplicable();
    const name = role.roleName.known ? role.roleName.value : displayName(role);
    if (!role.permissions.known) return ctx.unknown(role.permissions, `cannot tell the permissions of custom role \`${name}\``);
    const found = DANGEROUS.filter(([action]) => role.permissions.known && role.permissions.value.some((b) => grants(b, action)));
    if (found.length === 0) return ctx.pass();
    const scopes = role.assignableScopes.known ? ` (assignable at ${role.assignableScopes.value.map((s) => `\`${s}\``).join(', ')})` : '';
    return ctx.fail(role.permissions, `custom role \`${name}\` grants ${found.map(([, what]) => what).join(', ')}${scopes}; list only the actions it needs`);
  },
});
