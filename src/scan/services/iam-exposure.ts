/**
 * Who outside the account a resource policy or trust policy lets in, judged by evaluating it for outsiders rather
 * than by reading `"Principal": "*"`. The outsider model:
 *
 * - an anonymous caller, and an IAM user in an unrelated account (`999999999999`) whose own policies allow anything;
 * - values an outsider cannot choose are fixed to the outsider's real ones: their account, ARN and organisation,
 *   a public source IP, no VPC endpoint of yours, no service acting for them, no external id;
 * - everything else (TLS, MFA, their own principal tags, request tags, regions, user agent, the service they call
 *   through, OIDC claims they mint in their own repository) is left unknown: an outsider chooses it, so an answer that
 *   depends only on such values is counted as reachable;
 * - the names of their own users and roles are theirs too: when a policy pins `aws:PrincipalArn` with a pattern whose
 *   account is a wildcard (`arn:aws:iam::*:role/analytics`), an outsider holding such a role in their account is tried.
 */
import type { AuthorizationResult, CompiledPolicy, PolicySet, RequestPrincipal } from '../../engines/iam/index.js';
import { compilePolicy, globFromText, intersectionWitness, mayAllow } from '../../engines/iam/index.js';
import type { JsonValue } from '../../model/core/index.js';
import type { ExposureAnswer, StatementCitation } from '../../checks/kit/services/iam.js';
import type { IamEstate, ResourcePolicy } from './iam-estate.js';

export const OUTSIDER_ACCOUNT = '999999999999';
const OUTSIDER_ARN = `arn:aws:iam::${OUTSIDER_ACCOUNT}:user/outsider`;
const OUTSIDER_IP = '198.51.100.77';

/** Keys an outsider cannot set to your values: conditions on them restrict who gets in. */
const RESTRICTING = new Set([
  'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:userid', 'aws:username',
  'aws:sourceip', 'aws:vpcsourceip', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceaccount', 'aws:sourcearn',
  'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalisawsservice', 'aws:principalservicename',
  'aws:principalservicenameslist', 'aws:viaawsservice', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast',
  'aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths', 'sts:externalid', 'aws:principaltype',
  'token.actions.githubusercontent.com:sub', 'token.actions.githubusercontent.com:repository',
  'token.actions.githubusercontent.com:repository_owner', 'token.actions.githubusercontent.com:repository_id',
  'token.actions.githubusercontent.com:repository_owner_id', 'token.actions.githubusercontent.com:job_workflow_ref',
  // kms:ViaService is not here: it pins the service the key is used through, not who uses it; a principal of any
  // account can make the request through that service.
  // https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
  'kms:calleraccount', 's3:authtype',
]);

const ABSENT_FOR_OUTSIDERS = [
  'aws:SourceVpc', 'aws:SourceVpce', 'aws:VpcSourceIp', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID',
  'aws:SourceOrgPaths', 'sts:ExternalId', 'aws:PrincipalServiceName', 'aws:PrincipalServiceNamesList', 'aws:CalledVia',
  'aws:CalledViaFirst', 'aws:CalledViaLast', 'aws:VpceAccount', 'aws:VpceOrgID', 'aws:VpceOrgPaths',
];

const ALLOW_ALL = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, { id: 'outsider', type: 'identity' });

interface Outsider {
  readonly who: string;
  readonly principal: RequestPrincipal;
  readonly identity: readonly CompiledPolicy[];
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly absent: readonly string[];
}

const ANONYMOUS: Outsider = {
  who: 'anyone', principal: { kind: 'anonymous' }, identity: [],
  context: { 'aws:SourceIp': OUTSIDER_IP, 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false', 'aws:PrincipalType': 'Anonymous' },
  absent: [...ABSENT_FOR_OUTSIDERS, 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:userid', 'aws:username', 'aws:PrincipalTag/', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge'],
};

const ANY_ACCOUNT: Outsider = {
  who: 'any-account',
  principal: { kind: 'user', arn: OUTSIDER_ARN, account: OUTSIDER_ACCOUNT, name: 'outsider' },
  identity: [ALLOW_ALL],
  context: {
    'aws:PrincipalAccount': OUTSIDER_ACCOUNT, 'aws:PrincipalArn': OUTSIDER_ARN, 'aws:PrincipalOrgID': 'o-outsider000',
    'aws:PrincipalOrgPaths': ['o-outsider000/r-out0/'], 'aws:userid': 'AIDAOUTSIDER00000000', 'aws:username': 'outsider',
    'aws:PrincipalType': 'User', 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false', 'aws:SourceIp': OUTSIDER_IP,
    'kms:CallerAccount': OUTSIDER_ACCOUNT,
  },
  absent: ABSENT_FOR_OUTSIDERS,
};

/**
 * Outsiders whose own ARN matches a pattern the policy pins `aws:PrincipalArn` to, when that pattern leaves the
 * account open: whoever creates a role (or user) of that name in their own account.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
function namedOutsiders(json: JsonValue | undefined): Outsider[] {
  const out: Outsider[] = [];
  const seen = new Set<string>();
  const outsiderArns = globFromText(`arn:aws:iam::${OUTSIDER_ACCOUNT}:*`);
  for (const pattern of principalArnPatterns(json)) {
    const w = intersectionWitness(globFromText(pattern), outsiderArns);
    if (w === undefined || seen.has(w)) continue;
    seen.add(w);
    const slash = w.indexOf('/');
    const name = w.slice(w.lastIndexOf('/') + 1);
    const base = { ...ANY_ACCOUNT.context, 'aws:PrincipalArn': w };
    if (w.includes(':role/') && slash > 0) {
      out.push({
        who: 'any-account', identity: [ALLOW_ALL], absent: ABSENT_FOR_OUTSIDERS,
        principal: { kind: 'roleSession', roleArn: w, roleName: name, sessionName: 'outsider', account: OUTSIDER_ACCOUNT, arn: `arn:aws:sts::${OUTSIDER_ACCOUNT}:assumed-role/${name}/outsider` },
        context: Object.fromEntries(Object.entries({ ...base, 'aws:PrincipalType': 'AssumedRole' }).filter(([k]) => k !== 'aws:username')),
      });
    } else if (w.includes(':user/') && slash > 0) {
      out.push({
        who: 'any-account', identity: [ALLOW_ALL], absent: ABSENT_FOR_OUTSIDERS,
        principal: { kind: 'user', arn: w, account: OUTSIDER_ACCOUNT, name },
        context: { ...base, 'aws:username': name },
      });
    }
  }
  return out;
}

/** Values of the conditions on `aws:PrincipalArn` in Allow statements (negated operators excluded). */
function principalArnPatterns(json: JsonValue | undefined): string[] {
  const out: string[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return out;
  const st = json['Statement'];
  for (const s of Array.isArray(st) ? st : st !== undefined ? [st] : []) {
    if (s === null || typeof s !== 'object' || Array.isArray(s) || s['Effect'] !== 'Allow') continue;
    const cond = s['Condition'];
    if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) continue;
    for (const [op, block] of Object.entries(cond)) {
      if (op.toLowerCase().includes('not') || block === null || typeof block !== 'object' || Array.isArray(block)) continue;
      for (const [key, v] of Object.entries(block)) {
        if (key.toLowerCase() !== 'aws:principalarn') continue;
        for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string') out.push(x);
      }
    }
  }
  return out;
}

const GITHUB = 'token.actions.githubusercontent.com';

function githubOutsider(provider: string): Outsider {
  return {
    who: 'any-github-repository', principal: { kind: 'federated', provider }, identity: [],
    context: {
      [`${GITHUB}:sub`]: 'repo:outsider-org/outsider-repo:ref:refs/heads/main',
      [`${GITHUB}:repository`]: 'outsider-org/outsider-repo', [`${GITHUB}:repository_owner`]: 'outsider-org',
      [`${GITHUB}:job_workflow_ref`]: 'outsider-org/outsider-repo/.github/workflows/ci.yml@refs/heads/main',
      'aws:FederatedProvider': provider, 'aws:SourceIp': OUTSIDER_IP, 'aws:PrincipalIsAWSService': 'false',
    },
    absent: ABSENT_FOR_OUTSIDERS,
  };
}

type Reach = 'yes' | 'no' | 'unknown';

/** Allowed, or unknown only through values the outsider chooses, counts as reachable. */
function reach(r: AuthorizationResult, partial: boolean): Reach {
  if (r.decision === 'allowed') return 'yes';
  if (r.decision !== 'unknown') return 'no';
  if (partial) return 'unknown';
  const restricting = r.unknownContextKeys.some((k) => RESTRICTING.has(k.toLowerCase()));
  return restricting ? 'unknown' : 'yes';
}

function conditionKeys(policy: CompiledPolicy): string[] {
  const keys = new Set<string>();
  for (const s of policy.statements) for (const c of s.conditions) keys.add(c.key);
  return [...keys].sort();
}

/**
 * Whether some part of the policy itself is not known (as opposed to the request context): then an undecided answer
 * may hinge on your own values, not on what the outsider chooses, and is not counted as reachable.
 */
function hasUnknownLeaves(policy: CompiledPolicy): boolean {
  // Partly known entries (`arn:aws:iam::<unknown: …>:root`) count: what they match possibly is your own value too.
  return policy.broken !== undefined || policy.statements.some((s) => s.undetermined !== undefined || s.action.unknown || s.resource.unknown
    || s.action.possible !== undefined || s.resource.possible !== undefined || s.principal?.p.possible !== undefined
    || s.principal?.p.unknown === true || s.conditions.some((c) => c.values.some((v) => v.k === 'unknown')));
}

export interface ExposureProbe {
  readonly action: string;
  readonly resource: string;
}

/**
 * Requests served unsigned (anonymous): S3, and Lambda function URLs whose auth type is NONE. Every other API rejects
 * unsigned requests before any policy is read.
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
 */
function anonymousCapable(action: string): boolean {
  const a = action.toLowerCase();
  return a.startsWith('s3:') || a === 'lambda:invokefunctionurl';
}

/**
 * Resource kinds whose policies commonly grant to an AWS service (S3 event notifications to SNS, SQS or Lambda,
 * EventBridge rules, ...): without `aws:SourceArn`/`aws:SourceAccount` the service acts for any account that points
 * its own resources at yours (the cross-service confused deputy).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
 * https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html
 */
const SERVICE_DEPUTY_KINDS = new Set(['aws.sqs.queue', 'aws.sns.topic', 'aws.lambda.function']);

const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalservicename', 'aws:principalservicenameslist']);

/** A named service principal acting for a resource in the outsider's account. */
function serviceOutsiders(rp: ResourcePolicy): Outsider[] {
  if (rp.resourceKind === undefined || !SERVICE_DEPUTY_KINDS.has(rp.resourceKind)) return [];
  const services = new Set<string>();
  for (const s of rp.policy.statements) if (s.effect !== 'Deny' && s.principal !== undefined && !s.principal.negated) for (const svc of s.principal.p.service) services.add(svc);
  return [...services].sort().map((service) => ({
    who: `any-account (through ${service})`, principal: { kind: 'service', service }, identity: [],
    context: {
      'aws:SourceAccount': OUTSIDER_ACCOUNT, 'aws:SourceArn': `arn:aws:${service.split('.')[0] ?? 'service'}:us-east-1:${OUTSIDER_ACCOUNT}:outsider`,
      'aws:SourceOrgID': 'o-outsider000', 'aws:SourceOrgPaths': ['o-outsider000/r-out0/'], 'aws:PrincipalServiceName': service,
      'aws:PrincipalIsAWSService': 'true',
    },
    absent: ABSENT_FOR_OUTSIDERS.filter((k) => !SOURCE_KEYS.has(k.toLowerCase())),
  }));
}

function outsidersFor(rp: ResourcePolicy, probes: readonly ExposureProbe[]): Outsider[] {
  const named = namedOutsiders(rp.json);
  if (rp.kind === 'roleTrust') return [ANY_ACCOUNT, ...named];
  const anonymous = probes.some((p) => anonymousCapable(p.action));
  return [...(anonymous ? [ANONYMOUS] : []), ANY_ACCOUNT, ...named, ...serviceOutsiders(rp)];
}

/**
 * Outsiders get in only through the resource's policy (they are in another account, or have no identity at all): when
 * no statement of it could name them for the action, the request is denied without evaluating it.
 */
function policySilentFor(estate: IamEstate, rp: ResourcePolicy, o: Outsider, action: string, resource: string): boolean {
  if (o.principal.kind === 'user' && estate.resourceAccountOf(resource) === o.principal.account) return false;
  return !mayAllow([rp.policy], action, o.principal);
}

export function exposure(estate: IamEstate, rp: ResourcePolicy, probes: readonly ExposureProbe[]): ExposureAnswer {
  const outsiders: Outsider[] = outsidersFor(rp, probes);
  if (rp.kind === 'roleTrust') {
    for (const s of rp.policy.statements) for (const f of s.principal?.p.federated ?? []) if (f.includes(GITHUB)) outsiders.push(githubOutsider(f));
  }
  const partial = hasUnknownLeaves(rp.policy);
  const who = new Set<string>();
  const actions = new Set<string>();
  const granted: StatementCitation[] = [];
  let unknown = false;
  for (const o of outsiders) {
    const set: PolicySet = { identity: o.identity, resource: [rp.policy] };
    for (const p of probes) {
      const action = o.principal.kind === 'federated' ? 'sts:AssumeRoleWithWebIdentity' : p.action;
      if (o.principal.kind === 'anonymous' && !anonymousCapable(action)) continue;
      if (policySilentFor(estate, rp, o, action, p.resource)) continue;
      const r = estate.askAs(o.principal, set, action, p.resource, o.context, o.absent, rp.kind);
      const verdict = reach(r, partial);
      if (verdict === 'yes') {
        who.add(o.who);
        actions.add(action);
        const refs = r.decision === 'allowed' ? r.matched : r.undetermined;
        for (const c of estate.cite(refs.filter((x) => x.policyType === 'resource' && x.effect === 'Allow'))) {
          if (!granted.some((g) => g.policy === c.policy && g.statement === c.statement)) granted.push(c);
        }
      } else if (verdict === 'unknown') unknown = true;
    }
  }
  const keys = conditionKeys(rp.policy);
  const restrictedBy = keys.filter((k) => RESTRICTING.has(k.toLowerCase()));
  const notRestrictedBy = keys.filter((k) => !RESTRICTING.has(k.toLowerCase()));
  if (who.size > 0) {
    const cond = notRestrictedBy.length > 0 ? `; its conditions on ${notRestrictedBy.map((k) => `\`${k}\``).join(', ')} are met by any caller who chooses to` : '';
    return {
      exposure: 'public', who: [...who], actions: [...actions], restrictedBy, notRestrictedBy, grantedBy: granted,
      reason: `${rp.display} lets ${[...who].join(' and ')} perform ${[...actions].join(', ')}${cond}`,
    };
  }
  if (unknown) {
    return {
      exposure: 'unknown', who: [], actions: [], restrictedBy, notRestrictedBy, grantedBy: [],
      reason: `whether outsiders get in through ${rp.display} depends on values that are not known`,
    };
  }
  const namesOutsiders = namesOutsidersAtAll(estate, rp, probes);
  return {
    exposure: namesOutsiders ? 'restricted' : 'none', who: [], actions: [], restrictedBy, notRestrictedBy, grantedBy: [],
    reason: namesOutsiders
      ? `${rp.display} names principals outside the account, but ${restrictedBy.length > 0 ? `conditions on ${restrictedBy.map((k) => `\`${k}\``).join(', ')}` : 'its other statements'} keep outsiders out`
      : `${rp.display} grants nothing to principals outside the account`,
  };
}

/** Would an outsider get in if every condition could go their way? (Then the policy names them at all.) */
function namesOutsidersAtAll(estate: IamEstate, rp: ResourcePolicy, probes: readonly ExposureProbe[]): boolean {
  const outsiders = outsidersFor(rp, probes);
  for (const o of outsiders) {
    for (const p of probes) {
      if (o.principal.kind === 'anonymous' && !anonymousCapable(p.action)) continue;
      if (policySilentFor(estate, rp, o, p.action, p.resource)) continue;
      const r = estate.askAs(o.principal, { identity: o.identity, resource: [rp.policy] }, p.action, p.resource, {}, [], rp.kind);
      if (r.decision === 'allowed' || r.decision === 'unknown') return true;
    }
  }
  return false;
}
