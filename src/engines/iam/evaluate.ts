/**
 * Evaluation of the statements of one policy type against one concrete request: which Allow and which Deny statements
 * apply, in three-valued logic, and (for policies with a Principal) how the allowing statements named the requester.
 */
import { UNKNOWN_LEAF_PREFIX } from '../../model/core/json.js';
import { anyPossible } from './partial.js';
import type { Tri } from '../../model/core/tri.js';
import type { ConditionScratch } from './conditions.js';
import { evaluateCondition } from './conditions.js';
import type { RequestContext } from './context.js';
import type { CompiledPolicy, CompiledStatement } from './policy.js';
import type { PrincipalMatch } from './principal.js';
import { matchPrincipal, notPrincipalApplies } from './principal.js';
import type { RequestPrincipal, StatementRef } from './types.js';
import type { VariableValue } from './variables.js';
import { resolveMatcher } from './variables.js';
import type { GlobPattern, Matcher } from './wildcard.js';
import { arnSegments, asciiLower, compileGlob } from './wildcard.js';

const compileResource = (p: GlobPattern): Matcher => compileGlob(arnSegments(p));

/** A request reduced to what statement matching needs, prepared once per request. */
export class PreparedRequest implements ConditionScratch {
  /** Lower-cased `service:action`. */
  readonly action: string;
  readonly service: string;
  /** Keys noted missing while evaluating conditions of statements that otherwise matched. */
  readonly missing = new Set<string>();
  /** Keys whose unknown value made some statement's outcome unknown. */
  readonly unknownKeys = new Set<string>();

  constructor(
    readonly principal: RequestPrincipal, action: string, readonly resource: string, readonly context: RequestContext,
  ) {
    this.action = asciiLower(action);
    const colon = this.action.indexOf(':');
    this.service = colon > 0 ? this.action.slice(0, colon) : this.action;
  }

  variable(keyLower: string, key: string): VariableValue {
    const v = this.context.get(keyLower);
    if (v === undefined) {
      this.missing.add(key);
      return 'absent';
    }
    if (v.unknown) {
      this.unknownKeys.add(key);
      return 'unknown';
    }
    // Multivalued keys cannot be used as variables; the default (if any) applies.
    if (v.multi || v.values.length !== 1) return 'absent';
    return v.values[0] as string;
  }

  noteMissing(key: string): void {
    this.missing.add(key);
  }

  noteUnknown(key: string): void {
    this.unknownKeys.add(key);
  }
}

export function prepare(principal: RequestPrincipal, action: string, resource: string, context: RequestContext): PreparedRequest {
  return new PreparedRequest(principal, action, resource, context);
}

export interface Vote {
  readonly allow: Tri;
  readonly deny: Tri;
  /** For policies with a Principal: the strongest way an applying Allow named the requester. */
  readonly allowDirect: Tri;
  readonly allowParent: Tri;
  readonly allowAccount: Tri;
  readonly allowRefs: readonly StatementRef[];
  readonly denyRefs: readonly StatementRef[];
  readonly undetermined: readonly StatementRef[];
  readonly reasons: readonly string[];
}

const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === 'unknown' || b === 'unknown' ? 'unknown' : false);
const notTri = (t: Tri): Tri => (t === 'unknown' ? t : !t);

function actionApplies(s: CompiledStatement, req: PreparedRequest): Tri {
  const a = s.action;
  let m: Tri = false;
  for (const matcher of a.matchers) {
    if (matcher.test(req.action)) {
      m = true;
      break;
    }
  }
  if (m === false && (a.unknown || anyPossible(a.possible, req.action))) m = 'unknown';
  return a.negated ? notTri(m) : m;
}

function resourceApplies(s: CompiledStatement, req: PreparedRequest): Tri {
  const r = s.resource;
  if (r.absent) return true;
  let m: Tri = false;
  for (const e of r.entries) {
    if (e.matcher !== undefined) {
      if (e.matcher.test(req.resource)) {
        m = true;
        break;
      }
      continue;
    }
    const matcher = resolveMatcher(e.template as NonNullable<typeof e.template>, req, true, compileResource);
    if (matcher === 'unknown') m = 'unknown';
    else if (matcher !== 'none' && matcher.test(req.resource)) {
      m = true;
      break;
    }
  }
  if (m === false && (r.unknown || anyPossible(r.possible, req.resource))) m = 'unknown';
  return r.negated ? notTri(m) : m;
}

/** How the statement's Principal/NotPrincipal names the requester; `direct` when the statement has none. */
function principalApplies(s: CompiledStatement, req: PreparedRequest): PrincipalMatch | 'unknown' {
  if (s.principal === undefined) return 'direct';
  if (!s.principal.negated) return matchPrincipal(s.principal.p, req.principal);
  const r = notPrincipalApplies(s.principal.p, req.principal);
  return r === 'unknown' ? 'unknown' : r ? 'direct' : 'none';
}

function conditionsApply(s: CompiledStatement, req: PreparedRequest): Tri {
  let r: Tri = true;
  for (const c of s.conditions) {
    const v = evaluateCondition(c, req.context.get(c.keyLower), req);
    if (v === false) return false;
    if (v === 'unknown') r = 'unknown';
  }
  return r;
}

export interface StatementOutcome {
  readonly applies: Tri;
  readonly how: PrincipalMatch;
}

export function evaluateStatement(s: CompiledStatement, req: PreparedRequest): StatementOutcome {
  const act = actionApplies(s, req);
  if (act === false) return NO;
  const res = resourceApplies(s, req);
  if (res === false) return NO;
  const pm = principalApplies(s, req);
  if (pm === 'none') return NO;
  if (s.undetermined !== undefined) return { applies: 'unknown', how: pm === 'unknown' ? 'direct' : pm };
  const cond = conditionsApply(s, req);
  if (cond === false) return NO;
  const applies: Tri = act === true && res === true && pm !== 'unknown' && cond === true ? true : 'unknown';
  return { applies, how: pm === 'unknown' ? 'direct' : pm };
}

const NO: StatementOutcome = { applies: false, how: 'none' };

const NONE: readonly never[] = [];

const SILENT: Vote = {
  allow: false, deny: false, allowDirect: false, allowParent: false, allowAccount: false,
  allowRefs: [], denyRefs: [], undetermined: [], reasons: [],
};

export function vote(policies: readonly CompiledPolicy[], req: PreparedRequest): Vote {
  if (policies.length === 0) return SILENT;
  let allow: Tri = false;
  let deny: Tri = false;
  let allowDirect: Tri = false;
  let allowParent: Tri = false;
  let allowAccount: Tri = false;
  // Arrays are allocated only when something is found: most statements of most policies do not apply.
  let allowRefs: StatementRef[] | undefined;
  let denyRefs: StatementRef[] | undefined;
  let undetermined: StatementRef[] | undefined;
  let reasons: string[] | undefined;
  for (const p of policies) {
    if (p.broken !== undefined) {
      allow = or(allow, 'unknown');
      deny = or(deny, 'unknown');
      allowDirect = or(allowDirect, 'unknown');
      (reasons ??= []).push(`policy ${p.id} cannot be read: ${p.broken}`);
      continue;
    }
    const candidates = p.candidates(req.service);
    for (let k = 0; k < candidates.length; k++) {
      const s = p.statements[candidates[k] as number] as CompiledStatement;
      const o = evaluateStatement(s, req);
      if (o.applies === false) continue;
      if (o.applies === 'unknown') {
        (undetermined ??= []).push(s.ref);
        if (s.undetermined !== undefined) (reasons ??= []).push(`${describe(s)}: ${s.undetermined}`);
      }
      if (s.effect !== 'Allow') {
        deny = or(deny, o.applies);
        if (o.applies === true && s.effect === 'Deny') (denyRefs ??= []).push(s.ref);
      }
      if (s.effect !== 'Deny') {
        allow = or(allow, o.applies);
        if (o.applies === true && s.effect === 'Allow') (allowRefs ??= []).push(s.ref);
        if (o.how === 'direct') allowDirect = or(allowDirect, o.applies);
        else if (o.how === 'parent') allowParent = or(allowParent, o.applies);
        else if (o.how === 'account') allowAccount = or(allowAccount, o.applies);
      }
    }
  }
  return {
    allow, deny, allowDirect, allowParent, allowAccount,
    allowRefs: allowRefs ?? NONE, denyRefs: denyRefs ?? NONE, undetermined: undetermined ?? NONE, reasons: reasons ?? NONE,
  };
}

function describe(s: CompiledStatement): string {
  return `${s.ref.policyId} statement ${s.ref.index}${s.ref.sid !== undefined ? ` (${s.ref.sid})` : ''}`;
}

export function isUnknownLeaf(s: string): boolean {
  return s.startsWith(UNKNOWN_LEAF_PREFIX);
}
