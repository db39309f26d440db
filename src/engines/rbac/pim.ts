import type { Tri } from '../../model/core/index.js';
import { asciiLower } from './text.js';
import type { RbacPolicyRuleInput, RbacPolicySettings } from './types.js';

/**
 * Privileged Identity Management for Azure resource roles.
 * - Eligible assignments grant nothing until activated; active schedule instances (assignmentType `Assigned` or
 *   `Activated`) grant between their start and end.
 *   https://learn.microsoft.com/en-us/rest/api/authorization/role-assignment-schedule-instances/list-for-scope?view=rest-authorization-2020-10-01
 *   https://learn.microsoft.com/en-us/rest/api/authorization/role-eligibility-schedules/list-for-scope?view=rest-authorization-2020-10-01
 * - Role settings are role management policies made of rules identified by type, caller and level.
 *   https://learn.microsoft.com/en-us/rest/api/authorization/role-management-policies/list-for-scope?view=rest-authorization-2020-10-01
 *   https://learn.microsoft.com/en-us/entra/id-governance/privileged-identity-management/pim-resource-roles-configure-role-settings
 */

/** Epoch milliseconds, or undefined when the text is not an ISO 8601 instant. */
export function parseInstant(s: string | null | undefined): number | undefined {
  if (s === null || s === undefined || s.trim() === '') return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 duration (`PT8H`, `P90D`, `P1Y`) in hours; years and months at their average length. */
export function durationHours(s: string | null | undefined): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DURATION.exec(s.trim().toUpperCase());
  if (!m || s.trim().toUpperCase() === 'P' || s.trim().toUpperCase().endsWith('T')) return undefined;
  const n = (x: string | undefined): number => (x === undefined ? 0 : Number(x));
  const [, y, mo, w, d, h, mi, sec] = m;
  return n(y) * 8766 + n(mo) * 730.5 + n(w) * 168 + n(d) * 24 + n(h) + n(mi) / 60 + n(sec) / 3600;
}

/** What a role management policy asks of eligible and active assignments and of activation. */
export interface PimPolicySummary {
  readonly id: string;
  readonly scope: string;
  readonly roleId: string | null;
  /** `Expiration_Admin_Eligibility.isExpirationRequired` false. */
  readonly permanentEligibleAllowed: Tri;
  readonly eligibleMaxDuration: string | null;
  /** `Expiration_Admin_Assignment.isExpirationRequired` false. */
  readonly permanentActiveAllowed: Tri;
  readonly activeMaxDuration: string | null;
  /** `Expiration_EndUser_Assignment.maximumDuration`: the longest activation. */
  readonly activationMaxDuration: string | null;
  readonly activationMaxHours: number | null;
  /** `Enablement_EndUser_Assignment.enabledRules` contains `MultiFactorAuthentication`, or an authentication
   * context is required (`AuthenticationContext_EndUser_Assignment.isEnabled`), which is at least as strong. */
  readonly activationRequiresMfa: Tri;
  readonly activationRequiresAuthenticationContext: Tri;
  readonly activationRequiresJustification: Tri;
  readonly activationRequiresTicket: Tri;
  /** `Approval_EndUser_Assignment.setting.isApprovalRequired`. */
  readonly activationRequiresApproval: Tri;
  /** `Enablement_Admin_Assignment.enabledRules`: MFA / justification when an admin makes an active assignment. */
  readonly activeAssignmentRequiresMfa: Tri;
  readonly activeAssignmentRequiresJustification: Tri;
}

interface Target {
  readonly caller: string;
  readonly level: string;
}

function targetOf(rule: RbacPolicyRuleInput): Target | undefined {
  const t = rule['target'];
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    const rec = t as Record<string, unknown>;
    if (typeof rec['caller'] === 'string' && typeof rec['level'] === 'string') {
      return { caller: asciiLower(rec['caller']), level: asciiLower(rec['level']) };
    }
  }
  // Fall back on the documented rule ids, e.g. `Expiration_EndUser_Assignment`.
  const id = rule['id'];
  if (typeof id !== 'string') return undefined;
  const parts = asciiLower(id).split('_');
  const level = parts[parts.length - 1];
  const caller = parts.length === 3 ? parts[1] : parts.length === 4 ? parts[2] : undefined;
  if (level === undefined || caller === undefined) return undefined;
  return { caller, level };
}

function ruleType(rule: RbacPolicyRuleInput): string {
  const t = rule['ruleType'];
  if (typeof t === 'string') return asciiLower(t);
  const id = rule['id'];
  if (typeof id !== 'string') return '';
  const head = asciiLower(id.split('_')[0] ?? '');
  return head === 'authenticationcontext' ? 'rolemanagementpolicyauthenticationcontextrule' : `rolemanagementpolicy${head}rule`;
}

function find(rules: readonly RbacPolicyRuleInput[], type: string, caller: string, level: string): RbacPolicyRuleInput | undefined {
  return rules.find((r) => {
    const t = targetOf(r);
    return ruleType(r) === type && t !== undefined && t.caller === caller && t.level === level;
  });
}

function bool(v: unknown): Tri {
  return typeof v === 'boolean' ? v : 'unknown';
}

function enabled(rule: RbacPolicyRuleInput | undefined, name: string): Tri {
  if (!rule) return 'unknown';
  const list = rule['enabledRules'];
  if (!Array.isArray(list)) return 'unknown';
  return list.some((x) => typeof x === 'string' && asciiLower(x) === asciiLower(name));
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** MFA on activation, or an authentication context (which can demand MFA or more). */
function strongAuth(mfa: Tri, authContext: Tri, authContextRulePresent: boolean): Tri {
  if (mfa === true || authContext === true) return true;
  if (mfa === false && (authContext === false || !authContextRulePresent)) return false;
  return 'unknown';
}

export function summarisePolicy(id: string, scope: string, roleId: string | null, rules: readonly RbacPolicyRuleInput[]): PimPolicySummary {
  const EXP = 'rolemanagementpolicyexpirationrule';
  const expEligible = find(rules, EXP, 'admin', 'eligibility');
  const expActive = find(rules, EXP, 'admin', 'assignment');
  const expActivation = find(rules, EXP, 'enduser', 'assignment');
  const enableActivation = find(rules, 'rolemanagementpolicyenablementrule', 'enduser', 'assignment');
  const enableActive = find(rules, 'rolemanagementpolicyenablementrule', 'admin', 'assignment');
  const approval = find(rules, 'rolemanagementpolicyapprovalrule', 'enduser', 'assignment');
  const authContext = find(rules, 'rolemanagementpolicyauthenticationcontextrule', 'enduser', 'assignment');
  const setting = approval?.['setting'];
  const approvalRequired = setting && typeof setting === 'object' && !Array.isArray(setting)
    ? bool((setting as Record<string, unknown>)['isApprovalRequired'])
    : 'unknown';
  const authCtx: Tri = authContext ? bool(authContext['isEnabled']) : 'unknown';
  const mfaRule = enabled(enableActivation, 'MultiFactorAuthentication');
  const activationMax = str(expActivation?.['maximumDuration']);
  const notRequired = (r: RbacPolicyRuleInput | undefined): Tri => {
    if (!r) return 'unknown';
    const v = bool(r['isExpirationRequired']);
    return v === 'unknown' ? v : !v;
  };
  return {
    id,
    scope,
    roleId,
    permanentEligibleAllowed: notRequired(expEligible),
    eligibleMaxDuration: str(expEligible?.['maximumDuration']),
    permanentActiveAllowed: notRequired(expActive),
    activeMaxDuration: str(expActive?.['maximumDuration']),
    activationMaxDuration: activationMax,
    activationMaxHours: durationHours(activationMax) ?? null,
    activationRequiresMfa: strongAuth(mfaRule, authCtx, authContext !== undefined),
    activationRequiresAuthenticationContext: authCtx,
    activationRequiresJustification: enabled(enableActivation, 'Justification'),
    activationRequiresTicket: enabled(enableActivation, 'Ticketing'),
    activationRequiresApproval: approvalRequired,
    activeAssignmentRequiresMfa: enabled(enableActive, 'MultiFactorAuthentication'),
    activeAssignmentRequiresJustification: enabled(enableActive, 'Justification'),
  };
}

/** A summary from settings that were already typed; what they leave out is unknown. */
export function summariseSettings(id: string, scope: string, roleId: string | null, s: RbacPolicySettings): PimPolicySummary {
  const t = (v: boolean | 'unknown' | undefined): Tri => v ?? 'unknown';
  const activationMax = s.activationMaxDuration ?? null;
  return {
    id,
    scope,
    roleId,
    permanentEligibleAllowed: t(s.permanentEligibleAllowed),
    eligibleMaxDuration: s.eligibleMaxDuration ?? null,
    permanentActiveAllowed: t(s.permanentActiveAllowed),
    activeMaxDuration: s.activeMaxDuration ?? null,
    activationMaxDuration: activationMax,
    activationMaxHours: durationHours(activationMax) ?? null,
    activationRequiresMfa: t(s.activationRequiresMfa),
    activationRequiresAuthenticationContext: t(s.activationRequiresAuthenticationContext),
    activationRequiresJustification: t(s.activationRequiresJustification),
    activationRequiresTicket: t(s.activationRequiresTicket),
    activationRequiresApproval: t(s.activationRequiresApproval),
    activeAssignmentRequiresMfa: t(s.activeAssignmentRequiresMfa),
    activeAssignmentRequiresJustification: t(s.activeAssignmentRequiresJustification),
  };
}
