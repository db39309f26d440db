/**
 * Cheap questions about compiled policies that let estate-wide searches skip requests whose answer is already known.
 * A request can be allowed only through an Allow (or undecidable) statement that names its action and, in a policy
 * with a Principal, names its principal: when no policy of a request has one, the request is denied (implicitly, or
 * explicitly when a Deny also applies) whatever its resource and context. The only exception is a service rule that
 * allows regardless of policies (`sts:GetCallerIdentity`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import type { CompiledPolicy, CompiledStatement } from './policy.js';
import { matchPrincipal, notPrincipalApplies } from './principal.js';
import type { RequestPrincipal } from './types.js';
import { anyPossible } from './partial.js';
import { asciiLower } from './wildcard.js';

const memo = new WeakMap<CompiledPolicy, Map<string, boolean>>();

function actionMayApply(s: CompiledStatement, actionLower: string): boolean {
  const a = s.action;
  let m = false;
  for (const matcher of a.matchers) {
    if (matcher.test(actionLower)) {
      m = true;
      break;
    }
  }
  if (m) return !a.negated;
  return a.unknown || a.negated || anyPossible(a.possible, actionLower);
}

function principalMayApply(s: CompiledStatement, principal: RequestPrincipal | undefined): boolean {
  if (s.principal === undefined || principal === undefined) return true;
  if (s.principal.negated) return notPrincipalApplies(s.principal.p, principal) !== false;
  return matchPrincipal(s.principal.p, principal) !== 'none';
}

function policyMayAllow(p: CompiledPolicy, actionLower: string, service: string, principal: RequestPrincipal | undefined): boolean {
  if (p.broken !== undefined) return true;
  for (const i of p.candidates(service)) {
    const s = p.statements[i] as CompiledStatement;
    if (s.effect === 'Deny') continue;
    if (actionMayApply(s, actionLower) && principalMayApply(s, principal)) return true;
  }
  return false;
}

/**
 * False only when no statement of `policies` can allow `action` (for `principal`, when the policies name principals),
 * for any resource and any context. Answers without a principal are memoised per policy and action.
 */
export function mayAllow(policies: readonly CompiledPolicy[], action: string, principal?: RequestPrincipal): boolean {
  const a = asciiLower(action);
  if (a === 'sts:getcalleridentity') return true;
  const colon = a.indexOf(':');
  const service = colon > 0 ? a.slice(0, colon) : a;
  for (const p of policies) {
    if (principal !== undefined) {
      if (policyMayAllow(p, a, service, principal)) return true;
      continue;
    }
    let m = memo.get(p);
    if (m === undefined) memo.set(p, (m = new Map()));
    let v = m.get(a);
    if (v === undefined) m.set(a, (v = policyMayAllow(p, a, service, undefined)));
    if (v) return true;
  }
  return false;
}

/**
 * Whether evaluating the policy can read anything of the request beyond its action and resource: a condition, or a
 * policy variable in a resource. Decisions on policies that read neither are the same for every principal of an account.
 */
export function readsRequestContext(p: CompiledPolicy): boolean {
  for (const s of p.statements) {
    if (s.conditions.length > 0) return true;
    for (const e of s.resource.entries) if (e.template !== undefined) return true;
  }
  return false;
}
