import type { Attr, Provenance } from '../../model/core/index.js';
import { known, unknown } from '../../model/core/index.js';
import type { RoleManagementPolicy } from '../../model/index.js';
import type { ObjectValue, Value } from './value.js';
import { asObject, text } from './read.js';

/**
 * Role management policy rules (PIM role settings) read into typed fields, each positioned at the rule it comes
 * from. A rule is identified by its `ruleType` and its target's `caller` and `level`, or failing that by the
 * documented rule id (`Expiration_EndUser_Assignment`…). The REST shape is the same in an RBAC export and in an ARM
 * template's `Microsoft.Authorization/roleManagementPolicies`, so both loaders read it here.
 * https://learn.microsoft.com/en-us/rest/api/authorization/role-management-policies/list-for-scope?view=rest-authorization-2020-10-01
 * https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/pim-resource-roles-configure-role-settings
 *
 * The mapping (which rule answers which setting) mirrors the RBAC engine's reading of raw rules; it is repeated here
 * because loaders may not depend on engines, and the model carries the typed settings.
 */

type Settings = Pick<RoleManagementPolicy,
  | 'permanentEligibleAllowed' | 'eligibleMaxDuration' | 'permanentActiveAllowed' | 'activeMaxDuration'
  | 'activationMaxDuration' | 'activationRequiresMfa' | 'activationRequiresAuthenticationContext'
  | 'activationRequiresJustification' | 'activationRequiresTicket' | 'activationRequiresApproval'
  | 'activeAssignmentRequiresMfa' | 'activeAssignmentRequiresJustification'>;

interface Rule {
  readonly o: ObjectValue;
  readonly type: string;
  readonly caller: string;
  readonly level: string;
}

function ruleOf(v: Value): Rule | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const id = text(o.fields.get('id'))?.toLowerCase() ?? '';
  const parts = id.split('_');
  let type = text(o.fields.get('ruleType'))?.toLowerCase();
  if (type === undefined) {
    const head = parts[0] ?? '';
    type = head === 'authenticationcontext' ? 'rolemanagementpolicyauthenticationcontextrule' : `rolemanagementpolicy${head}rule`;
  }
  const target = asObject(o.fields.get('target'));
  let caller = text(target?.fields.get('caller'))?.toLowerCase();
  let level = text(target?.fields.get('level'))?.toLowerCase();
  if (caller === undefined || level === undefined) {
    level = parts[parts.length - 1];
    caller = parts.length === 3 ? parts[1] : parts.length === 4 ? parts[2] : undefined;
  }
  if (caller === undefined || level === undefined) return undefined;
  return { o, type, caller, level };
}

export function readPolicyRules(rules: readonly Value[], at: Provenance): Settings {
  const parsed = rules.map(ruleOf).filter((r): r is Rule => r !== undefined);
  const find = (type: string, caller: string, level: string): Rule | undefined =>
    parsed.find((r) => r.type === type && r.caller === caller && r.level === level);
  const missing = (what: string): Attr<never> => unknown(at, `the policy has no ${what} rule`);

  const bool = (r: Rule | undefined, field: string, what: string, invert = false): Attr<boolean> => {
    if (!r) return missing(what);
    const v = r.o.fields.get(field);
    if (v?.t !== 'bool') return unknown(r.o.at, `\`${field}\` of the ${what} rule is not a boolean`);
    return known(invert ? !v.v : v.v, v.at);
  };
  const duration = (r: Rule | undefined, what: string): Attr<string | null> => {
    if (!r) return missing(what);
    const v = r.o.fields.get('maximumDuration');
    if (v === undefined || v.t === 'null') return known(null, r.o.at);
    return v.t === 'string' ? known(v.v, v.at) : unknown(r.o.at, `\`maximumDuration\` of the ${what} rule is not a string`);
  };
  const enabled = (r: Rule | undefined, name: string, what: string): Attr<boolean> => {
    if (!r) return missing(what);
    const v = r.o.fields.get('enabledRules');
    if (v === undefined || v.t === 'null') return known(false, r.o.at);
    if (v.t !== 'list') return unknown(r.o.at, `\`enabledRules\` of the ${what} rule is not a list`);
    return known(v.items.some((i) => i.t === 'string' && i.v.toLowerCase() === name.toLowerCase()), v.at);
  };

  const EXP = 'rolemanagementpolicyexpirationrule';
  const ENABLE = 'rolemanagementpolicyenablementrule';
  const expEligible = find(EXP, 'admin', 'eligibility');
  const expActive = find(EXP, 'admin', 'assignment');
  const expActivation = find(EXP, 'enduser', 'assignment');
  const enableActivation = find(ENABLE, 'enduser', 'assignment');
  const enableActive = find(ENABLE, 'admin', 'assignment');
  const approval = find('rolemanagementpolicyapprovalrule', 'enduser', 'assignment');
  const authContext = find('rolemanagementpolicyauthenticationcontextrule', 'enduser', 'assignment');

  let approvalRequired: Attr<boolean>;
  if (!approval) approvalRequired = missing('activation approval');
  else {
    const setting = asObject(approval.o.fields.get('setting'));
    const v = setting?.fields.get('isApprovalRequired');
    approvalRequired = v?.t === 'bool' ? known(v.v, v.at) : unknown(approval.o.at, '`setting.isApprovalRequired` is not a boolean');
  }
  const authCtx = authContext ? bool(authContext, 'isEnabled', 'activation authentication context') : missing('activation authentication context');
  const mfaRule = enabled(enableActivation, 'MultiFactorAuthentication', 'activation enablement');
  // An authentication context can demand MFA or more, so it satisfies the MFA question either way.
  let mfa: Attr<boolean> = mfaRule;
  if (authCtx.known && authCtx.value) mfa = authCtx;
  else if (mfaRule.known && !mfaRule.value && !authCtx.known && authContext) mfa = authCtx;

  return {
    permanentEligibleAllowed: bool(expEligible, 'isExpirationRequired', 'eligible assignment expiration', true),
    eligibleMaxDuration: duration(expEligible, 'eligible assignment expiration'),
    permanentActiveAllowed: bool(expActive, 'isExpirationRequired', 'active assignment expiration', true),
    activeMaxDuration: duration(expActive, 'active assignment expiration'),
    activationMaxDuration: duration(expActivation, 'activation expiration'),
    activationRequiresMfa: mfa,
    activationRequiresAuthenticationContext: authCtx,
    activationRequiresJustification: enabled(enableActivation, 'Justification', 'activation enablement'),
    activationRequiresTicket: enabled(enableActivation, 'Ticketing', 'activation enablement'),
    activationRequiresApproval: approvalRequired,
    activeAssignmentRequiresMfa: enabled(enableActive, 'MultiFactorAuthentication', 'active assignment enablement'),
    activeAssignmentRequiresJustification: enabled(enableActive, 'Justification', 'active assignment enablement'),
  };
}
