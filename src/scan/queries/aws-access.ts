/**
 * `parapet can` and `parapet who-can` for AWS estates (Terraform, CloudFormation, authorization-details exports alike:
 * they all land in the same model). Pure functions of the estate, plus a loader wrapper for the CLI.
 */
import type { AccessAnswer, StatementCitation, WhoCanEntry } from '../../checks/kit/services/iam.js';
import { authorize, compilePolicy, parseArn, principalFromArn } from '../../engines/iam/index.js';
import type { LoadDiagnostic } from '../../model/core/index.js';
import type { Estate } from '../../model/index.js';
import { loadEstate } from '../load-estate.js';
import type { EstateOptions } from '../load-estate.js';
import { IamFacade } from '../services/iam.js';

export type ContextArgs = Readonly<Record<string, readonly string[]>>;

export interface CitationJson {
  readonly policy: string;
  readonly statement: number;
  readonly sid?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface CanJson {
  readonly decision: 'allowed' | 'denied' | 'unknown';
  readonly reason: string;
  readonly grantedBy: readonly CitationJson[];
  readonly deniedBy: readonly CitationJson[];
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Context keys the answer depends on that the inputs cannot tell; pass them with --context to decide. */
  readonly dependsOn: readonly string[];
}

export interface WhoCanJson {
  readonly principals: readonly { readonly id: string; readonly name: string; readonly via: readonly string[]; readonly decision: 'allowed' | 'unknown' }[];
}

export type QueryError = { readonly code: 'no-principal' | 'ambiguous-principal' | 'bad-action'; readonly message: string };

function citation(c: StatementCitation): CitationJson {
  return {
    policy: c.policy, statement: c.statement, ...(c.sid !== undefined ? { sid: c.sid } : {}),
    ...(c.at ? { file: c.at.file, line: c.at.line, column: c.at.column } : {}),
  };
}

function context(args: ContextArgs): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [k, vs] of Object.entries(args)) out[k] = vs.length === 1 ? (vs[0] as string) : vs;
  return out;
}

/** `service:Action` with a service prefix of letters, digits and dashes. */
export function isAwsAction(action: string): boolean {
  const colon = action.indexOf(':');
  return colon > 0 && colon < action.length - 1 && !action.includes('/') && /^[a-z0-9-]+$/i.test(action.slice(0, colon));
}

export function awsCan(estate: Estate, principal: string, action: string, resource: string, ctx: ContextArgs = {}): { ok: true; result: CanJson } | { ok: false; error: QueryError } {
  if (!isAwsAction(action)) return { ok: false, error: { code: 'bad-action', message: `\`${action}\` is not an AWS action (service:Action)` } };
  const iam = new IamFacade(estate);
  const found = iam.findPrincipal(principal);
  if (found.length > 1) {
    return { ok: false, error: { code: 'ambiguous-principal', message: `\`${principal}\` names ${found.length} principals: ${found.map((p) => p.arn).join(', ')}; give an ARN` } };
  }
  const one = found[0];
  let a: AccessAnswer;
  let name: string;
  if (one !== undefined) {
    a = iam.can(one.key, action, resource, context(ctx));
    name = one.arn;
  } else {
    const outside = outsiderAnswer(iam, principal, action, resource, ctx);
    if (outside === undefined) return { ok: false, error: { code: 'no-principal', message: `no user or role \`${principal}\` in the inputs (give its name or ARN; an ARN outside the inputs is judged by the resource's own policy)` } };
    a = outside;
    name = principal;
  }
  return {
    ok: true,
    result: {
      decision: a.decision, reason: a.reason, grantedBy: a.grantedBy.map(citation), deniedBy: a.deniedBy.map(citation),
      principal: name, action, resource, dependsOn: a.dependsOn,
    },
  };
}

/**
 * A principal that is not in the inputs (another account, a service): only the resource's own policy is known; its
 * identity-based policies, boundary and SCPs are not, so an answer that needs them is unknown.
 */
function outsiderAnswer(iam: IamFacade, handle: string, action: string, resource: string, ctx: ContextArgs): AccessAnswer | undefined {
  const principal = principalFromArn(handle);
  if (principal === undefined) return undefined;
  const rp = iam.iam.resourcePolicy(action, resource);
  const unknownIdentity = compilePolicy(`<unknown: the identity-based policies of ${handle} are not in the inputs>`, { id: 'outsider-identity', type: 'identity' });
  const r = authorize({ identity: [unknownIdentity], ...(rp !== undefined ? { resource: [rp.policy] } : {}) }, {
    principal, action, resource, resourceAccount: parseArn(resource)?.account || iam.iam.account,
    context: context(ctx), contextOptions: { missingKeys: 'unknown' },
    ...(rp !== undefined ? { resourcePolicyKind: rp.kind } : {}),
  });
  const decision = r.decision === 'allowed' ? 'allowed' : r.decision === 'unknown' ? 'unknown' : 'denied';
  const why = r.decision === 'unknown'
    ? `the resource side ${rp !== undefined ? `(${rp.display}) allows it` : 'has no policy in the inputs'}, but ${handle}'s own policies are not in the inputs`
    : r.decision === 'allowed' ? `allowed by ${rp?.display ?? 'the resource policy'}`
      : `${rp !== undefined ? rp.display : 'no resource policy in the inputs'} does not let ${handle} in`;
  return {
    decision, detail: r.decision, reason: `${handle} ${decision === 'allowed' ? 'may' : decision === 'denied' ? 'may not' : 'may or may not'} ${action} on ${resource}: ${why}`,
    grantedBy: iam.iam.cite(r.decision === 'allowed' ? r.matched : r.undetermined.filter((x) => x.effect === 'Allow' && x.policyType === 'resource')),
    deniedBy: iam.iam.cite(r.decision === 'explicitDeny' ? r.matched : []), dependsOn: r.unknownContextKeys,
  };
}

export function awsWhoCan(estate: Estate, action: string, resource: string, ctx: ContextArgs = {}): { ok: true; result: WhoCanJson } | { ok: false; error: QueryError } {
  if (!isAwsAction(action)) return { ok: false, error: { code: 'bad-action', message: `\`${action}\` is not an AWS action (service:Action)` } };
  const iam = new IamFacade(estate);
  const entries: readonly WhoCanEntry[] = iam.whoCan(action, resource, context(ctx));
  return { ok: true, result: { principals: entries.map((e) => ({ id: e.id, name: e.name, via: e.via, decision: e.decision })) } };
}

export interface LoadedForQuery {
  readonly estate: Estate;
  readonly diagnostics: readonly LoadDiagnostic[];
}

export async function loadForQuery(paths: readonly string[], options: EstateOptions = {}): Promise<LoadedForQuery> {
  const loaded = await loadEstate(paths, options);
  return { estate: loaded.estate, diagnostics: loaded.diagnostics };
}
