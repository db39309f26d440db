/**
 * The authorization decision across every policy type, following AWS's documented evaluation logic:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 *
 * 1. An applicable Deny in any policy (SCP, RCP, resource-based, identity-based, boundary, session, endpoint) denies.
 * 2. RCPs (on the resource's account) and SCPs (on the principal's account) must allow at every level of the
 *    organisation, root → OUs → account; neither applies to the management account, nor to service-linked roles.
 *    RCPFullAWSAccess cannot be detached, so unless told otherwise each RCP level allows everything.
 * 3. A VPC endpoint policy, when the request goes through one, must allow.
 * 4. Same account: an Allow in the identity-based policies (within the permissions boundary and session policy, when
 *    present) or in the resource-based policy grants. A resource-based Allow naming the IAM user or the role session
 *    is final even when identity policy, boundary and session policy are silent; naming the role (not the session) is
 *    still limited by the boundary and the session policy; naming the account only delegates to identity policies.
 *    Role trust policies and KMS key policies must allow explicitly: there identity policies grant only when the
 *    key/trust policy names the account.
 * 5. Cross account: the identity side (identity policies within boundary and session policy) and the resource-based
 *    policy must both allow.
 */
import type { Tri } from '../../model/core/tri.js';
import { triAnd, triOr } from '../../model/core/tri.js';
import { arnAccount } from './arn.js';
import type { IamCatalog } from './catalog.js';
import { defaultCatalog } from './catalog.js';
import type { ContextInput, ContextOptions } from './context.js';
import { RequestContext, principalAccount, principalContext, resourceContext } from './context.js';
import type { PreparedRequest, Vote } from './evaluate.js';
import { evaluateStatement, prepare, vote } from './evaluate.js';
import type { CompiledPolicy, CompiledStatement } from './policy.js';
import { serviceRule } from './service-rules.js';
import type {
  AuthorizationResult, Decision, DecisionDetails, RequestPrincipal, StatementRef, TypeDecision,
} from './types.js';
import type { GlobPattern } from './wildcard.js';
import { asciiLower, globFromText, intersectionWitness, sampleMember, subsumes } from './wildcard.js';
import { resolveTemplate } from './variables.js';

/** The policies that bear on one request. Leave a type out (undefined) when it does not exist for the request. */
export interface PolicySet {
  /** The user's own and its groups' policies, or the role's. */
  readonly identity?: readonly CompiledPolicy[];
  /** Undefined: no boundary is set. An empty array would be a boundary that allows nothing. */
  readonly permissionsBoundary?: readonly CompiledPolicy[];
  readonly session?: readonly CompiledPolicy[];
  /** The resource's own policy (bucket policy, key policy, role trust policy ...). */
  readonly resource?: readonly CompiledPolicy[];
  /** SCPs by level, root first, then each OU, then the account: policies attached at that level. */
  readonly scp?: readonly (readonly CompiledPolicy[])[];
  /** RCPs by level, root first. */
  readonly rcp?: readonly (readonly CompiledPolicy[])[];
  /** Set when the request goes through a VPC endpoint that has a policy. */
  readonly vpcEndpoint?: readonly CompiledPolicy[];
}

export interface OrganizationFacts {
  /** The principal belongs to the organisation's management account: SCPs do not apply to it. */
  readonly principalInManagementAccount?: boolean;
  /** The resource belongs to the management account: RCPs do not apply to it. */
  readonly resourceInManagementAccount?: boolean;
  /**
   * Whether each RCP level also has RCPFullAWSAccess attached (AWS attaches it and it cannot be detached). Default
   * true; set false to evaluate exactly the RCP levels given.
   */
  readonly rcpFullAccessAttached?: boolean;
}

export type ResourcePolicyKind = 'standard' | 'roleTrust' | 'kmsKey';

export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  /** `service:Action`, e.g. `s3:GetObject`. */
  readonly action: string;
  /** Resource ARN, `*` for actions without resource types, or a pattern meaning "any resource it covers". */
  readonly resource: string;
  /** Owner of the resource when its ARN does not name one (S3). Defaults to the principal's account. */
  readonly resourceAccount?: string;
  readonly context?: RequestContext | ContextInput;
  readonly contextOptions?: ContextOptions;
  /** Add the global keys AWS derives from the principal and resource (aws:PrincipalArn, aws:username, ...). */
  readonly deriveContext?: boolean;
  /** Which rules the resource-based policy follows; inferred from the action and resource when omitted. */
  readonly resourcePolicyKind?: ResourcePolicyKind;
  readonly organization?: OrganizationFacts;
  /** The resource is an AWS managed KMS key, which RCPs do not cover. */
  readonly awsManagedKey?: boolean;
}

export interface AuthorizeOptions {
  /** Service facts; `null` to run without (no wildcard-only actions, RCPs apply to every service). */
  readonly catalog?: IamCatalog | null;
  /** Upper bound on the members tried when the request resource is a pattern. */
  readonly maxWitnesses?: number;
}

const NOT_APPLICABLE_DETAILS: DecisionDetails = {
  identity: 'notApplicable', resource: 'notApplicable', permissionsBoundary: 'notApplicable', session: 'notApplicable',
  scp: 'notApplicable', rcp: 'notApplicable', vpcEndpoint: 'notApplicable',
};

export function authorize(policies: PolicySet, request: AuthorizationRequest, options: AuthorizeOptions = {}): AuthorizationResult {
  const catalog = options.catalog === undefined ? defaultCatalog() : options.catalog;
  const context = buildContext(request);
  const action = asciiLower(request.action);
  const colon = action.indexOf(':');
  const service = colon > 0 ? action.slice(0, colon) : action;
  const info = catalog?.action(service, action.slice(colon + 1));
  let resource = request.resource;
  // Actions without resource types are authorised against "*" only: a statement scoped to ARNs never grants them.
  // https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
  const wildcardOnly = info !== undefined && info.resourceTypes.length === 0;
  if (wildcardOnly) resource = '*';

  const rule = serviceRule(action, resource, request.principal);
  if (rule !== undefined) {
    return {
      decision: rule.decision, matched: [], undetermined: [], missingContextKeys: [], unknownContextKeys: [], details: NOT_APPLICABLE_DETAILS,
      crossAccount: false, serviceRule: rule.rule, unknownBecause: [],
    };
  }
  if (request.principal.kind === 'root' && isAssumeRole(action)) {
    // The root user cannot assume roles, whatever the trust policy says.
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
    return {
      decision: 'implicitDeny', matched: [], undetermined: [], missingContextKeys: [], unknownContextKeys: [], details: NOT_APPLICABLE_DETAILS,
      crossAccount: false, unknownBecause: [],
    };
  }
  const env = environment(request, resource, action, service, catalog);
  if (!wildcardOnly && (resource.includes('*') || resource.includes('?'))) {
    return authorizeSet(policies, request, env, context, action, resource, options.maxWitnesses ?? 64);
  }
  return decideConcrete(policies, prepare(request.principal, action, resource, context), env).result;
}

function isAssumeRole(action: string): boolean {
  return action === 'sts:assumerole';
}

function buildContext(request: AuthorizationRequest): RequestContext {
  if (request.context instanceof RequestContext) return request.context;
  if (request.deriveContext === false) return new RequestContext(request.context ?? {}, request.contextOptions ?? {});
  const derived = {
    ...principalContext(request.principal),
    ...resourceContext(request.resource, request.resourceAccount),
  };
  return new RequestContext({ ...derived, ...(request.context ?? {}) }, request.contextOptions ?? {});
}

interface Environment {
  readonly crossAccount: boolean;
  readonly hasIdentity: boolean;
  readonly kind: ResourcePolicyKind;
  readonly scpApplies: boolean;
  readonly rcpApplies: boolean;
  readonly rcpFullAccess: boolean;
}

function environment(request: AuthorizationRequest, resource: string, action: string, service: string, catalog: IamCatalog | null): Environment {
  const p = request.principal;
  const pAccount = principalAccount(p);
  const rAccount = request.resourceAccount ?? arnAccount(resource) ?? pAccount;
  const hasIdentity = p.kind === 'user' || p.kind === 'roleSession' || p.kind === 'federatedUser' || p.kind === 'root';
  const crossAccount = !hasIdentity || (pAccount !== undefined && rAccount !== undefined && pAccount !== rAccount);
  const kind = request.resourcePolicyKind ?? inferKind(action, resource);
  const org = request.organization ?? {};
  const serviceLinked = p.kind === 'roleSession' && p.serviceLinked === true;
  const scpApplies = hasIdentity && !serviceLinked && org.principalInManagementAccount !== true;
  const rcpService = catalog?.rcpApplies(service);
  const rcpApplies = !serviceLinked && org.resourceInManagementAccount !== true && request.awsManagedKey !== true && rcpService !== false;
  return { crossAccount, hasIdentity, kind, scpApplies, rcpApplies, rcpFullAccess: org.rcpFullAccessAttached !== false };
}

function inferKind(action: string, resource: string): ResourcePolicyKind {
  if (action.startsWith('sts:assumerole') || action === 'sts:tagsession' || action === 'sts:setsourceidentity' || action === 'sts:setcontext') {
    if (resource.includes(':iam::') && resource.includes(':role/')) return 'roleTrust';
  }
  if (action.startsWith('kms:') && resource.includes(':key/')) return 'kmsKey';
  return 'standard';
}

interface Concrete {
  readonly result: AuthorizationResult;
}

const EMPTY_VOTE: Vote = {
  allow: false, deny: false, allowDirect: false, allowParent: false, allowAccount: false, allowRefs: [], denyRefs: [],
  undetermined: [], reasons: [],
};

function levelsVote(levels: readonly (readonly CompiledPolicy[])[], req: PreparedRequest, fullAccess: boolean): { allow: Tri; all: Vote[] } {
  const all = levels.map((l) => vote(l, req));
  const allow = fullAccess ? true : triAnd(...all.map((v) => v.allow));
  return { allow, all };
}

function typeDecision(allow: Tri, deny: Tri): TypeDecision {
  if (deny === true) return 'explicitDeny';
  if (allow === true && deny === false) return 'allowed';
  if (allow === false && deny === false) return 'implicitDeny';
  return allow === false ? 'implicitDeny' : 'unknown';
}

function decideConcrete(policies: PolicySet, req: PreparedRequest, env: Environment): Concrete {
  const p = req.principal;
  const identity = vote(policies.identity ?? [], req);
  const identityAllow: Tri = p.kind === 'root' ? true : env.hasIdentity ? identity.allow : false;
  const boundaryApplies = policies.permissionsBoundary !== undefined && (p.kind === 'user' || p.kind === 'roleSession' || p.kind === 'federatedUser');
  const boundary = boundaryApplies ? vote(policies.permissionsBoundary ?? [], req) : EMPTY_VOTE;
  const sessionApplies = policies.session !== undefined && (p.kind === 'roleSession' || p.kind === 'federatedUser');
  const session = sessionApplies ? vote(policies.session ?? [], req) : EMPTY_VOTE;
  const resource = vote(policies.resource ?? [], req);
  const scpApplies = env.scpApplies && policies.scp !== undefined;
  const scp = scpApplies ? levelsVote(policies.scp ?? [], req, false) : { allow: true as Tri, all: [] as Vote[] };
  const rcpApplies = env.rcpApplies && policies.rcp !== undefined;
  const rcp = rcpApplies ? levelsVote(policies.rcp ?? [], req, env.rcpFullAccess) : { allow: true as Tri, all: [] as Vote[] };
  const vpceApplies = policies.vpcEndpoint !== undefined;
  const vpce = vpceApplies ? vote(policies.vpcEndpoint ?? [], req) : EMPTY_VOTE;

  const allVotes: Vote[] = [identity, boundary, session, resource, vpce];
  for (const v of scp.all) allVotes.push(v);
  for (const v of rcp.all) allVotes.push(v);
  let deny: Tri = false;
  for (const v of allVotes) deny = triOr(deny, v.deny);

  const boundaryOk: Tri = boundaryApplies ? boundary.allow : true;
  const sessionOk: Tri = sessionApplies ? session.allow : true;
  const idSide = triAnd(identityAllow, boundaryOk, sessionOk);
  const guards = triAnd(scp.allow, rcp.allow, vpceApplies ? vpce.allow : true);
  let core: Tri;
  if (!env.hasIdentity) core = resource.allowDirect;
  else if (env.crossAccount) core = triAnd(idSide, triOr(resource.allowDirect, resource.allowParent, resource.allowAccount));
  else if (env.kind === 'standard') core = triOr(resource.allowDirect, triAnd(resource.allowParent, boundaryOk, sessionOk), idSide);
  else core = triOr(resource.allowDirect, triAnd(resource.allowParent, boundaryOk, sessionOk), triAnd(resource.allowAccount, idSide));
  const allow = triAnd(guards, core);

  let decision: Decision;
  if (deny === true) decision = 'explicitDeny';
  else if (allow === false) decision = 'implicitDeny';
  else if (allow === true && deny === false) decision = 'allowed';
  else decision = 'unknown';

  const scpVote = { allow: scp.allow, deny: anyDeny(scp.all) };
  const rcpVote = { allow: rcp.allow, deny: anyDeny(rcp.all) };
  const details: DecisionDetails = {
    identity: env.hasIdentity ? typeDecision(identityAllow, identity.deny) : 'notApplicable',
    resource: policies.resource !== undefined ? typeDecision(resource.allow, resource.deny) : 'notApplicable',
    permissionsBoundary: boundaryApplies ? typeDecision(boundary.allow, boundary.deny) : 'notApplicable',
    session: sessionApplies ? typeDecision(session.allow, session.deny) : 'notApplicable',
    scp: scpApplies ? typeDecision(scpVote.allow, scpVote.deny) : 'notApplicable',
    rcp: rcpApplies ? typeDecision(rcpVote.allow, rcpVote.deny) : 'notApplicable',
    vpcEndpoint: vpceApplies ? typeDecision(vpce.allow, vpce.deny) : 'notApplicable',
  };

  let matched: readonly StatementRef[] = NO_REFS;
  if (decision === 'explicitDeny') matched = gather(allVotes, 'denyRefs');
  else if (decision === 'allowed') matched = gather(allVotes, 'allowRefs');
  const undetermined = decision === 'allowed' || decision === 'explicitDeny' ? NO_REFS : gather(allVotes, 'undetermined');
  const unknownBecause = decision === 'unknown' ? unknownReasons(allVotes, req) : NO_KEYS;
  return {
    result: {
      decision, matched, undetermined,
      missingContextKeys: req.missing.size === 0 ? NO_KEYS : [...req.missing].sort(),
      unknownContextKeys: req.unknownKeys.size === 0 ? NO_KEYS : [...req.unknownKeys].sort(),
      details, crossAccount: env.crossAccount, unknownBecause,
    },
  };
}

const NO_REFS: readonly StatementRef[] = [];
const NO_KEYS: readonly string[] = [];

function anyDeny(votes: readonly Vote[]): Tri {
  let d: Tri = false;
  for (const v of votes) d = triOr(d, v.deny);
  return d;
}

/** The refs of one kind across votes, without duplicates (a policy may appear under two roles). */
function gather(votes: readonly Vote[], kind: 'allowRefs' | 'denyRefs' | 'undetermined'): readonly StatementRef[] {
  let out: StatementRef[] | undefined;
  let count = 0;
  for (const v of votes) count += v[kind].length;
  if (count === 0) return NO_REFS;
  for (const v of votes) for (const r of v[kind]) (out ??= []).push(r);
  return count === 1 ? (out as StatementRef[]) : dedupe(out as StatementRef[]);
}

function unknownReasons(votes: readonly Vote[], req: PreparedRequest): string[] {
  const out = new Set<string>();
  for (const v of votes) for (const r of v.reasons) out.add(r);
  for (const k of req.unknownKeys) {
    out.add(req.context.has(k.toLowerCase()) ? `the value of \`${k}\` is not known` : `the request may or may not carry \`${k}\``);
  }
  for (const v of votes) {
    for (const r of v.undetermined) {
      if (out.size === 0) out.add(`${r.policyId} statement ${r.index} depends on values that are not known`);
    }
  }
  return [...out];
}

function dedupe(refs: readonly StatementRef[]): StatementRef[] {
  // Refs are the compiled statements' own objects, so identity is equality; lists are short.
  const out: StatementRef[] = [];
  for (const r of refs) if (!out.includes(r)) out.push(r);
  return out;
}

function allPolicies(policies: PolicySet): CompiledPolicy[] {
  return [
    ...(policies.identity ?? []), ...(policies.permissionsBoundary ?? []), ...(policies.session ?? []),
    ...(policies.resource ?? []), ...(policies.vpcEndpoint ?? []), ...(policies.scp ?? []).flat(), ...(policies.rcp ?? []).flat(),
  ];
}

function collectDenyStatements(policies: PolicySet, req: PreparedRequest): CompiledStatement[] {
  const out: CompiledStatement[] = [];
  for (const p of allPolicies(policies)) {
    for (const i of p.candidates(req.service)) {
      const s = p.statements[i] as CompiledStatement;
      if (s.effect === 'Deny' && evaluateStatement(s, req).applies === true) out.push(s);
    }
  }
  return out;
}

/**
 * A request resource with wildcards asks about the set of resources it covers ("can P read any bucket?"). The answer
 * is `allowed` when some member is allowed, `explicitDeny` when an explicit Deny covers the whole set, and
 * `implicitDeny` otherwise. Members are tried as witnesses: one generic member, and one member of the intersection
 * of the set with each resource pattern of the statements that name the action. A grant that needs a member lying
 * in the intersection of three or more patterns at once may be missed (answered implicitDeny, never a wrong allow).
 */
function authorizeSet(
  policies: PolicySet, request: AuthorizationRequest, env: Environment, context: RequestContext, action: string,
  resource: string, maxWitnesses: number,
): AuthorizationResult {
  const asked: GlobPattern = globFromText(resource);
  const generic = sampleMember(asked);
  const probe = prepare(request.principal, action, generic, context);
  const witnesses = new Set<string>([generic]);
  for (const p of allPolicies(policies)) {
    for (const i of p.candidates(probe.service)) {
      const s = p.statements[i] as CompiledStatement;
      for (const e of s.resource.entries) {
        if (witnesses.size >= maxWitnesses) break;
        let pattern = e.pattern;
        if (pattern === undefined && e.template !== undefined) {
          const r = resolveTemplate(e.template, probe, true);
          if (r.kind === 'pattern') pattern = r.pattern;
        }
        if (pattern === undefined) continue;
        const w = intersectionWitness(asked, pattern);
        if (w !== undefined) witnesses.add(w);
      }
    }
  }
  let sample: Concrete | undefined;
  let firstUnknown: AuthorizationResult | undefined;
  for (const w of witnesses) {
    const c = decideConcrete(policies, prepare(request.principal, action, w, context), env);
    if (w === generic) sample = c;
    if (c.result.decision === 'allowed') return { ...c.result, witness: w };
    if (c.result.decision === 'unknown') firstUnknown ??= { ...c.result, witness: w };
  }
  if (firstUnknown !== undefined) return firstUnknown;
  const s = sample as Concrete;
  if (s.result.decision === 'explicitDeny') {
    const covering = collectDenyStatements(policies, prepare(request.principal, action, generic, context)).filter((st) => st.resource.absent || (!st.resource.negated && st.resource.entries.some((e) => e.pattern !== undefined && subsumes(e.pattern, asked))));
    if (covering.length > 0) {
      return { ...s.result, matched: covering.map((st) => st.ref), witness: generic };
    }
  }
  return { ...s.result, decision: 'implicitDeny', matched: [], witness: generic };
}
