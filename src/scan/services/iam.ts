/**
 * The IAM engine as a service on the estate (`ctx.services.iam`): built once per scan, every answer memoised.
 */
import type { AuthorizationResult, PolicySet } from '../../engines/iam/index.js';
import type {
  AccessAnswer, AdminAnswer, EscalationPath, ExposureAnswer, IamPrincipalInfo, IamService, OpenedEscalation, StatementCitation,
  WhoCanEntry,
} from '../../checks/kit/services/iam.js';
import { awsManagedPolicyDocument, isAwsManagedPolicyArn } from '../../engines/iam/index.js';
import type { Estate } from '../../model/index.js';
import type { JsonValue } from '../../model/core/json.js';
import type { EscalationDeps, EscalationTargets } from './iam-escalation.js';
import { chainedPaths, escalatingRoles, escalationPaths, escalationTargets } from './iam-escalation.js';
import type { Principal, ResourcePolicy } from './iam-estate.js';
import { IamEstate, SURELY_DENIED } from './iam-estate.js';
import type { ExposureProbe } from './iam-exposure.js';
import { exposure } from './iam-exposure.js';

type Ctx = Readonly<Record<string, string | readonly string[]>>;

/** Actions that, all allowed on every resource, make an administrator. A made-up action stands for "any action". */
const ANY_ACTION_PROBE = 'parapetprobe:AnyAction';
const IAM_PROBES = [
  'iam:CreatePolicyVersion', 'iam:PutUserPolicy', 'iam:PutRolePolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy',
  'iam:UpdateAssumeRolePolicy', 'iam:CreateAccessKey', 'iam:CreateUser', 'iam:PassRole', 'iam:ParapetProbeAnyIamAction',
];
const CORE_PROBES = ['s3:DeleteBucket', 'ec2:RunInstances', 'kms:ScheduleKeyDeletion', 'dynamodb:DeleteTable', 'organizations:LeaveOrganization'];

function answer(r: AuthorizationResult, estate: IamEstate, reason: string): AccessAnswer {
  const decision = r.decision === 'allowed' ? 'allowed' : r.decision === 'unknown' ? 'unknown' : 'denied';
  const grant = r.decision === 'allowed' ? r.matched : r.undetermined.filter((x) => x.effect === 'Allow');
  const deny = r.decision === 'explicitDeny' ? r.matched : r.undetermined.filter((x) => x.effect === 'Deny');
  return {
    decision, detail: r.decision, reason,
    grantedBy: estate.cite(grant), deniedBy: estate.cite(deny),
    dependsOn: r.unknownContextKeys,
    ...(r.witness !== undefined ? { witness: r.witness } : {}),
  };
}

function describe(c: StatementCitation): string {
  return `${c.policy} statement ${c.statement}${c.sid !== undefined ? ` (${c.sid})` : ''}`;
}

function reasonOf(r: AuthorizationResult, estate: IamEstate, who: string, action: string, resource: string): string {
  if (r.serviceRule !== undefined) return r.serviceRule.message;
  const on = `${action} on ${resource}`;
  switch (r.decision) {
    case 'allowed':
      return `${who} may ${on}: allowed by ${estate.cite(r.matched).map(describe).join(', ')}${r.crossAccount ? ' (cross-account: both sides allow)' : ''}`;
    case 'explicitDeny':
      return `${who} may not ${on}: explicitly denied by ${estate.cite(r.matched).map(describe).join(', ')}`;
    case 'implicitDeny': {
      const d = r.details;
      const silent = (Object.keys(d) as (keyof typeof d)[]).filter((k) => d[k] === 'implicitDeny');
      return `${who} may not ${on}: no statement allows it${silent.length > 0 ? ` (silent: ${silent.join(', ')})` : ''}`;
    }
    case 'unknown':
      return `${who} may or may not ${on}: ${r.unknownBecause.join('; ') || 'it depends on values that are not known'}`;
  }
}

export class IamFacade implements IamService {
  readonly iam: IamEstate;
  private readonly admins = new Map<string, AdminAnswer>();
  private readonly escalations = new Map<string, EscalationPath[]>();
  /** Administrator answers shared by principals whose policies read nothing of the request but action and resource. */
  private readonly adminsBySet = new Map<string, AdminAnswer>();
  /** Service trust of a role, by role, service and the account the service acts for. */
  private readonly trusted = new Map<string, Map<string, Map<string, AuthorizationResult>>>();
  private targets: EscalationTargets | undefined;
  private readonly direct = new Map<string, EscalationPath[]>();
  private escalating: ReturnType<typeof escalatingRoles> | undefined;
  /** Escalations whose first step a role's trust alone grants, by that role: found once, over every principal. */
  private opened: Map<string, OpenedEscalation[]> | undefined;

  constructor(estate: Estate) {
    this.iam = new IamEstate(estate);
  }

  get diagnostics(): IamService['diagnostics'] {
    return this.iam.policyIssues;
  }

  private info(p: Principal): IamPrincipalInfo {
    return { key: p.key, kind: p.kind, name: p.name, arn: p.arn, at: p.at };
  }

  private byKey(key: string): Principal | undefined {
    return this.iam.byKey(key);
  }

  principals(): readonly IamPrincipalInfo[] {
    return this.iam.principals().map((p) => this.info(p));
  }

  findPrincipal(handle: string): readonly IamPrincipalInfo[] {
    const h = handle.toLowerCase();
    return this.iam.principals()
      .filter((p) => p.key.toLowerCase() === h || p.arn.toLowerCase() === h || p.name.toLowerCase() === h || p.resource.aliases.some((a) => a.toLowerCase() === h))
      .map((p) => this.info(p));
  }

  can(principalKey: string, action: string, resource: string, context: Ctx = {}): AccessAnswer {
    const p = this.byKey(principalKey);
    if (p === undefined) {
      return { decision: 'unknown', detail: 'unknown', reason: `no principal \`${principalKey}\` in the inputs`, grantedBy: [], deniedBy: [], dependsOn: [] };
    }
    const r = this.iam.ask(p, action, resource, context);
    return answer(r, this.iam, reasonOf(r, this.iam, `${p.kind === 'aws.iam.user' ? 'user' : 'role'} ${p.name}`, action, resource));
  }

  whoCan(action: string, resource: string, context: Ctx = {}): readonly WhoCanEntry[] {
    const entries: WhoCanEntry[] = [];
    const direct = new Map<string, 'allowed' | 'unknown'>();
    for (const p of this.iam.principals()) {
      if (this.iam.surelyDenied(p, action, resource)) continue;
      const r = this.iam.ask(p, action, resource, context);
      if (r.decision !== 'allowed' && r.decision !== 'unknown') continue;
      const decision = r.decision === 'allowed' ? 'allowed' : 'unknown';
      direct.set(p.key, decision);
      const refs = r.decision === 'allowed' ? r.matched : r.undetermined;
      const grants = refs.filter((x) => x.effect === 'Allow' && (x.policyType === 'identity' || x.policyType === 'resource'));
      entries.push({ id: p.arn, name: p.name, via: [...new Set(this.iam.cite(grants).map((c) => c.policy))], decision });
    }
    // One hop of role chaining: whoever can assume a role that can.
    const roles = this.iam.principals().filter((x) => x.kind === 'aws.iam.role' && direct.has(x.key));
    for (const p of this.iam.principals()) {
      if (direct.has(p.key)) continue;
      for (const role of roles) {
        const d = direct.get(role.key);
        if (d === undefined || role.key === p.key) continue;
        if (this.iam.surelyDenied(p, 'sts:AssumeRole', role.arn)) continue;
        const r = this.iam.ask(p, 'sts:AssumeRole', role.arn);
        if (r.decision !== 'allowed' && r.decision !== 'unknown') continue;
        entries.push({ id: p.arn, name: p.name, via: [`sts:AssumeRole ${role.name}`], decision: r.decision === 'allowed' && d === 'allowed' ? 'allowed' : 'unknown' });
        break;
      }
    }
    // Outsiders the resource's own policy lets in.
    const rp = this.iam.resourcePolicy(action, resource);
    if (rp !== undefined) {
      const e = exposure(this.iam, rp, [{ action, resource }]);
      if (e.exposure === 'public') {
        for (const who of e.who) entries.push({ id: who === 'anyone' ? '*' : who, name: who, via: [rp.display], decision: 'allowed' });
      } else if (e.exposure === 'unknown') entries.push({ id: '*', name: 'outsiders', via: [rp.display], decision: 'unknown' });
    }
    return entries;
  }

  private adminOf(p: Principal, set?: PolicySet): AdminAnswer {
    const policies = set ?? this.iam.policySet(p);
    const shared = this.iam.contextFreeKey(p, policies);
    const hit = shared === undefined ? undefined : this.adminsBySet.get(shared);
    if (hit !== undefined) return hit.level === 'none' ? none(p) : hit;
    const a = this.evaluateAdmin(p, set);
    if (shared !== undefined) this.adminsBySet.set(shared, a);
    return a;
  }

  private evaluateAdmin(p: Principal, set?: PolicySet): AdminAnswer {
    const ask = (action: string): AuthorizationResult =>
      (this.iam.surelyDenied(p, action, '*', set, set !== undefined) ? SURELY_DENIED : this.iam.ask(p, action, '*', {}, set, set !== undefined));
    // One IAM write denied is enough to answer `none`: the other probes are not needed.
    const iamResults: AuthorizationResult[] = [];
    for (const action of IAM_PROBES) {
      const r = ask(action);
      iamResults.push(r);
      if (r.decision === 'explicitDeny' || r.decision === 'implicitDeny') return none(p);
    }
    const iamVerdict = combine(iamResults);
    const all = [ask(ANY_ACTION_PROBE), ...CORE_PROBES.map(ask)];
    const fullVerdict = combine([...iamResults, ...all]);
    const refs = [...iamResults, ...all].flatMap((r) => (r.decision === 'allowed' ? r.matched : r.undetermined.filter((x) => x.effect === 'Allow')));
    const grantedBy = dedupeCitations(this.iam.cite(refs));
    const via = grantedBy.map(describe).join(', ');
    if (fullVerdict === 'yes') return { level: 'full', grantedBy, reason: `every action on every resource is allowed (${via})` };
    if (iamVerdict === 'yes') return { level: 'iam', grantedBy, reason: `every IAM write action is allowed, enough to grant itself anything (${via})` };
    return { level: 'unknown', grantedBy, reason: `IAM administration depends on values that are not known (${via})` };
  }

  administrator(principalKey: string): AdminAnswer {
    const hit = this.admins.get(principalKey);
    if (hit !== undefined) return hit;
    const p = this.byKey(principalKey);
    const a: AdminAnswer = p === undefined ? { level: 'unknown', grantedBy: [], reason: `no principal \`${principalKey}\`` } : this.adminOf(p);
    this.admins.set(principalKey, a);
    return a;
  }

  trustExposure(roleKey: string): ExposureAnswer {
    const p = this.byKey(roleKey);
    const rp = p === undefined ? undefined : this.iam.resourcePolicy('sts:AssumeRole', p.arn);
    if (p === undefined || rp === undefined) {
      return { exposure: 'unknown', who: [], actions: [], restrictedBy: [], notRestrictedBy: [], grantedBy: [], reason: `no trust policy for \`${roleKey}\`` };
    }
    return exposure(this.iam, rp, [{ action: 'sts:AssumeRole', resource: p.arn }]);
  }

  resourceExposure(resourceKey: string): ExposureAnswer | undefined {
    const rp = this.iam.resourcePolicyByKey(resourceKey);
    if (rp === undefined || rp.kind === 'roleTrust') return undefined;
    const r = this.iam.estate.lookup(resourceKey)[0];
    if (r === undefined) return undefined;
    return exposure(this.iam, rp, probesFor(r.kind, r.aliases, r.kind === 'aws.s3.bucket' && r.name.known ? r.name.value : undefined));
  }

  private escalationTargets(): EscalationTargets {
    this.targets ??= escalationTargets(this.iam, (x) => this.administrator(x.key));
    return this.targets;
  }

  private trustedBy(role: Principal, trust: ResourcePolicy, service: string, account: string): AuthorizationResult {
    let byService = this.trusted.get(role.key);
    if (byService === undefined) this.trusted.set(role.key, (byService = new Map()));
    let byAccount = byService.get(service);
    if (byAccount === undefined) byService.set(service, (byAccount = new Map()));
    let r = byAccount.get(account);
    if (r === undefined) {
      r = this.iam.askAs({ kind: 'service', service }, { resource: [trust.policy] }, 'sts:AssumeRole', role.arn,
        { 'aws:SourceAccount': account, 'aws:PrincipalIsAWSService': 'true' }, [], 'roleTrust');
      byAccount.set(account, r);
    }
    return r;
  }

  private deps(): EscalationDeps {
    return {
      estate: this.iam,
      administrator: (x) => this.administrator(x.key),
      administratorWith: (x, set) => this.adminOf(x, set),
      targets: () => this.escalationTargets(),
      trustedBy: (role, trust, service, account) => this.trustedBy(role, trust, service, account),
    };
  }

  /** The paths a principal takes on its own (without assuming a role that is not an administrator). */
  private directPaths(p: Principal): EscalationPath[] {
    let paths = this.direct.get(p.key);
    if (paths === undefined) this.direct.set(p.key, (paths = escalationPaths(this.deps(), p)));
    return paths;
  }

  escalationPaths(principalKey: string): readonly EscalationPath[] {
    const hit = this.escalations.get(principalKey);
    if (hit !== undefined) return hit;
    const p = this.byKey(principalKey);
    let paths: EscalationPath[] = [];
    if (p !== undefined) {
      const direct = (x: Principal): EscalationPath[] => this.directPaths(x);
      this.escalating ??= escalatingRoles(this.deps(), direct);
      paths = [...this.directPaths(p)];
      // A chain is reported only for what the principal does not gain more directly.
      for (const c of chainedPaths(this.deps(), p, this.escalating, direct)) {
        if (!paths.some((o) => o.gains === c.gains)) paths.push(c);
      }
    }
    this.escalations.set(principalKey, paths);
    return paths;
  }

  awsManagedPolicyDocument(arn: string): JsonValue | undefined {
    return isAwsManagedPolicyArn(arn) ? awsManagedPolicyDocument(arn) : undefined;
  }

  escalationsOpenedBy(roleKey: string): readonly OpenedEscalation[] {
    if (this.opened === undefined) {
      const opened = new Map<string, OpenedEscalation[]>();
      for (const p of this.iam.principals()) {
        for (const path of this.escalationPaths(p.key)) {
          if (path.openedBy === undefined) continue;
          let list = opened.get(path.openedBy);
          if (list === undefined) opened.set(path.openedBy, (list = []));
          list.push({ principal: this.info(p), path });
        }
      }
      this.opened = opened;
    }
    return this.opened.get(roleKey) ?? [];
  }
}

function none(p: Principal): AdminAnswer {
  return { level: 'none', grantedBy: [], reason: `${p.name} cannot administer IAM` };
}

function combine(rs: readonly AuthorizationResult[]): 'yes' | 'no' | 'unknown' {
  if (rs.some((r) => r.decision === 'explicitDeny' || r.decision === 'implicitDeny')) return 'no';
  return rs.every((r) => r.decision === 'allowed') ? 'yes' : 'unknown';
}

function dedupeCitations(cs: readonly StatementCitation[]): StatementCitation[] {
  const out: StatementCitation[] = [];
  for (const c of cs) if (!out.some((o) => o.policy === c.policy && o.statement === c.statement)) out.push(c);
  return out;
}

/** The actions that matter for each kind of resource with a policy, and the ARNs to ask about. */
function probesFor(kind: string, aliases: readonly string[], bucket: string | undefined): ExposureProbe[] {
  if (kind === 'aws.s3.bucket' && bucket !== undefined) {
    const arn = `arn:aws:s3:::${bucket}`;
    return [
      { action: 's3:GetObject', resource: `${arn}/*` }, { action: 's3:PutObject', resource: `${arn}/*` },
      { action: 's3:DeleteObject', resource: `${arn}/*` }, { action: 's3:ListBucket', resource: arn },
      { action: 's3:PutBucketPolicy', resource: arn },
    ];
  }
  const arn = aliases.find((a) => a.startsWith('arn:')) ?? '*';
  const actions: Record<string, readonly string[]> = {
    'aws.kms.key': ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:CreateGrant', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'],
    'aws.sqs.queue': ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:SetQueueAttributes'],
    'aws.sns.topic': ['sns:Publish', 'sns:Subscribe', 'sns:SetTopicAttributes'],
    'aws.secretsmanager.secret': ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:PutResourcePolicy'],
    'aws.lambda.function': ['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl', 'lambda:UpdateFunctionCode', 'lambda:AddPermission'],
  };
  return (actions[kind] ?? []).map((action) => ({ action, resource: arn }));
}

export function buildIamService(estate: Estate): IamService {
  return new IamFacade(estate);
}
