import type { Attr } from '../../../model/core/index.js';
import { defineCheck } from '../../kit/define-check.js';
import { durationHours } from '../../kit/services/rbac.js';
import type { Outcome } from '../../kit/types.js';
import { RBAC_ENGINE_UNAVAILABLE } from './engine-shared.js';

/** Microsoft's default maximum activation for Azure resource roles is 8 hours; longer windows are standing access
 * in all but name. */
const MAX_ACTIVATION_HOURS = 8;

export default defineCheck({
  id: 'AZURE-RBAC-102',
  title: 'PIM settings of privileged roles require MFA, justification and approval, limit activation, and forbid permanent assignment',
  severity: 'high',
  provider: 'azure',
  service: 'rbac',
  target: 'azure.authorization.roleManagementPolicy',
  rationale:
    'Just-in-time access is only as strong as its role settings. A privileged role whose PIM policy allows permanent ' +
    'active (or eligible) assignments, activations of a day or more, or activation without MFA, a justification or ' +
    'an approver gives standing access with extra steps: a stolen session activates it unchallenged.',
  remediation: {
    summary: 'In the role settings: require an expiry for eligible and active assignments, cap activation at 8 hours or less, and require MFA (or an authentication context), justification and approval on activation.',
    cli: 'az rest --method patch --url "https://management.azure.com/SCOPE/providers/Microsoft.Authorization/roleManagementPolicies/POLICY?api-version=2020-10-01" --body @role-settings.json',
    terraform: 'resource "azurerm_role_management_policy" "owner" {\n  scope              = data.azurerm_subscription.current.id\n  role_definition_id = data.azurerm_role_definition.owner.id\n  active_assignment_rules {\n    expiration_required = true\n    expire_after        = "P15D"\n  }\n  eligible_assignment_rules {\n    expiration_required = true\n    expire_after        = "P180D"\n  }\n  activation_rules {\n    maximum_duration                   = "PT4H"\n    require_multifactor_authentication = true\n    require_justification              = true\n    require_approval                   = true\n    approval_stage {\n      primary_approver {\n        object_id = azuread_group.approvers.object_id\n        type      = "Group"\n      }\n    }\n  }\n}',
    arm: '{ "type": "Microsoft.Authorization/roleManagementPolicies", "apiVersion": "2020-10-01", "name": "POLICY", "properties": { "rules": [ { "id": "Expiration_EndUser_Assignment", "ruleType": "RoleManagementPolicyExpirationRule", "isExpirationRequired": true, "maximumDuration": "PT4H", "target": { "caller": "EndUser", "level": "Assignment" } }, { "id": "Enablement_EndUser_Assignment", "ruleType": "RoleManagementPolicyEnablementRule", "enabledRules": ["MultiFactorAuthentication", "Justification"], "target": { "caller": "EndUser", "level": "Assignment" } } ] } }',
  },
  references: [
    'https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/pim-resource-roles-configure-role-settings',
    'https://learn.microsoft.com/en-us/rest/api/authorization/role-management-policies?view=rest-authorization-2020-10-01',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices#limit-privileged-administrator-role-assignments',
  ],
  evaluate(policy, ctx) {
    const rbac = ctx.services.rbac;
    if (!rbac) return ctx.unknown(policy.role, RBAC_ENGINE_UNAVAILABLE);
    // Which role a policy governs comes from roleManagementPolicyAssignments; without it the policy cannot be judged.
    if (!policy.role.known) return ctx.unknown(policy.role, 'cannot tell which role the policy governs');
    if (policy.role.value === null) return ctx.notApplicable();
    const privilege = rbac.rolePrivilege(policy.role.value);
    if (privilege.privileged !== true) return ctx.notApplicable();
    const role = rbac.roleName(policy.role.value) ?? policy.role.value;
    const scope = policy.scope.known ? ` at \`${policy.scope.value}\`` : '';
    const out: Outcome[] = [];
    const flag = (a: Attr<boolean>, bad: boolean, message: string, what: string): void => {
      if (!a.known) out.push(ctx.unknown(a, `cannot tell whether the PIM settings of \`${role}\`${scope} ${what}`));
      else if (a.value === bad) out.push(ctx.fail(a, message));
    };
    flag(policy.permanentActiveAllowed, true, `PIM settings of privileged role \`${role}\`${scope} allow permanent active assignments; require an expiry`, 'allow permanent active assignments');
    flag(policy.permanentEligibleAllowed, true, `PIM settings of privileged role \`${role}\`${scope} allow permanent eligible assignments; require an expiry so eligibility is reviewed`, 'allow permanent eligible assignments');
    // A Conditional Access authentication context can demand MFA or more: it answers the MFA question too.
    const ctxRequired = policy.activationRequiresAuthenticationContext;
    if (!(ctxRequired.known && ctxRequired.value)) {
      flag(policy.activationRequiresMfa, false, `activating privileged role \`${role}\`${scope} does not require MFA or an authentication context; require it`, 'require MFA on activation');
    }
    flag(policy.activationRequiresJustification, false, `activating privileged role \`${role}\`${scope} does not require a justification; require one`, 'require a justification on activation');
    flag(policy.activationRequiresApproval, false, `activating privileged role \`${role}\`${scope} needs no approval; require an approver`, 'require approval on activation');
    const max = policy.activationMaxDuration;
    if (!max.known) out.push(ctx.unknown(max, `cannot tell the maximum activation of \`${role}\`${scope}`));
    else if (max.value !== null) {
      const h = durationHours(max.value);
      if (h === undefined) out.push(ctx.unknown(max, `maximum activation \`${max.value}\` of \`${role}\` is not a duration Parapet reads`));
      else if (h > MAX_ACTIVATION_HOURS) out.push(ctx.fail(max, `activations of privileged role \`${role}\`${scope} last up to \`${max.value}\` (${h} hours); cap them at ${MAX_ACTIVATION_HOURS} hours or less`));
    }
    return out.length > 0 ? out : ctx.pass();
  },
});
