/**
 * The estate as the IAM engine sees it: each user's and role's policy set (inline, managed, group, boundary), each
 * resource's own policy, compiled once and memoised. Model attributes that are unknown become policies the engine
 * answers `unknown` for; nothing is guessed.
 */
import type { AuthorizationRequest, AuthorizationResult, CompiledPolicy, PolicySet, PolicyType, RequestPrincipal, Span, StatementRef } from '../../engines/iam/index.js';
import {
  RequestContext, authorize, awsManagedPolicyDocument, compilePolicy, isAwsManagedPolicyArn, mayAllow, parseArn, principalContext,
  readsRequestContext,
} from '../../engines/iam/index.js';
import type { StatementCitation } from '../../checks/kit/services/iam.js';
import type { Attr, EmbeddedDocument, JsonValue, Link, Provenance } from '../../model/core/index.js';
import type { Estate, IamGroup, IamManagedPolicy, IamRole, IamUser, InlinePolicy } from '../../model/index.js';

/** What `ask` answers when `surelyDenied` holds, for callers that only need to know the request is denied. */
export const SURELY_DENIED: AuthorizationResult = {
  decision: 'implicitDeny', matched: [], undetermined: [], missingContextKeys: [], unknownContextKeys: [], crossAccount: false, unknownBecause: [],
  details: {
    identity: 'implicitDeny', resource: 'notApplicable', permissionsBoundary: 'notApplicable', session: 'notApplicable',
    scp: 'notApplicable', rcp: 'notApplicable', vpcEndpoint: 'notApplicable',
  },
};

/** The account used when the inputs never say which account they describe (Terraform/CloudFormation often do not). */
export const PLACEHOLDER_ACCOUNT = '000000000000';

interface PolicyMeta {
  readonly display: string;
  readonly type: PolicyType;
  readonly at?: Provenance;
  readonly statementAt?: readonly Provenance[];
}

export interface Principal {
  readonly key: string;
  readonly kind: 'aws.iam.user' | 'aws.iam.role';
  readonly name: string;
  readonly arn: string;
  readonly account: string;
  readonly at: Provenance;
  readonly resource: IamUser | IamRole;
}

export interface ResourcePolicy {
  readonly policy: CompiledPolicy;
  readonly kind: 'standard' | 'roleTrust' | 'kmsKey';
  readonly resourceKey: string;
  readonly display: string;
  /** The document as the inputs wrote it, when known (exposure reads condition values from it). */
  readonly json?: JsonValue;
  /** The model kind of the resource the policy belongs to. */
  readonly resourceKind?: string;
}

type Ctx = Readonly<Record<string, string | readonly string[]>>;

function spanOf(p: Provenance): Span {
  return { start: { line: p.line, column: p.column }, end: { line: p.endLine, column: p.endColumn } };
}

/** A policy problem found while compiling an input's policy (an unknown operator, an Effect that is not Allow/Deny). */
export interface PolicyInputIssue {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** JSON path inside the policy, e.g. `Statement[1].Condition.StringEqualsSometimes`. */
  readonly path: string;
  readonly at: Provenance;
}

export class IamEstate {
  readonly account: string;
  private readonly meta = new Map<string, PolicyMeta>();
  private readonly sets = new Map<string, PolicySet>();
  private readonly managedCache = new Map<string, CompiledPolicy>();
  private principalList: Principal[] | undefined;
  private principalIndex: Map<string, Principal> | undefined;
  private groupMembers: Map<string, IamGroup[]> | undefined;
  private readonly groupCompiled = new Map<string, CompiledPolicy[]>();
  private readonly groupSets = new Map<string, PolicySet>();
  private readonly requestPrincipals = new Map<string, RequestPrincipal>();
  private readonly baseContexts = new Map<string, RequestContext>();
  private readonly identityMay = new Map<string, Map<string, boolean>>();
  private readonly resourceMay = new Map<string, boolean>();
  /** Answers shared by the principals of one class (see `shareKey`), by class, action, resource and extra context. */
  private readonly shared = new Map<string, AuthorizationResult>();
  private readonly setKeys = new WeakMap<PolicySet, string | null>();
  private readonly policyReads = new WeakMap<CompiledPolicy, boolean>();
  private bucketPolicies: Map<string, ResourcePolicy> | undefined;
  private arnPolicies: Map<string, ResourcePolicy> | undefined;
  private readonly keyPolicies = new Map<string, ResourcePolicy>();
  private readonly missingPolicies = new Map<string, ResourcePolicy>();
  private nextId = 0;

  constructor(readonly estate: Estate) {
    this.account = guessAccount(estate);
  }

  // ------------------------------------------------------------------------------------------------- compilation

  private compileDoc(doc: Attr<EmbeddedDocument> | Attr<EmbeddedDocument | null>, type: PolicyType, display: string): CompiledPolicy | undefined {
    const id = `p${this.nextId++}`;
    if (!doc.known) {
      this.meta.set(id, { display, type, at: doc.at });
      return compilePolicy(`<unknown: ${doc.why}>`, { id, type });
    }
    if (doc.value === null) return undefined;
    const d = doc.value;
    this.meta.set(id, { display, type, at: d.at, ...(d.statementAt ? { statementAt: d.statementAt } : {}) });
    // Partly known strings (`arn:aws:iam::<unknown: …>:root`) reach the engine as they are: it reads each unknown part
    // as any text, matched only possibly, so a decision resting on one is unknown.
    const compiled = compilePolicy(d.json, { id, type, ...(d.statementAt ? { statementSpans: d.statementAt.map(spanOf) } : {}) });
    this.notePolicyIssues(compiled, d, display);
    return compiled;
  }

  /** What the engine could not read in a policy of the inputs, positioned at its statement: reported by the scan. */
  readonly policyIssues: PolicyInputIssue[] = [];
  private readonly notedIssues = new Set<string>();

  private notePolicyIssues(compiled: CompiledPolicy, d: EmbeddedDocument, display: string): void {
    for (const issue of compiled.issues) {
      if (issue.code === 'unknown-leaf') continue;
      const at = (issue.statement !== undefined ? d.statementAt?.[issue.statement] : undefined) ?? d.at;
      const key = `${at.file}\u0000${at.line}\u0000${at.column}\u0000${issue.message}`;
      if (this.notedIssues.has(key)) continue;
      this.notedIssues.add(key);
      this.policyIssues.push({ severity: issue.severity, message: `${display}: ${issue.message}`, path: issue.path, at });
    }
  }

  private unknownPolicy(type: PolicyType, display: string, why: string, at?: Provenance): CompiledPolicy {
    const id = `p${this.nextId++}`;
    this.meta.set(id, { display, type, ...(at ? { at } : {}) });
    return compilePolicy(`<unknown: ${why}>`, { id, type });
  }

  /** A managed policy by link: from the estate, else the AWS managed catalogue, else unknown. */
  private managed(link: Link, type: PolicyType): CompiledPolicy {
    if (!link.known) return this.unknownPolicy(type, 'a managed policy', link.why, link.at);
    const cacheKey = `${type}\u0000${link.value}`;
    const hit = this.managedCache.get(cacheKey);
    if (hit !== undefined) return hit;
    let compiled: CompiledPolicy;
    let r = this.estate.resolve(link, 'aws.iam.policy');
    if (r === undefined) r = this.policyByArnName(link.value);
    if (r === 'unknown') compiled = this.unknownPolicy(type, link.value, 'the managed policy cannot be resolved', link.at);
    else if (r !== undefined) {
      const display = r.arn.known ? r.arn.value : (r.name.known ? `managed policy ${r.name.value}` : r.key);
      compiled = this.compileDoc(r.document, type, display) ?? this.unknownPolicy(type, display, 'the policy has no document', r.at);
    } else if (isAwsManagedPolicyArn(link.value)) {
      const doc = awsManagedPolicyDocument(link.value);
      if (doc === undefined) compiled = this.unknownPolicy(type, link.value, 'this AWS managed policy is not in the shipped catalogue', link.at);
      else {
        const id = `p${this.nextId++}`;
        this.meta.set(id, { display: link.value, type });
        compiled = compilePolicy(doc as JsonValue, { id, type });
      }
    } else compiled = this.unknownPolicy(type, link.value, `\`${link.value}\` is not in the inputs, so what it grants is unknown`, link.at);
    this.managedCache.set(cacheKey, compiled);
    return compiled;
  }

  /**
   * A customer managed policy named by an ARN the inputs never spell out (Terraform and CloudFormation rarely know the
   * account): the one policy of the inputs with that name and path, if exactly one.
   */
  private policyByArnName(arn: string): IamManagedPolicy | undefined {
    const a = parseArn(arn);
    if (a === undefined || a.service !== 'iam' || a.account === 'aws' || !a.resource.startsWith('policy/')) return undefined;
    const name = a.resource.slice(a.resource.lastIndexOf('/') + 1);
    const matches = this.estate.ofKind('aws.iam.policy').filter((p) => p.name.known && p.name.value === name);
    return matches.length === 1 ? matches[0] : undefined;
  }

  private inline(list: readonly InlinePolicy[], owner: string): CompiledPolicy[] {
    return list.flatMap((p) => {
      const c = this.compileDoc(p.document, 'identity', `inline policy \`${p.name}\` of ${owner}`);
      return c === undefined ? [] : [c];
    });
  }

  private groupPolicies(link: Link, user: string): CompiledPolicy[] {
    const g = this.estate.resolve(link, 'aws.iam.group');
    if (g === 'unknown') return [this.unknownPolicy('identity', `a group of ${user}`, link.known ? link.value : link.why, link.at)];
    if (g === undefined) {
      return [this.unknownPolicy('identity', `group ${link.known ? link.value : '?'}`, `the group \`${link.known ? link.value : '?'}\` of ${user} is not in the inputs`, link.at)];
    }
    return this.compiledGroup(g);
  }

  /** A group's own policies, compiled once however many members it has. */
  private compiledGroup(g: IamGroup): CompiledPolicy[] {
    const hit = this.groupCompiled.get(g.key);
    if (hit !== undefined) return hit;
    const name = g.name.known ? g.name.value : g.key;
    const compiled = [...this.inline(g.inlinePolicies, `group ${name}`), ...g.managedPolicies.map((l) => this.managed(l, 'identity'))];
    this.groupCompiled.set(g.key, compiled);
    return compiled;
  }

  private boundary(b: Attr<string | null>): CompiledPolicy[] | undefined {
    if (!b.known) return [this.unknownPolicy('permissionsBoundary', 'the permissions boundary', b.why, b.at)];
    if (b.value === null) return undefined;
    return [this.managed({ known: true, value: b.value, at: b.at }, 'permissionsBoundary')];
  }

  /** Identity policies and boundary of a principal. */
  policySet(p: Principal): PolicySet {
    const hit = this.sets.get(p.key);
    if (hit !== undefined) return hit;
    const r = p.resource;
    const owner = `${p.kind === 'aws.iam.user' ? 'user' : 'role'} ${p.name}`;
    const identity = [...this.inline(r.inlinePolicies, owner), ...r.managedPolicies.map((l) => this.managed(l, 'identity'))];
    if (r.kind === 'aws.iam.user') {
      for (const g of r.groups) identity.push(...this.groupPolicies(g, owner));
      // Memberships written on the group's side only (its member list) count as well.
      for (const g of this.memberOf(r)) if (!r.groups.some((l) => this.linksTo(l, g))) identity.push(...this.compiledGroup(g));
    }
    const boundary = this.boundary(r.permissionsBoundary);
    const set: PolicySet = { identity, ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}) };
    this.sets.set(p.key, set);
    return set;
  }

  /** The groups whose member lists name the user (memberships written on the group's side). */
  memberOf(user: IamUser): readonly IamGroup[] {
    if (this.groupMembers === undefined) {
      this.groupMembers = new Map();
      for (const g of this.estate.ofKind('aws.iam.group')) {
        for (const m of g.members) {
          if (!m.known) continue;
          for (const u of this.estate.lookup(m.value, 'aws.iam.user')) {
            const list = this.groupMembers.get(u.key) ?? [];
            if (!list.includes(g)) list.push(g);
            this.groupMembers.set(u.key, list);
          }
        }
      }
    }
    return this.groupMembers.get(user.key) ?? [];
  }

  /** Whether a user's group link names `g`. */
  linksTo(l: Link, g: IamGroup): boolean {
    if (!l.known) return false;
    const r = this.estate.resolve(l, 'aws.iam.group');
    return r !== undefined && r !== 'unknown' && r.key === g.key;
  }

  /** A policy set from a group alone (for "would joining this group make one an administrator"). */
  groupSet(group: IamGroup): PolicySet {
    let set = this.groupSets.get(group.key);
    if (set === undefined) this.groupSets.set(group.key, (set = { identity: this.compiledGroup(group) }));
    return set;
  }

  /**
   * A key under which decisions on `set` (identity side only, resource `*`, no extra context) are the same for every
   * principal of the same kind and account, or undefined when its policies read the request context (conditions,
   * policy variables) and so may answer differently per principal.
   */
  contextFreeKey(p: Principal, set: PolicySet): string | undefined {
    let ids = this.setKeys.get(set);
    if (ids === undefined) {
      const all = [...(set.identity ?? []), ...(set.permissionsBoundary ?? [])];
      const list = (xs: readonly CompiledPolicy[] | undefined): string => (xs === undefined ? '-' : xs.map((x) => x.id).join(','));
      ids = all.some((x) => this.reads(x)) ? null : `${list(set.identity)}|${list(set.permissionsBoundary)}`;
      this.setKeys.set(set, ids);
    }
    if (ids === null) return undefined;
    const rp = this.requestPrincipal(p);
    const special = rp.kind === 'roleSession' ? `${rp.serviceLinked === true ? 'slr' : ''}${p.arn.includes(':role/aws-service-role/sso.amazonaws.com/') ? 'sso' : ''}` : '';
    return `${p.kind}|${p.account}|${special}|${ids}`;
  }

  private reads(policy: CompiledPolicy): boolean {
    let v = this.policyReads.get(policy);
    if (v === undefined) this.policyReads.set(policy, (v = readsRequestContext(policy)));
    return v;
  }

  /**
   * The class of principals for which `ask` gives the same answer: same kind, account and policy objects, none of
   * which reads the request context, and a resource policy (if any) that reads no context and does not name the
   * principal itself (only its account, `*`, or others). Undefined when the principal must be asked on its own.
   */
  private shareKey(p: Principal, set: PolicySet, rp: ResourcePolicy | undefined): string | undefined {
    const base = this.contextFreeKey(p, set);
    if (base === undefined) return undefined;
    if (rp === undefined) return base;
    if (this.reads(rp.policy) || this.names(rp.policy, p)) return undefined;
    return `${base}|${rp.policy.id}`;
  }

  /** Whether some statement of the policy names the principal itself (its ARN or session), or lists it in NotPrincipal. */
  private names(policy: CompiledPolicy, p: Principal): boolean {
    const rp = this.requestPrincipal(p);
    const own = rp.kind === 'roleSession' ? [rp.arn, rp.roleArn] : rp.kind === 'user' ? [rp.arn] : [];
    for (const s of policy.statements) {
      if (s.principal === undefined) continue;
      if (s.principal.negated) return true;
      for (const id of own) if (s.principal.p.aws.has(id)) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------- principals

  principals(): readonly Principal[] {
    if (this.principalList !== undefined) return this.principalList;
    const out: Principal[] = [];
    for (const u of this.estate.ofKind('aws.iam.user')) out.push(this.principal(u));
    for (const r of this.estate.ofKind('aws.iam.role')) out.push(this.principal(r));
    this.principalList = out;
    return out;
  }

  byKey(key: string): Principal | undefined {
    this.principalIndex ??= new Map(this.principals().map((p) => [p.key, p]));
    return this.principalIndex.get(key);
  }

  private principal(r: IamUser | IamRole): Principal {
    const name = r.name.known ? r.name.value : r.native.name;
    const given = r.aliases.find((a) => a.startsWith('arn:') && a.includes(':iam::'));
    const path = r.kind === 'aws.iam.role' && r.path.known ? r.path.value : '/';
    const arn = given ?? `arn:aws:iam::${this.account}:${r.kind === 'aws.iam.user' ? 'user' : 'role'}${path}${name}`;
    const account = parseArn(arn)?.account ?? this.account;
    return { key: r.key, kind: r.kind, name, arn, account, at: r.at, resource: r };
  }

  requestPrincipal(p: Principal): RequestPrincipal {
    const hit = this.requestPrincipals.get(p.key);
    if (hit !== undefined) return hit;
    let rp: RequestPrincipal;
    if (p.kind === 'aws.iam.user') rp = { kind: 'user', arn: p.arn, account: p.account, name: p.name };
    else {
      const partition = parseArn(p.arn)?.partition ?? 'aws';
      rp = {
        kind: 'roleSession', roleArn: p.arn, account: p.account, roleName: p.name, sessionName: 'session',
        arn: `arn:${partition}:sts::${p.account}:assumed-role/${p.name}/session`,
        ...(p.arn.includes(':role/aws-service-role/') ? { serviceLinked: true } : {}),
      };
    }
    this.requestPrincipals.set(p.key, rp);
    return rp;
  }

  // ------------------------------------------------------------------------------------------ resource policies

  private indexResources(): void {
    if (this.arnPolicies !== undefined) return;
    this.bucketPolicies = new Map();
    this.arnPolicies = new Map();
    for (const b of this.estate.ofKind('aws.s3.bucket')) {
      if (!b.name.known) continue;
      const display = `bucket policy of ${b.name.value}`;
      const c = this.compileDoc(b.policy, 'resource', display);
      if (c === undefined) continue;
      const rp: ResourcePolicy = { policy: c, kind: 'standard', resourceKey: b.key, display, resourceKind: b.kind, ...jsonOf(b.policy) };
      this.bucketPolicies.set(b.name.value, rp);
      this.keyPolicies.set(b.key, rp);
    }
    const add = (aliases: readonly string[], doc: Attr<EmbeddedDocument | null> | undefined, kind: ResourcePolicy['kind'], key: string, display: string): void => {
      if (doc === undefined) return;
      const c = this.compileDoc(doc, 'resource', display);
      if (c === undefined) return;
      const resourceKind = this.estate.lookup(key)[0]?.kind;
      const rp: ResourcePolicy = { policy: c, kind, resourceKey: key, display, ...jsonOf(doc), ...(resourceKind !== undefined ? { resourceKind } : {}) };
      this.keyPolicies.set(key, rp);
      for (const a of aliases) if (a.startsWith('arn:')) this.arnPolicies?.set(a, rp);
    };
    for (const k of this.estate.ofKind('aws.kms.key')) add(k.aliases, k.policy, 'kmsKey', k.key, `key policy of ${k.native.name}`);
    for (const q of this.estate.ofKind('aws.sqs.queue')) add(q.aliases, q.policy, 'standard', q.key, `queue policy of ${q.native.name}`);
    for (const t of this.estate.ofKind('aws.sns.topic')) add(t.aliases, t.policy, 'standard', t.key, `topic policy of ${t.native.name}`);
    for (const s of this.estate.ofKind('aws.secretsmanager.secret')) add(s.aliases, s.policy, 'standard', s.key, `resource policy of secret ${s.native.name}`);
    for (const f of this.estate.ofKind('aws.lambda.function')) add(f.aliases, f.policy, 'standard', f.key, `resource policy of function ${f.native.name}`);
    // Roles are found by the ARN their principal carries, written out or built from name and path.
    for (const p of this.principals()) {
      if (p.resource.kind !== 'aws.iam.role') continue;
      add([...p.resource.aliases, p.arn], p.resource.trustPolicy, 'roleTrust', p.key, `trust policy of role ${p.name}`);
    }
  }

  /** The resource-based policy that governs `action` on `resource`, if the estate has one. */
  resourcePolicy(action: string, resource: string): ResourcePolicy | undefined {
    this.indexResources();
    const a = action.toLowerCase();
    if (resource.startsWith('arn:aws:s3:::') || resource.startsWith('arn:aws-cn:s3:::') || resource.startsWith('arn:aws-us-gov:s3:::')) {
      const rest = resource.slice(resource.indexOf(':::') + 3);
      const slash = rest.indexOf('/');
      return this.bucketPolicies?.get(slash < 0 ? rest : rest.slice(0, slash));
    }
    const hit = this.arnPolicies?.get(resource);
    if (hit?.kind === 'roleTrust' && !a.startsWith('sts:')) return undefined;
    return hit;
  }

  /**
   * Role trust policies and KMS key policies must allow explicitly; for a role or key that is not in the inputs that
   * policy is unknown, and so is the answer.
   */
  private missingMandatoryPolicy(action: string, resource: string): ResourcePolicy | undefined {
    const a = parseArn(resource);
    if (a === undefined) return undefined;
    const act = action.toLowerCase();
    let kind: ResourcePolicy['kind'] | undefined;
    if (a.service === 'iam' && a.resource.startsWith('role/') && act.startsWith('sts:assumerole')) kind = 'roleTrust';
    else if (a.service === 'kms' && a.resource.startsWith('key/') && act.startsWith('kms:')) kind = 'kmsKey';
    if (kind === undefined) return undefined;
    const hit = this.missingPolicies.get(resource);
    if (hit !== undefined) return hit;
    const what = kind === 'roleTrust' ? 'trust policy' : 'key policy';
    const display = `${what} of ${resource}`;
    const rp: ResourcePolicy = { policy: this.unknownPolicy('resource', display, `the ${what} of \`${resource}\` is not in the inputs`), kind, resourceKey: resource, display };
    this.missingPolicies.set(resource, rp);
    return rp;
  }

  resourcePolicyByKey(key: string): ResourcePolicy | undefined {
    this.indexResources();
    return this.keyPolicies.get(key);
  }

  // --------------------------------------------------------------------------------------------------- asking

  /** What the estate knows of a principal's request context; everything else is unknown. */
  contextFor(p: Principal, extra: Ctx = {}): { values: Record<string, string | readonly string[]>; knownAbsent: string[]; prefixes: string[] } {
    const values: Record<string, string | readonly string[]> = {};
    for (const [k, v] of Object.entries(principalContext(this.requestPrincipal(p)))) if (typeof v === 'string') values[k] = v;
    const prefixes: string[] = [];
    const tags = p.resource.tags;
    if (tags?.known) {
      for (const [k, v] of Object.entries(tags.value)) values[`aws:PrincipalTag/${k}`] = v;
      prefixes.push('aws:PrincipalTag/');
    }
    const knownAbsent = p.kind === 'aws.iam.role' ? ['aws:username'] : [];
    return { values: { ...values, ...extra }, knownAbsent, prefixes };
  }

  /** The request context of a principal's own requests, built once: the engine only reads it. */
  private requestContext(p: Principal, extra: Ctx): RequestContext {
    const build = (): RequestContext => {
      const ctx = this.contextFor(p, extra);
      return new RequestContext(ctx.values, { missingKeys: 'unknown', knownAbsent: ctx.knownAbsent, knownAbsentPrefixes: ctx.prefixes });
    };
    let empty = true;
    for (const _ in extra) {
      empty = false;
      break;
    }
    if (!empty) return build();
    let hit = this.baseContexts.get(p.key);
    if (hit === undefined) this.baseContexts.set(p.key, (hit = build()));
    return hit;
  }

  /** Whether the principal's own policies (or `set`) have any statement that could allow `action`, on anything. */
  identityMayAllow(p: Principal, action: string, set?: PolicySet): boolean {
    if (set !== undefined) return mayAllow(set.identity ?? [], action);
    let byAction = this.identityMay.get(p.key);
    if (byAction === undefined) this.identityMay.set(p.key, (byAction = new Map()));
    let v = byAction.get(action);
    if (v === undefined) byAction.set(action, (v = mayAllow(this.policySet(p).identity ?? [], action)));
    return v;
  }

  /**
   * True when `ask` with the same arguments is certain to answer implicit or explicit deny: neither the principal's
   * identity policies nor the resource's policy has a statement that could allow the action for this principal.
   * Estate-wide searches use it to skip requests without evaluating them.
   */
  surelyDenied(p: Principal, action: string, resource: string, set?: PolicySet, withoutResourcePolicy = false): boolean {
    return this.surelyDeniedWith(p, action, withoutResourcePolicy ? undefined : this.governingPolicy(action, resource), set);
  }

  /** `surelyDenied` with the governing resource policy already looked up (undefined: none). */
  surelyDeniedWith(p: Principal, action: string, rp: ResourcePolicy | undefined, set?: PolicySet): boolean {
    const rpMay = rp !== undefined && this.resourceMayAllow(rp, action, p);
    // Trust and key policies must allow explicitly: the principal's own policies never grant alone.
    if (rp !== undefined && rp.kind !== 'standard') return !rpMay;
    return !rpMay && !this.identityMayAllow(p, action, set);
  }

  /**
   * Whether the resource policy has a statement that could allow `action` for the principal; shared by the principals
   * of one kind and account when the policy does not name the principal itself.
   */
  private resourceMayAllow(rp: ResourcePolicy, action: string, p: Principal): boolean {
    if (this.names(rp.policy, p)) return mayAllow([rp.policy], action, this.requestPrincipal(p));
    const key = `${rp.policy.id}\u0000${action}\u0000${p.kind}\u0000${p.account}`;
    let v = this.resourceMay.get(key);
    if (v === undefined) this.resourceMay.set(key, (v = mayAllow([rp.policy], action, this.requestPrincipal(p))));
    return v;
  }

  /** The resource policy `ask` evaluates for `action` on `resource`: the estate's, or an unknown mandatory one. */
  governingPolicy(action: string, resource: string): ResourcePolicy | undefined {
    return this.resourcePolicy(action, resource) ?? this.missingMandatoryPolicy(action, resource);
  }

  ask(p: Principal, action: string, resource: string, extra: Ctx = {}, set?: PolicySet, withoutResourcePolicy = false): AuthorizationResult {
    const policies = set ?? this.policySet(p);
    const rp = withoutResourcePolicy ? undefined : this.governingPolicy(action, resource);
    const share = this.shareKey(p, policies, rp);
    if (share === undefined) return this.evaluate(p, policies, rp, action, resource, extra, withoutResourcePolicy);
    const key = `${share}\u0000${withoutResourcePolicy ? 'n' : 'r'}\u0000${action}\u0000${resource}\u0000${JSON.stringify(extra)}`;
    let hit = this.shared.get(key);
    if (hit === undefined) this.shared.set(key, (hit = this.evaluate(p, policies, rp, action, resource, extra, withoutResourcePolicy)));
    return hit;
  }

  private evaluate(p: Principal, policies: PolicySet, rp: ResourcePolicy | undefined, action: string, resource: string, extra: Ctx, withoutResourcePolicy: boolean): AuthorizationResult {
    const request: AuthorizationRequest = {
      principal: this.requestPrincipal(p), action, resource,
      resourceAccount: this.resourceAccountOf(resource),
      context: this.requestContext(p, extra), deriveContext: false,
      ...(rp !== undefined ? { resourcePolicyKind: rp.kind } : withoutResourcePolicy ? { resourcePolicyKind: 'standard' as const } : {}),
    };
    return authorize(rp !== undefined ? { ...policies, resource: [rp.policy] } : policies, request);
  }

  /** Asks for an arbitrary request principal (outsiders), with explicit policies. */
  askAs(principal: RequestPrincipal, set: PolicySet, action: string, resource: string, context: Ctx, knownAbsent: readonly string[], kind?: ResourcePolicy['kind']): AuthorizationResult {
    return authorize(set, {
      principal, action, resource, resourceAccount: this.resourceAccountOf(resource),
      context, deriveContext: false,
      contextOptions: {
        missingKeys: 'unknown', knownAbsent: knownAbsent.filter((k) => !k.endsWith('/')),
        knownAbsentPrefixes: knownAbsent.filter((k) => k.endsWith('/')),
      },
      ...(kind !== undefined ? { resourcePolicyKind: kind } : {}),
    });
  }

  /** The account a request resource belongs to: its ARN's, else (S3, `*`) the estate's. */
  resourceAccountOf(resource: string): string {
    return parseArn(resource)?.account || this.account;
  }

  cite(refs: readonly StatementRef[]): StatementCitation[] {
    return refs.map((r) => {
      const m = this.meta.get(r.policyId);
      const at = m?.statementAt?.[r.index] ?? m?.at;
      return {
        policy: m?.display ?? r.policyId, policyType: r.policyType, statement: r.index + 1,
        ...(r.sid !== undefined ? { sid: r.sid } : {}), ...(at ? { at } : {}),
      };
    });
  }

  displayOf(policyId: string): string {
    return this.meta.get(policyId)?.display ?? policyId;
  }
}

function jsonOf(doc: Attr<EmbeddedDocument | null>): { json?: JsonValue } {
  return doc.known && doc.value !== null ? { json: doc.value.json } : {};
}

/** The account most principal ARNs in the inputs name, else the placeholder. */
function guessAccount(estate: Estate): string {
  const counts = new Map<string, number>();
  for (const kind of ['aws.iam.user', 'aws.iam.role', 'aws.iam.policy'] as const) {
    for (const r of estate.ofKind(kind)) {
      for (const a of r.aliases) {
        const acc = parseArn(a)?.account;
        if (acc !== undefined && /^\d{12}$/.test(acc)) counts.set(acc, (counts.get(acc) ?? 0) + 1);
      }
    }
  }
  let best = PLACEHOLDER_ACCOUNT;
  let n = 0;
  for (const [a, c] of counts) if (c > n) [best, n] = [a, c];
  return best;
}
