/**
 * Privilege-escalation paths: the known ways a principal with limited IAM permissions gains more, each checked with
 * the engine (so conditions, boundaries and denies are taken into account) and reported with the chain of statements
 * that make it possible.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 */
import type { AuthorizationResult, PolicySet } from '../../engines/iam/index.js';
import type { AdminAnswer, EscalationPath, EscalationStep } from '../../checks/kit/services/iam.js';
import type { LambdaFunction } from '../../model/index.js';
import type { IamEstate, Principal, ResourcePolicy } from './iam-estate.js';
import { SURELY_DENIED } from './iam-estate.js';

type Verdict = 'allowed' | 'unknown' | 'denied';

const verdict = (r: AuthorizationResult): Verdict => (r.decision === 'allowed' ? 'allowed' : r.decision === 'unknown' ? 'unknown' : 'denied');

/** Services that run code with a role passed to them, and the calls that make them do it. */
const PASS_ROLE_SERVICES: readonly { service: string; combos: readonly (readonly string[])[] }[] = [
  { service: 'lambda.amazonaws.com', combos: [['lambda:CreateFunction', 'lambda:InvokeFunction'], ['lambda:CreateFunction', 'lambda:CreateEventSourceMapping']] },
  { service: 'ec2.amazonaws.com', combos: [['ec2:RunInstances']] },
  { service: 'cloudformation.amazonaws.com', combos: [['cloudformation:CreateStack']] },
  { service: 'glue.amazonaws.com', combos: [['glue:CreateDevEndpoint'], ['glue:CreateJob', 'glue:StartJobRun']] },
  { service: 'codebuild.amazonaws.com', combos: [['codebuild:CreateProject', 'codebuild:StartBuild']] },
  { service: 'sagemaker.amazonaws.com', combos: [['sagemaker:CreateNotebookInstance'], ['sagemaker:CreateTrainingJob'], ['sagemaker:CreateProcessingJob']] },
  { service: 'ecs-tasks.amazonaws.com', combos: [['ecs:RegisterTaskDefinition', 'ecs:RunTask'], ['ecs:RegisterTaskDefinition', 'ecs:CreateService']] },
];

export interface EscalationDeps {
  readonly estate: IamEstate;
  administrator(p: Principal): AdminAnswer;
  /** Whether a principal holding exactly `set` would be an administrator (for groups one could join). */
  administratorWith(p: Principal, set: PolicySet): AdminAnswer;
  /** The estate's administrators and the functions that run as them, found once per scan. */
  targets(): EscalationTargets;
  /** Whether `service`, acting for `account`, may assume `role` by its trust policy (memoised: the same for every principal of the account). */
  trustedBy(role: Principal, trust: ResourcePolicy, service: string, account: string): AuthorizationResult;
}

const USER_TAKEOVER = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'] as const;
const ROLE_TAKEOVER = ['sts:AssumeRole', 'iam:UpdateAssumeRolePolicy', 'iam:PassRole'] as const;

/** An administrator (or possible one) someone else could take over, with the resource policies that govern the takeover. */
interface Target {
  readonly p: Principal;
  readonly admin: 'yes' | 'unknown';
  /** The resource policy each takeover action is evaluated with (a role's trust policy for `sts:AssumeRole`). */
  readonly governing: ReadonlyMap<string, ResourcePolicy | undefined>;
}

interface FunctionTarget {
  readonly fn: LambdaFunction;
  readonly arn: string;
  readonly role: Principal;
  readonly admin: 'yes' | 'unknown';
  readonly governing: ResourcePolicy | undefined;
}

/**
 * The principals worth taking over, in the order principals are listed, computed once: a search from each principal
 * then visits only these instead of every other principal, and skips at once the takeovers its own policies cannot
 * start when no resource policy could grant them either.
 */
export interface EscalationTargets {
  readonly users: readonly Target[];
  readonly roles: readonly Target[];
  readonly functions: readonly FunctionTarget[];
  /** Some user target has a resource policy for a user takeover action (none in AWS today; checked, not assumed). */
  readonly usersHavePolicies: boolean;
}

export function escalationTargets(estate: IamEstate, administrator: (p: Principal) => AdminAnswer): EscalationTargets {
  const users: Target[] = [];
  const roles: Target[] = [];
  const byKey = new Map<string, Target>();
  for (const p of estate.principals()) {
    const admin = isAdmin(administrator(p));
    if (admin === 'no') continue;
    const actions = p.kind === 'aws.iam.user' ? USER_TAKEOVER : ROLE_TAKEOVER;
    const governing = new Map(actions.map((a) => [a, estate.governingPolicy(a, p.arn)] as const));
    const t: Target = { p, admin, governing };
    (p.kind === 'aws.iam.user' ? users : roles).push(t);
    byKey.set(p.key, t);
  }
  const functions: FunctionTarget[] = [];
  for (const fn of estate.estate.ofKind('aws.lambda.function')) {
    const role = estate.estate.resolve(fn.role, 'aws.iam.role');
    if (role === undefined || role === 'unknown') continue;
    const t = byKey.get(role.key);
    if (t === undefined) continue;
    const arn = fn.aliases.find((a) => a.startsWith('arn:')) ?? `arn:aws:lambda:*:${estate.account}:function:${fn.name.known ? fn.name.value : fn.native.name}`;
    functions.push({ fn, arn, role: t.p, admin: t.admin, governing: estate.governingPolicy('lambda:UpdateFunctionCode', arn) });
  }
  const usersHavePolicies = users.some((t) => [...t.governing.values()].some((rp) => rp !== undefined));
  return { users, roles, functions, usersHavePolicies };
}

class PathBuilder {
  readonly steps: EscalationStep[] = [];
  decision: 'allowed' | 'unknown' = 'allowed';
  /** Set when the first step is granted by a role's trust policy alone. */
  openedBy: string | undefined;

  constructor(private readonly estate: IamEstate) {}

  /** Adds a step; false when the step is denied (the path does not exist). */
  step(description: string, r: AuthorizationResult): boolean {
    const v = verdict(r);
    if (v === 'denied') return false;
    if (v === 'unknown') this.decision = 'unknown';
    const refs = v === 'allowed' ? r.matched : r.undetermined;
    const keys = r.unknownContextKeys.length > 0 ? ` (if ${r.unknownContextKeys.map((k) => `\`${k}\``).join(', ')} allow)` : '';
    this.steps.push({ description: `${description}${v === 'unknown' ? keys || ' (conditionally)' : ''}`, citations: this.estate.cite(refs) });
    return true;
  }

  /**
   * Adds the first step, an `sts:AssumeRole` into `role`: when only the role's trust policy grants it (the
   * principal's own policies are silent), the path is the trust's, not the principal's.
   */
  assume(description: string, r: AuthorizationResult, role: Principal, p: Principal): boolean {
    if (!this.step(description, r)) return false;
    const refs = verdict(r) === 'allowed' ? r.matched : r.undetermined;
    if (this.steps.length !== 1 || !refs.some((x) => x.policyType === 'resource')) return true;
    // Where its own policies allow the call too, the trust still opens the path if it grants it without them.
    const alone = refs.every((x) => x.policyType === 'resource')
      || verdict(this.estate.ask(p, 'sts:AssumeRole', role.arn, {}, { ...this.estate.policySet(p), identity: [] })) === verdict(r);
    if (alone) this.openedBy = role.key;
    return true;
  }

  note(description: string): void {
    this.steps.push({ description, citations: [] });
  }

  path(method: string, gains: string): EscalationPath {
    return { method, decision: this.decision, gains, steps: [...this.steps], ...(this.openedBy !== undefined ? { openedBy: this.openedBy } : {}) };
  }
}

function arnOfGroup(estate: IamEstate, handle: string): string | undefined {
  for (const g of estate.estate.lookup(handle, 'aws.iam.group')) {
    const arn = g.aliases.find((a) => a.startsWith('arn:'));
    if (arn !== undefined) return arn;
    const name = g.name.known ? g.name.value : undefined;
    if (name !== undefined) return `arn:aws:iam::${estate.account}:group/${name}`;
  }
  return undefined;
}

function isAdmin(a: AdminAnswer): 'yes' | 'unknown' | 'no' {
  if (a.level === 'full' || a.level === 'iam') return 'yes';
  return a.level === 'unknown' ? 'unknown' : 'no';
}

/** Customer managed policies that apply to a principal, directly or through its groups. */
function attachedPolicies(estate: IamEstate, p: Principal): string[] {
  const arns = new Set<string>();
  const add = (l: { known: boolean; value?: unknown }): void => {
    if (!l.known || typeof l.value !== 'string') return;
    for (const pol of estate.estate.lookup(l.value, 'aws.iam.policy')) {
      // Without the account in the inputs, the ARN is built from the name (default path) in the estate's account.
      const arn = pol.arn.known ? pol.arn.value : pol.name.known ? `arn:aws:iam::${estate.account}:policy/${pol.name.value}` : undefined;
      if (arn !== undefined && !arn.includes(':iam::aws:')) arns.add(arn);
    }
  };
  for (const l of p.resource.managedPolicies) add(l);
  if (p.resource.kind === 'aws.iam.user') {
    for (const g of p.resource.groups) {
      if (!g.known) continue;
      for (const grp of estate.estate.lookup(g.value, 'aws.iam.group')) for (const l of grp.managedPolicies) add(l);
    }
  }
  return [...arns];
}

export function escalationPaths(deps: EscalationDeps, p: Principal): EscalationPath[] {
  const { estate } = deps;
  // An administrator (or IAM administrator, who can grant itself the rest) has nothing to escalate to.
  if (isAdmin(deps.administrator(p)) === 'yes') return [];
  const out: EscalationPath[] = [];
  const push = (path: EscalationPath): void => {
    if (!out.some((o) => o.method === path.method && o.gains === path.gains)) out.push(path);
  };
  const self = `${p.kind === 'aws.iam.user' ? 'user' : 'role'} ${p.name}`;
  // Requests nothing could allow are answered without evaluation; every other one is evaluated in full.
  const ask = (action: string, resource: string, extra: Record<string, string> = {}): AuthorizationResult =>
    (estate.surelyDenied(p, action, resource) ? SURELY_DENIED : estate.ask(p, action, resource, extra));
  const askWith = (action: string, resource: string, rp: ResourcePolicy | undefined, extra: Record<string, string> = {}): AuthorizationResult =>
    (estate.surelyDeniedWith(p, action, rp) ? SURELY_DENIED : estate.ask(p, action, resource, extra));
  const may = (action: string): boolean => estate.identityMayAllow(p, action);

  // Rewriting a customer managed policy that applies to itself (managed policies have no resource policy).
  if (may('iam:CreatePolicyVersion')) {
    for (const arn of attachedPolicies(estate, p)) {
      const b = new PathBuilder(estate);
      if (b.step(`${self} can create a new default version of \`${arn}\``, ask('iam:CreatePolicyVersion', arn))) {
        b.note(`\`${arn}\` applies to ${self}, so the new version can grant it any permission`);
        push(b.path('iam:CreatePolicyVersion', 'itself (any permission)'));
      }
    }
  }

  // Writing or attaching a policy to itself.
  const selfWrites = p.kind === 'aws.iam.user' ? ['iam:PutUserPolicy', 'iam:AttachUserPolicy'] : ['iam:PutRolePolicy', 'iam:AttachRolePolicy'];
  for (const action of selfWrites) {
    const b = new PathBuilder(estate);
    if (b.step(`${self} can call ${action} on itself`, ask(action, p.arn))) push(b.path(action, 'itself (any permission)'));
  }

  if (p.kind === 'aws.iam.user' && p.resource.kind === 'aws.iam.user') {
    for (const g of p.resource.groups) {
      if (!g.known) continue;
      const arn = arnOfGroup(estate, g.value);
      if (arn === undefined) continue;
      for (const action of ['iam:PutGroupPolicy', 'iam:AttachGroupPolicy']) {
        const b = new PathBuilder(estate);
        if (b.step(`${self} can call ${action} on its own group \`${g.value}\``, ask(action, arn))) push(b.path(action, 'itself (any permission)'));
      }
    }
    // Joining a group whose policies make an administrator.
    for (const grp of estate.estate.ofKind('aws.iam.group')) {
      const name = grp.name.known ? grp.name.value : grp.key;
      if (p.resource.groups.some((l) => l.known && (grp.aliases.includes(l.value) || grp.key === l.value))) continue;
      if (estate.memberOf(p.resource).includes(grp)) continue;
      const arn = arnOfGroup(estate, grp.key) ?? `arn:aws:iam::${estate.account}:group/${name}`;
      // Whether it may join is cheaper to rule out than whether the group makes administrators.
      if (estate.surelyDenied(p, 'iam:AddUserToGroup', arn)) continue;
      const groupAdmin = isAdmin(deps.administratorWith(p, estate.groupSet(grp)));
      if (groupAdmin === 'no') continue;
      const b = new PathBuilder(estate);
      if (b.step(`${self} can add itself to group \`${name}\``, ask('iam:AddUserToGroup', arn))) {
        b.note(`group \`${name}\`'s policies make its members administrators`);
        if (groupAdmin === 'unknown') b.decision = 'unknown';
        push(b.path('iam:AddUserToGroup', `group ${name}`));
      }
    }
  }

  const targets = deps.targets();
  const userTakeovers = USER_TAKEOVER.filter(may);
  if (userTakeovers.length > 0 || targets.usersHavePolicies) {
    for (const t of targets.users) {
      const other = t.p;
      if (other.key === p.key) continue;
      const target = `user ${other.name}`;
      for (const action of USER_TAKEOVER) {
        const b = new PathBuilder(estate);
        if (b.step(`${self} can call ${action} on ${target}`, askWith(action, other.arn, t.governing.get(action)))) {
          b.note(`${target} is an administrator`);
          if (t.admin === 'unknown') b.decision = 'unknown';
          push(b.path(action, target));
        }
      }
    }
  }

  for (const t of targets.roles) {
    const other = t.p;
    if (other.key === p.key) continue;
    const target = `role ${other.name}`;
    const becauseAdmin = `${target} is an administrator`;
    // Roles: assume directly, take over the trust policy, or pass the role to a service that runs code.
    {
      const b = new PathBuilder(estate);
      if (b.assume(`${self} can assume ${target}`, askWith('sts:AssumeRole', other.arn, t.governing.get('sts:AssumeRole')), other, p)) {
        b.note(becauseAdmin);
        if (t.admin === 'unknown') b.decision = 'unknown';
        push(b.path('sts:AssumeRole', target));
      }
    }
    {
      const b = new PathBuilder(estate);
      if (b.step(`${self} can rewrite the trust policy of ${target}`, askWith('iam:UpdateAssumeRolePolicy', other.arn, t.governing.get('iam:UpdateAssumeRolePolicy')))) {
        // After rewriting the trust policy to name itself, only its own policies stand between it and the role.
        const identityOnly = estate.ask(p, 'sts:AssumeRole', other.arn, {}, undefined, true);
        if (b.step(`its own policies allow sts:AssumeRole on ${target} once the trust policy names it`, identityOnly)) {
          b.note(becauseAdmin);
          if (t.admin === 'unknown') b.decision = 'unknown';
          push(b.path('iam:UpdateAssumeRolePolicy + sts:AssumeRole', target));
        }
      }
    }
    // Passing the role is the first step of every service path: when nothing could allow it, none exists.
    const passRole = t.governing.get('iam:PassRole');
    if (estate.surelyDeniedWith(p, 'iam:PassRole', passRole)) continue;
    const trust = estate.resourcePolicy('sts:AssumeRole', other.arn);
    if (trust === undefined) continue;
    for (const svc of PASS_ROLE_SERVICES) {
      const trusted = deps.trustedBy(other, trust, svc.service, p.account);
      if (trusted.decision !== 'allowed' && trusted.decision !== 'unknown') continue;
      for (const combo of svc.combos) {
        const b = new PathBuilder(estate);
        if (!b.step(`${self} can pass ${target} to ${svc.service}`, askWith('iam:PassRole', other.arn, passRole, { 'iam:PassedToService': svc.service }))) break;
        let ok = true;
        for (const action of combo) {
          if (!b.step(`${self} can call ${action}`, ask(action, '*'))) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        b.step(`${target} trusts ${svc.service}`, trusted);
        b.note(becauseAdmin);
        if (t.admin === 'unknown') b.decision = 'unknown';
        push(b.path(`iam:PassRole + ${combo.join(' + ')}`, target));
        break;
      }
    }
  }

  // Changing the code of a function that runs as an administrator role.
  for (const f of targets.functions) {
    if (f.role.key === p.key) continue;
    const b = new PathBuilder(estate);
    if (b.step(`${self} can replace the code of function \`${f.fn.native.name}\``, askWith('lambda:UpdateFunctionCode', f.arn, f.governing))) {
      b.note(`the function runs as role ${f.role.name}, an administrator`);
      if (f.admin === 'unknown') b.decision = 'unknown';
      push(b.path('lambda:UpdateFunctionCode', `role ${f.role.name}`));
    }
  }
  return out;
}

/**
 * A role from which administrator access is reachable: an administrator role itself, a role with a direct escalation
 * path, or a role that can assume one of those (`next`, with the evaluated `sts:AssumeRole`).
 */
interface Escalating {
  readonly role: Principal;
  readonly admin: boolean;
  readonly next?: { readonly role: Principal; readonly assume: AuthorizationResult };
}

/**
 * Roles from which administrator access is reachable, found once per estate as a fixed point over `sts:AssumeRole`
 * edges (role chaining): first administrators and roles with a direct path, then every role that can assume one of
 * the roles found in the round before. Each role is entered once, so cycles end; the search from a principal then
 * asks only whether it can assume one of these roles, however long the chain behind it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining
 */
export function escalatingRoles(deps: EscalationDeps, direct: (p: Principal) => readonly EscalationPath[]): ReadonlyMap<string, Escalating> {
  const { estate } = deps;
  const roles = estate.principals().filter((x) => x.kind === 'aws.iam.role');
  const found = new Map<string, Escalating>();
  let frontier: Principal[] = [];
  for (const r of roles) {
    const admin = isAdmin(deps.administrator(r)) === 'yes';
    if (admin || direct(r).some((path) => path.decision === 'allowed')) {
      found.set(r.key, { role: r, admin });
      frontier.push(r);
    }
  }
  while (frontier.length > 0) {
    const next: Principal[] = [];
    for (const r of roles) {
      if (found.has(r.key)) continue;
      for (const e of frontier) {
        if (estate.surelyDenied(r, 'sts:AssumeRole', e.arn)) continue;
        const assume = estate.ask(r, 'sts:AssumeRole', e.arn);
        // Only certain hops make a chain: an undecided hop stays out rather than spreading uncertainty.
        if (assume.decision !== 'allowed') continue;
        found.set(r.key, { role: r, admin: false, next: { role: e, assume } });
        next.push(r);
        break;
      }
    }
    frontier = next;
  }
  return found;
}

/**
 * Escalation through role chaining: the principal can assume a role from which administrator access is reachable in
 * more than one step (assuming an administrator role directly is a direct path already).
 */
export function chainedPaths(deps: EscalationDeps, p: Principal, escalating: ReadonlyMap<string, Escalating>, direct: (p: Principal) => readonly EscalationPath[]): EscalationPath[] {
  const { estate } = deps;
  if (isAdmin(deps.administrator(p)) === 'yes') return [];
  const out: EscalationPath[] = [];
  const self = `${p.kind === 'aws.iam.user' ? 'user' : 'role'} ${p.name}`;
  for (const e of escalating.values()) {
    if (e.role.key === p.key || (e.admin && e.next === undefined)) continue;
    if (estate.surelyDenied(p, 'sts:AssumeRole', e.role.arn)) continue;
    const first = estate.ask(p, 'sts:AssumeRole', e.role.arn);
    const b = new PathBuilder(estate);
    if (!b.assume(`${self} can assume role ${e.role.name}`, first, e.role, p)) continue;
    // Follow the chain to its end: an administrator role, or a role with a direct path.
    const seen = new Set<string>([p.key]);
    let cur: Escalating | undefined = e;
    let ending: EscalationPath | undefined;
    let gains = '';
    const hops: string[] = ['sts:AssumeRole'];
    while (cur !== undefined && !seen.has(cur.role.key)) {
      seen.add(cur.role.key);
      if (cur.next !== undefined) {
        b.step(`role ${cur.role.name} can assume role ${cur.next.role.name}`, cur.next.assume);
        hops.push('sts:AssumeRole');
        cur = escalating.get(cur.next.role.key);
        continue;
      }
      if (cur.admin) {
        b.note(`role ${cur.role.name} is an administrator`);
        gains = `role ${cur.role.name}`;
      } else {
        ending = direct(cur.role).find((path) => path.decision === 'allowed');
        if (ending !== undefined) {
          for (const s of ending.steps) b.steps.push(s);
          hops.push(ending.method);
          gains = ending.gains === 'itself (any permission)' ? `role ${cur.role.name} (any permission)` : ending.gains;
        }
      }
      break;
    }
    if (gains === '') continue;
    const path = b.path(hops.join(' → '), gains);
    // One chain per gain: the first found (roles in the order they are listed), preferring certain ones.
    const same = out.findIndex((o) => o.gains === path.gains);
    if (same < 0) out.push(path);
    else if (out[same]?.decision === 'unknown' && path.decision === 'allowed') out[same] = path;
  }
  return out;
}
