/**
 * An offline `aws iam simulate-custom-policy`: the same input (what `--cli-input-json` accepts) and the same response
 * shape, plus extension keys for the policy types the AWS simulator does not take:
 *
 * - `ServiceControlPolicies` / `ResourceControlPolicies`: levels root → OUs → account, each an array of policy texts.
 * - `SessionPolicy` and `VpcEndpointPolicy`: policy texts.
 * - `ContextKeyType` may be omitted: it is inferred from the Service Authorization Reference, else from the number of
 *   values.
 * - `CallerArn` may also be a role, an assumed-role session or a federated user.
 *
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */
import { arnAccount, isAccountId, parseArn } from './arn.js';
import type { PolicySet } from './authorize.js';
import { authorize } from './authorize.js';
import type { IamCatalog } from './catalog.js';
import { defaultCatalog } from './catalog.js';
import type { ContextInputValue } from './context.js';
import { isListType, principalContext } from './context.js';
import type { CompiledPolicy } from './policy.js';
import { compilePolicy } from './policy.js';
import { principalFromArn } from './principals.js';
import type {
  AuthorizationResult, ContextKeyType, Decision, PolicyIssue, PolicyType, RequestPrincipal, StatementRef,
} from './types.js';

export interface SimulateContextEntry {
  readonly ContextKeyName: string;
  readonly ContextKeyValues: readonly string[];
  readonly ContextKeyType?: ContextKeyType;
}

export interface SimulateInput {
  readonly PolicyInputList?: readonly string[];
  readonly PermissionsBoundaryPolicyInputList?: readonly string[];
  readonly ActionNames: readonly string[];
  readonly ResourceArns?: readonly string[];
  readonly ResourcePolicy?: string;
  readonly ResourceOwner?: string;
  readonly CallerArn?: string;
  readonly ContextEntries?: readonly SimulateContextEntry[];
  readonly ResourceHandlingOption?: string;
  readonly MaxItems?: number;
  readonly Marker?: string;
  readonly ServiceControlPolicies?: readonly (readonly string[])[];
  readonly ResourceControlPolicies?: readonly (readonly string[])[];
  readonly SessionPolicy?: string;
  readonly VpcEndpointPolicy?: string;
}

export interface SimPosition {
  readonly Line: number;
  readonly Column: number;
}

export interface SimStatement {
  readonly SourcePolicyId: string;
  readonly SourcePolicyType: string;
  readonly StartPosition?: SimPosition;
  readonly EndPosition?: SimPosition;
}

export interface SimEvaluationResult {
  readonly EvalActionName: string;
  readonly EvalResourceName: string;
  /** AWS's three values, or `unknown` when the policies contain values that are not known (`<unknown: ...>`). */
  readonly EvalDecision: Decision;
  readonly MatchedStatements: readonly SimStatement[];
  readonly MissingContextValues: readonly string[];
  readonly OrganizationsDecisionDetail?: { readonly AllowedByOrganizations: boolean };
  readonly PermissionsBoundaryDecisionDetail?: { readonly AllowedByPermissionsBoundary: boolean };
  readonly EvalDecisionDetails?: Readonly<Record<string, string>>;
}

export interface SimulateResponse {
  readonly EvaluationResults: readonly SimEvaluationResult[];
  readonly IsTruncated: boolean;
}

export interface SimulateError {
  readonly Code: 'InvalidInput' | 'MalformedPolicyDocument';
  readonly Message: string;
  readonly Issues?: readonly PolicyIssue[];
}

export interface SimulatedPair {
  readonly action: string;
  readonly resource: string;
  readonly result: AuthorizationResult;
}

export type SimulateOutcome =
  | { readonly ok: true; readonly response: SimulateResponse; readonly pairs: readonly SimulatedPair[] }
  | { readonly ok: false; readonly error: SimulateError };

export interface SimulateOptions {
  readonly catalog?: IamCatalog | null;
}

// Source ids and types follow the AWS simulator where it defines them ("PolicyInputList.1", "resource"); the
// extension policy types use their input key as type.
const SOURCE_TYPE: Record<PolicyType, string> = {
  identity: 'IAM Policy',
  permissionsBoundary: 'PermissionsBoundaryPolicy',
  resource: 'resource',
  session: 'SessionPolicy',
  scp: 'ServiceControlPolicy',
  rcp: 'ResourceControlPolicy',
  vpcEndpoint: 'VpcEndpointPolicy',
};

const CONTEXT_TYPES: ReadonlySet<string> = new Set([
  'string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList',
  'date', 'dateList',
]);

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SimulateError };

const invalid = (Message: string): { ok: false; error: SimulateError } => ({ ok: false, error: { Code: 'InvalidInput', Message } });

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Validates untyped JSON (a parsed `--cli-input-json` file) into a `SimulateInput`. */
export function checkInput(raw: unknown): Checked<SimulateInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid('the input must be a JSON object');
  const o = raw as Record<string, unknown>;
  const known = new Set([
    'PolicyInputList', 'PermissionsBoundaryPolicyInputList', 'ActionNames', 'ResourceArns', 'ResourcePolicy',
    'ResourceOwner', 'CallerArn', 'ContextEntries', 'ResourceHandlingOption', 'MaxItems', 'Marker',
    'ServiceControlPolicies', 'ResourceControlPolicies', 'SessionPolicy', 'VpcEndpointPolicy',
  ]);
  for (const k of Object.keys(o)) if (!known.has(k)) return invalid(`unknown parameter \`${k}\``);
  if (!isStringArray(o.ActionNames) || o.ActionNames.length === 0) return invalid('ActionNames must be a non-empty array of strings');
  for (const k of ['PolicyInputList', 'PermissionsBoundaryPolicyInputList', 'ResourceArns'] as const) {
    if (o[k] !== undefined && !isStringArray(o[k])) return invalid(`${k} must be an array of strings`);
  }
  for (const k of ['ResourcePolicy', 'ResourceOwner', 'CallerArn', 'SessionPolicy', 'VpcEndpointPolicy', 'ResourceHandlingOption', 'Marker'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') return invalid(`${k} must be a string`);
  }
  for (const k of ['ServiceControlPolicies', 'ResourceControlPolicies'] as const) {
    const v = o[k];
    if (v !== undefined && !(Array.isArray(v) && v.every(isStringArray))) {
      return invalid(`${k} must be an array of levels (root first), each an array of policy JSON strings`);
    }
  }
  if (o.ContextEntries !== undefined) {
    if (!Array.isArray(o.ContextEntries)) return invalid('ContextEntries must be an array');
    for (const [i, e] of o.ContextEntries.entries()) {
      if (typeof e !== 'object' || e === null) return invalid(`ContextEntries[${i}] must be an object`);
      const c = e as Record<string, unknown>;
      if (typeof c.ContextKeyName !== 'string') return invalid(`ContextEntries[${i}].ContextKeyName must be a string`);
      if (!isStringArray(c.ContextKeyValues)) return invalid(`ContextEntries[${i}].ContextKeyValues must be an array of strings`);
      if (c.ContextKeyType !== undefined && !(typeof c.ContextKeyType === 'string' && CONTEXT_TYPES.has(c.ContextKeyType))) {
        return invalid(`ContextEntries[${i}].ContextKeyType must be one of ${[...CONTEXT_TYPES].join(', ')}`);
      }
    }
  }
  if (o.CallerArn !== undefined && principalFromArn(o.CallerArn as string) === undefined) {
    return invalid(`CallerArn \`${String(o.CallerArn)}\` is not a user, role, assumed-role or federated-user ARN`);
  }
  if (o.ResourceOwner !== undefined) {
    const owner = o.ResourceOwner as string;
    if (!isAccountId(owner) && arnAccount(owner) === undefined) return invalid('ResourceOwner must be an account ARN such as arn:aws:iam::123456789012:root');
  }
  if (o.ResourcePolicy !== undefined && o.CallerArn === undefined) {
    return invalid('CallerArn is required when ResourcePolicy is given, so the policy\'s Principal has someone to match');
  }
  return { ok: true, value: o as unknown as SimulateInput };
}

function compileAll(texts: readonly string[], idPrefix: string, type: PolicyType, issues: PolicyIssue[]): CompiledPolicy[] {
  return texts.map((t, i) => {
    const p = compilePolicy(t, { id: `${idPrefix}.${i + 1}`, type });
    issues.push(...p.issues);
    return p;
  });
}

/**
 * Errors in a policy's grammar make AWS refuse it (MalformedPolicyDocument). Values that cannot be read (a date, a
 * CIDR, an ARN in a condition) do not stop the simulation: they make the statements that hold them answer unknown.
 */
const VALUE_LEVEL: ReadonlySet<PolicyIssue['code']> = new Set(['unknown-leaf', 'invalid-condition-value', 'invalid-arn', 'invalid-variable']);

function fatal(issues: readonly PolicyIssue[]): PolicyIssue[] {
  return issues.filter((i) => i.severity === 'error' && !VALUE_LEVEL.has(i.code));
}

function inferType(entry: SimulateContextEntry, catalog: IamCatalog | null): ContextKeyType {
  if (entry.ContextKeyType !== undefined) return entry.ContextKeyType;
  const known = catalog?.conditionKeyType(entry.ContextKeyName);
  if (known !== undefined) {
    // A single-valued type given several values is a list of that type.
    if (!isListType(known) && entry.ContextKeyValues.length > 1) return `${known}List` as ContextKeyType;
    return known;
  }
  return entry.ContextKeyValues.length > 1 ? 'stringList' : 'string';
}

function toStatement(r: StatementRef): SimStatement {
  return {
    SourcePolicyId: r.policyId,
    SourcePolicyType: SOURCE_TYPE[r.policyType],
    ...(r.span ? {
      StartPosition: { Line: r.span.start.line, Column: r.span.start.column },
      EndPosition: { Line: r.span.end.line, Column: r.span.end.column },
    } : {}),
  };
}

export function simulateCustomPolicy(raw: unknown, options: SimulateOptions = {}): SimulateOutcome {
  const checked = checkInput(raw);
  if (!checked.ok) return checked;
  const input = checked.value;
  const catalog = options.catalog === undefined ? defaultCatalog() : options.catalog;
  const issues: PolicyIssue[] = [];
  const policies: {
    identity: CompiledPolicy[]; permissionsBoundary?: CompiledPolicy[]; resource?: CompiledPolicy[];
    session?: CompiledPolicy[]; vpcEndpoint?: CompiledPolicy[]; scp?: CompiledPolicy[][]; rcp?: CompiledPolicy[][];
  } = { identity: compileAll(input.PolicyInputList ?? [], 'PolicyInputList', 'identity', issues) };
  if (input.PermissionsBoundaryPolicyInputList !== undefined && input.PermissionsBoundaryPolicyInputList.length > 0) {
    policies.permissionsBoundary = compileAll(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'permissionsBoundary', issues);
  }
  if (input.ResourcePolicy !== undefined) {
    const p = compilePolicy(input.ResourcePolicy, { id: 'ResourcePolicy', type: 'resource' });
    issues.push(...p.issues);
    policies.resource = [p];
  }
  if (input.SessionPolicy !== undefined) {
    const p = compilePolicy(input.SessionPolicy, { id: 'SessionPolicy', type: 'session' });
    issues.push(...p.issues);
    policies.session = [p];
  }
  if (input.VpcEndpointPolicy !== undefined) {
    const p = compilePolicy(input.VpcEndpointPolicy, { id: 'VpcEndpointPolicy', type: 'vpcEndpoint' });
    issues.push(...p.issues);
    policies.vpcEndpoint = [p];
  }
  if (input.ServiceControlPolicies !== undefined) {
    policies.scp = input.ServiceControlPolicies.map((level, l) => compileAll(level, `ServiceControlPolicies.${l + 1}`, 'scp', issues));
  }
  if (input.ResourceControlPolicies !== undefined) {
    policies.rcp = input.ResourceControlPolicies.map((level, l) => compileAll(level, `ResourceControlPolicies.${l + 1}`, 'rcp', issues));
  }
  const bad = fatal(issues);
  if (bad.length > 0) {
    const first = bad[0] as PolicyIssue;
    const where = first.at !== undefined ? ` (line ${first.at.line}, column ${first.at.column})` : '';
    return {
      ok: false,
      error: { Code: 'MalformedPolicyDocument', Message: `${first.policyId}${where}: ${first.message}`, Issues: bad },
    };
  }

  const owner = input.ResourceOwner === undefined ? undefined : isAccountId(input.ResourceOwner) ? input.ResourceOwner : arnAccount(input.ResourceOwner);
  const resources = input.ResourceArns !== undefined && input.ResourceArns.length > 0 ? input.ResourceArns : ['*'];
  const callerGiven = input.CallerArn !== undefined;
  const placeholderAccount = owner ?? resources.map(arnAccount).find((a) => a !== undefined) ?? '123456789012';
  const principal: RequestPrincipal = callerGiven
    ? principalFromArn(input.CallerArn as string) as RequestPrincipal
    : { kind: 'user', arn: `arn:aws:iam::${placeholderAccount}:user/simulated-caller`, account: placeholderAccount, name: 'simulated-caller' };

  const context: Record<string, ContextInputValue> = callerGiven ? { ...principalContext(principal) } : {};
  for (const e of input.ContextEntries ?? []) {
    const type = inferType(e, catalog);
    context[e.ContextKeyName] = { values: e.ContextKeyValues, multi: isListType(type), type };
  }
  const set: PolicySet = policies;
  const results: SimEvaluationResult[] = [];
  const pairs: SimulatedPair[] = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) {
      const resourceAccount = parseArn(resource) !== undefined ? (arnAccount(resource) ?? owner) : owner;
      const result = authorize(set, {
        principal, action, resource, context, deriveContext: false,
        ...(resourceAccount !== undefined ? { resourceAccount } : {}),
      }, { catalog });
      pairs.push({ action, resource, result });
      results.push(toEvaluationResult(action, resource, result, set));
    }
  }
  return { ok: true, response: { EvaluationResults: results, IsTruncated: false }, pairs };
}

function toEvaluationResult(action: string, resource: string, r: AuthorizationResult, set: PolicySet): SimEvaluationResult {
  const out: {
    -readonly [K in keyof SimEvaluationResult]: SimEvaluationResult[K];
  } = {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: r.decision,
    MatchedStatements: (r.decision === 'unknown' ? r.undetermined : r.matched).map(toStatement),
    MissingContextValues: r.missingContextKeys,
  };
  if (set.scp !== undefined) out.OrganizationsDecisionDetail = { AllowedByOrganizations: r.details.scp === 'allowed' || r.details.scp === 'notApplicable' };
  if (set.permissionsBoundary !== undefined) {
    out.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: r.details.permissionsBoundary === 'allowed' || r.details.permissionsBoundary === 'notApplicable' };
  }
  if (r.crossAccount) {
    const d: Record<string, string> = {};
    if (r.details.identity !== 'notApplicable') d['IAM Policy'] = r.details.identity;
    if (r.details.resource !== 'notApplicable') d.resource = r.details.resource;
    out.EvalDecisionDetails = d;
  }
  return out;
}

/** A single input object, or an array of them answered by an array in the same order. */
export function simulateBatch(raw: unknown, options: SimulateOptions = {}): SimulateOutcome | SimulateOutcome[] {
  if (Array.isArray(raw)) return raw.map((item) => simulateCustomPolicy(item, options));
  return simulateCustomPolicy(raw, options);
}
