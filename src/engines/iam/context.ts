/**
 * The request context: condition keys and their values. Key names are case-insensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html), so they are folded
 * once here and looked up folded.
 */
import { UNKNOWN_LEAF_PREFIX } from '../../model/core/json.js';
import { arnAccount, accountRootArn } from './arn.js';
import type { ContextKeyType, ContextValue, RequestPrincipal } from './types.js';
import { asciiLower } from './wildcard.js';

export type ContextScalar = string | number | boolean;
/** What callers pass: a scalar (single-valued), an array (multivalued) or a full `ContextValue`. */
export type ContextInputValue = ContextScalar | readonly ContextScalar[] | ContextValue;
export type ContextInput = Readonly<Record<string, ContextInputValue>>;

export interface ContextOptions {
  /**
   * How to treat a key the request does not carry. `absent` (the simulator's view): the key is not in the request
   * and conditions evaluate as documented for missing keys. `unknown`: we do not know whether the real request would
   * carry it (estate queries), so conditions on it are unknown.
   */
  readonly missingKeys?: 'absent' | 'unknown';
  /** Keys that stay `absent` even with `missingKeys: 'unknown'` (they are known not to be in the request). */
  readonly knownAbsent?: readonly string[];
  /** Key prefixes known to be complete in the context, e.g. `aws:PrincipalTag/` when the principal's tags are known. */
  readonly knownAbsentPrefixes?: readonly string[];
}

const isContextValue = (v: ContextInputValue): v is ContextValue =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'values' in v;

export class RequestContext {
  private readonly map = new Map<string, ContextValue>();
  readonly missingIsUnknown: boolean;
  private readonly knownAbsent: ReadonlySet<string> | undefined;
  private readonly knownAbsentPrefixes: readonly string[];

  constructor(input: ContextInput = {}, options: ContextOptions = {}) {
    for (const k in input) this.set(k, input[k] as ContextInputValue);
    this.missingIsUnknown = options.missingKeys === 'unknown';
    this.knownAbsent = options.knownAbsent === undefined ? undefined : new Set(options.knownAbsent.map(asciiLower));
    this.knownAbsentPrefixes = (options.knownAbsentPrefixes ?? []).map(asciiLower);
  }

  set(key: string, v: ContextInputValue): void {
    let cv: ContextValue;
    if (isContextValue(v)) cv = v;
    else if (Array.isArray(v)) cv = { values: (v as readonly ContextScalar[]).map(String), multi: true };
    else cv = { values: [String(v as ContextScalar)], multi: false };
    if (!cv.unknown) {
      for (const s of cv.values) {
        if (s.charCodeAt(0) === 60 && s.startsWith(UNKNOWN_LEAF_PREFIX)) {
          cv = { ...cv, unknown: true };
          break;
        }
      }
    }
    this.map.set(asciiLower(key), cv);
  }

  /** The value, `undefined` when absent, or an unknown value when absence itself is unknown. */
  get(keyLower: string): ContextValue | undefined {
    const v = this.map.get(keyLower);
    if (v !== undefined) return v;
    if (this.missingIsUnknown && this.knownAbsent?.has(keyLower) !== true && !this.knownAbsentPrefixes.some((p) => keyLower.startsWith(p))) {
      return UNKNOWN_VALUE;
    }
    return undefined;
  }

  has(keyLower: string): boolean {
    return this.map.has(keyLower);
  }

  entries(): IterableIterator<[string, ContextValue]> {
    return this.map.entries();
  }
}

const UNKNOWN_VALUE: ContextValue = { values: [], multi: false, unknown: true };

/** Multivalued types of the simulator's ContextKeyType. */
export function isListType(t: ContextKeyType): boolean {
  return t.endsWith('List');
}

/**
 * The global keys AWS adds to every request from the principal alone, so estate queries and the simulator agree with
 * what AWS would put in the context.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function principalContext(p: RequestPrincipal): Record<string, ContextInputValue> {
  switch (p.kind) {
    case 'user':
      return {
        'aws:PrincipalArn': p.arn, 'aws:PrincipalAccount': p.account, 'aws:PrincipalType': 'User',
        'aws:username': p.name, 'aws:PrincipalIsAWSService': 'false',
      };
    case 'roleSession':
      // For a role session aws:PrincipalArn is the role's ARN, not the session's.
      return {
        'aws:PrincipalArn': p.roleArn, 'aws:PrincipalAccount': p.account, 'aws:PrincipalType': 'AssumedRole',
        'aws:PrincipalIsAWSService': 'false',
      };
    case 'federatedUser':
      return {
        'aws:PrincipalArn': p.arn, 'aws:PrincipalAccount': p.account, 'aws:PrincipalType': 'FederatedUser',
        'aws:PrincipalIsAWSService': 'false',
      };
    case 'root':
      return {
        'aws:PrincipalArn': accountRootArn(p.account, p.arn.split(':')[1] ?? 'aws'), 'aws:PrincipalAccount': p.account,
        'aws:PrincipalType': 'Account', 'aws:PrincipalIsAWSService': 'false',
      };
    case 'service':
      return { 'aws:PrincipalServiceName': p.service, 'aws:PrincipalIsAWSService': 'true' };
    case 'federated':
      return { 'aws:FederatedProvider': p.provider, 'aws:PrincipalIsAWSService': 'false' };
    case 'anonymous':
      return { 'aws:PrincipalType': 'Anonymous', 'aws:PrincipalIsAWSService': 'false' };
  }
}

/** `aws:ResourceAccount` from the resource ARN, when it names an account. */
export function resourceContext(resource: string, resourceAccount?: string): Record<string, ContextInputValue> {
  const account = resourceAccount ?? arnAccount(resource);
  return account === undefined ? {} : { 'aws:ResourceAccount': account };
}

/** The principal's account, when it has one. */
export function principalAccount(p: RequestPrincipal): string | undefined {
  return 'account' in p ? p.account : undefined;
}
