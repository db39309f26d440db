import type { EmbeddedDocument, JsonValue, Provenance, StringPart, Tri } from '../../../model/index.js';
import { UNKNOWN_LEAF_PREFIX, hasUnknownPart, isPartlyUnknown, splitStringParts, triAnd, triNot, triOr } from '../../../model/index.js';
import { asciiLower, globMatch, hasWildcard, isAllWildcard } from './glob.js';

/**
 * Structural reading of IAM policy documents (identity, trust, bucket and key policies) for rule-level checks: which
 * statements allow what, to whom, under which conditions. Exact evaluation is the IAM engine's job; these helpers
 * answer "does this statement say X", with `'unknown'` wherever a value could not be resolved before deployment.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

export interface Statement {
  /** Position within `Statement` (0-based). */
  readonly index: number;
  readonly sid: string | undefined;
  /** `Allow`, `Deny`, or an unknown leaf. */
  readonly effect: string;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly principal: JsonValue | undefined;
  readonly notPrincipal: JsonValue | undefined;
  readonly condition: JsonValue | undefined;
  /** The statement's position, or the document's when the loader did not record one. */
  readonly at: Provenance;
}

/**
 * A value not fully known before deployment: wholly unknown (`<unknown: why>`) or partly known
 * (`arn:aws:iam::<unknown: why>:root`). Predicates read both as undecided unless they can tell from the known text
 * (`some` with a `partial` reader).
 */
export function isUnknownLeaf(v: JsonValue | undefined): boolean {
  return typeof v === 'string' && hasUnknownPart(v);
}

/**
 * Whether a partly known string can equal `target`, each unknown part standing for any text (empty included):
 * `'unknown'` when it can, false when its known text rules it out (`arn:aws:iam::<unknown>:root` is never `*`).
 * Greedy leftmost matching of the literal parts is exact for patterns whose only wildcard is "any text".
 */
export function couldEqual(parts: readonly StringPart[], target: string): Tri {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (parts.length === 0) return target === '' ? true : false;
  if (parts.length === 1 && first && 'text' in first) return first.text === target;
  let from = 0;
  let end = target.length;
  if (first && 'text' in first) {
    if (!target.startsWith(first.text)) return false;
    from = first.text.length;
  }
  if (last && 'text' in last) {
    if (!target.endsWith(last.text) || end - last.text.length < from) return false;
    end -= last.text.length;
  }
  const inner = target.slice(from, end);
  let k = 0;
  for (let i = 1; i < parts.length - 1; i++) {
    const p = parts[i] as StringPart;
    if (!('text' in p)) continue;
    const found = inner.indexOf(p.text, k);
    if (found < 0) return false;
    k = found + p.text.length;
  }
  return 'unknown';
}

const UNKNOWN_NON_STRING = `${UNKNOWN_LEAF_PREFIX} not a string>`;

/** A string or list of strings; anything else in the list is kept as an unknown leaf. */
function stringList(v: JsonValue | undefined): readonly string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : UNKNOWN_NON_STRING));
  return [UNKNOWN_NON_STRING];
}

function isObject(v: JsonValue | undefined): v is { [k: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The statements of a document, normalised: `Statement` may be one object or a list. */
export function statementsOf(doc: EmbeddedDocument): Statement[] {
  if (!isObject(doc.json)) return [];
  const raw = doc.json['Statement'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: Statement[] = [];
  list.forEach((s, index) => {
    const at = doc.statementAt?.[index] ?? doc.at;
    if (!isObject(s)) {
      // An unresolved statement: every field unknown.
      const u = typeof s === 'string' ? s : UNKNOWN_NON_STRING;
      out.push({ index, sid: undefined, effect: u, action: [u], notAction: undefined, resource: [u], notResource: undefined, principal: u, notPrincipal: undefined, condition: undefined, at });
      return;
    }
    const effect = s['Effect'];
    out.push({
      index,
      sid: typeof s['Sid'] === 'string' ? s['Sid'] : undefined,
      effect: typeof effect === 'string' ? effect : UNKNOWN_NON_STRING,
      action: stringList(s['Action']),
      notAction: stringList(s['NotAction']),
      resource: stringList(s['Resource']),
      notResource: stringList(s['NotResource']),
      principal: s['Principal'],
      notPrincipal: s['NotPrincipal'],
      condition: s['Condition'],
      at,
    });
  });
  return out;
}

export function isAllow(s: Statement): Tri {
  if (isUnknownLeaf(s.effect)) return 'unknown';
  return s.effect === 'Allow';
}

export function isDeny(s: Statement): Tri {
  if (isUnknownLeaf(s.effect)) return 'unknown';
  return s.effect === 'Deny';
}

/**
 * True when some known value satisfies `pred`; 'unknown' when none does but some value is unknown. A partly known
 * value is undecided unless `partial` reads it from its parts (literal texts and unknown parts).
 */
export function some(values: readonly string[] | undefined, pred: (v: string) => boolean, partial?: (parts: readonly StringPart[]) => Tri): Tri {
  if (!values) return false;
  let undecided = false;
  for (const v of values) {
    if (isUnknownLeaf(v)) {
      const r = partial && isPartlyUnknown(v) ? partial(splitStringParts(v)) : 'unknown';
      if (r === true) return true;
      if (r === 'unknown') undecided = true;
    } else if (pred(v)) return true;
  }
  return undecided ? 'unknown' : false;
}

/** The known values that satisfy `pred`. */
export function matching(values: readonly string[] | undefined, pred: (v: string) => boolean): string[] {
  return (values ?? []).filter((v) => !isUnknownLeaf(v) && pred(v));
}

/** `*`, `*:*`: an action pattern that matches every action of every service. */
export function coversAllActions(pattern: string): boolean {
  if (isAllWildcard(pattern)) return true;
  const colon = pattern.indexOf(':');
  return colon > 0 && isAllWildcard(pattern.slice(0, colon)) && isAllWildcard(pattern.slice(colon + 1));
}

/** The service of a service-wide wildcard (`s3:*` → `s3`), or undefined (`s3:Get*`, `*`, `s*:*`). */
export function serviceWideService(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return undefined;
  const service = pattern.slice(0, colon);
  if (hasWildcard(service)) return undefined;
  return isAllWildcard(pattern.slice(colon + 1)) ? asciiLower(service) : undefined;
}

/** Whether an action pattern grants `action` (`iam:PassRole` is granted by `iam:PassRole`, `iam:Pass*`, `iam:*`, `*`). */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action);
}

/**
 * A resource pattern that matches every resource: `*`, or an ARN pattern whose service, region, account and
 * resource are all wildcards (`arn:aws:*:*:*:*`, `arn:*`).
 */
export function coversAllResources(pattern: string): boolean {
  if (isAllWildcard(pattern)) return true;
  if (!pattern.startsWith('arn:')) return false;
  const rest = pattern.slice(4);
  if (isAllWildcard(rest)) return true;
  const colon = rest.indexOf(':');
  if (colon < 0) return false;
  return wildcardsAndColons(rest.slice(colon + 1));
}

/** A resource pattern that matches every resource of `service`: `*`, `arn:aws:s3:::*`, `arn:aws:iam::*:*`. */
export function coversAllOfService(pattern: string, service: string): boolean {
  if (coversAllResources(pattern)) return true;
  if (!pattern.startsWith('arn:')) return false;
  const rest = pattern.slice(4);
  const colon = rest.indexOf(':');
  if (colon < 0) return false;
  const afterPartition = rest.slice(colon + 1);
  const prefix = `${service}:`;
  if (asciiLower(afterPartition.slice(0, prefix.length)) !== asciiLower(prefix)) return false;
  return wildcardsAndColons(afterPartition.slice(prefix.length));
}

function wildcardsAndColons(s: string): boolean {
  if (!s.endsWith('*')) return false;
  for (const c of s) if (c !== '*' && c !== ':') return false;
  return true;
}

/**
 * Whether a Principal grants everyone: `"*"`, `{"AWS": "*"}` or `{"AWS": [..., "*"]}`. Service, federated and
 * canonical-user principals are specific. A partly known AWS principal is everyone only if it can be `*` exactly:
 * `arn:aws:iam::<unknown>:root` names an account (which one may be unknown), never everyone, because a wildcard
 * cannot stand for part of a principal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
 */
export function principalIsAnyone(p: JsonValue | undefined): Tri {
  if (p === undefined || p === null) return false;
  if (typeof p === 'string') return some([p], (v) => v === '*', couldBeEveryone);
  if (!isObject(p)) return 'unknown';
  const aws = stringList(p['AWS']);
  return some(aws, (v) => v === '*', couldBeEveryone);
}

function couldBeEveryone(parts: readonly StringPart[]): Tri {
  return couldEqual(parts, '*');
}

export type RestrictionContext = 'trust' | 's3' | 'kms' | 'resource';

/**
 * Condition keys that pin who may act, or from where, to fixed values. Any principal plus a fixed value of one of
 * these is no longer "anyone".
 * - Trust policies: organisation, account, principal ARN, source account/ARN of a service, and the external id.
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html,
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
 * - S3: the keys "The meaning of public" lists (fixed aws:SourceArn, SourceVpc, SourceVpce, SourceOwner,
 *   SourceAccount, s3:x-amz-server-side-encryption-aws-kms-key-id, aws:userid, a set of CIDRs in aws:SourceIp), plus
 *   the principal-side organisation and account keys.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 * - KMS: kms:CallerAccount and the same principal/source keys.
 *   https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
 * - Other resource policies (SQS, SNS, Secrets Manager, Lambda): the principal/source keys, the caller's network and
 *   a set of source ranges.
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention
 */
const PRINCIPAL_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];
const RESTRICTING_KEYS: Record<RestrictionContext, ReadonlySet<string>> = {
  trust: new Set([...PRINCIPAL_KEYS, 'sts:externalid']),
  s3: new Set([...PRINCIPAL_KEYS, 'aws:sourcevpc', 'aws:sourcevpce', 'aws:userid', 'aws:sourceip', 's3:x-amz-server-side-encryption-aws-kms-key-id', 's3:dataaccesspointaccount']),
  kms: new Set([...PRINCIPAL_KEYS, 'kms:calleraccount', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:userid']),
  resource: new Set([...PRINCIPAL_KEYS, 'aws:sourcevpc', 'aws:sourcevpce', 'aws:userid', 'aws:sourceip']),
};

const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);
const PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);
/** Policy variables that stand for the resource's own account or organisation: fixed for a given resource. */
const FIXED_VARIABLES = ['${aws:resourceaccount}', '${aws:resourceorgid}', '${aws:resourceorgpaths}'];

/** Positive match operators that restrict when their values are fixed; `…IfExists` and `ForAllValues:` do not. */
const EXACT_OPERATORS = new Set(['stringequals', 'stringequalsignorecase']);
const WILDCARD_OPERATORS = new Set(['stringlike', 'arnequals', 'arnlike']);
const NEGATED_OPERATORS = new Set(['stringnotequals', 'stringnotequalsignorecase']);
const NEGATED_WILDCARD_OPERATORS = new Set(['stringnotlike', 'arnnotequals', 'arnnotlike']);

export interface Restriction {
  /** True when some condition pins the principal to fixed values; 'unknown' when an undecidable value might. */
  readonly restricts: Tri;
  /** The condition key that restricts (for messages). */
  readonly key?: string;
}

/**
 * Whether a statement's Condition restricts "any principal" to fixed identities or networks. A value with a
 * wildcard that leaves the identity open (`StringLike aws:PrincipalAccount "*"`, an ARN whose account is `*`) does not
 * restrict; `StringEquals` compares literally, so its `*` is not a wildcard.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function conditionRestricts(condition: JsonValue | undefined, context: RestrictionContext): Restriction {
  if (condition === undefined || condition === null) return { restricts: false };
  if (isUnknownLeaf(condition)) return { restricts: 'unknown' };
  if (!isObject(condition)) return { restricts: false };
  let undecided = false;
  const keys = RESTRICTING_KEYS[context];
  for (const [rawOp, block] of Object.entries(condition)) {
    const op = operatorKind(rawOp);
    if (op !== 'exact' && op !== 'wildcard' && op !== 'ip') continue;
    if (isUnknownLeaf(block)) {
      undecided = true;
      continue;
    }
    if (!isObject(block)) continue;
    for (const [rawKey, rawValues] of Object.entries(block)) {
      const key = asciiLower(rawKey);
      if (!keys.has(key)) continue;
      if (op === 'ip' && key !== 'aws:sourceip') continue;
      if (op !== 'ip' && key === 'aws:sourceip') continue;
      const fixed = valuesFixed(key, op, rawValues);
      if (fixed === true) return { restricts: true, key: rawKey };
      if (fixed === 'unknown') undecided = true;
    }
  }
  return { restricts: undecided ? 'unknown' : false };
}

type OperatorKind = 'exact' | 'wildcard' | 'ip' | 'negated' | 'negatedWildcard' | 'other';

function operatorKind(raw: string): OperatorKind {
  let op = asciiLower(raw);
  if (op.startsWith('forallvalues:')) return 'other';
  if (op.startsWith('foranyvalue:')) op = op.slice('foranyvalue:'.length);
  // A negated …IfExists also denies when the key is absent, so it guards at least as strongly as the plain form.
  if (op.endsWith('ifexists')) {
    const base = op.slice(0, -'ifexists'.length);
    return NEGATED_OPERATORS.has(base) ? 'negated' : NEGATED_WILDCARD_OPERATORS.has(base) ? 'negatedWildcard' : 'other';
  }
  if (EXACT_OPERATORS.has(op)) return 'exact';
  if (WILDCARD_OPERATORS.has(op)) return 'wildcard';
  if (NEGATED_OPERATORS.has(op)) return 'negated';
  if (NEGATED_WILDCARD_OPERATORS.has(op)) return 'negatedWildcard';
  if (op === 'ipaddress') return 'ip';
  return 'other';
}

function valuesFixed(key: string, op: OperatorKind, raw: JsonValue): Tri {
  const values = stringList(raw as JsonValue);
  if (!values || values.length === 0) return false;
  let undecided = false;
  for (const v of values) {
    if (isUnknownLeaf(v)) {
      undecided = true;
      continue;
    }
    if (!valueFixed(key, op, v)) return false;
  }
  return undecided ? 'unknown' : true;
}

function valueFixed(key: string, op: OperatorKind, v: string): boolean {
  if (v.trim() === '') return false;
  const lower = asciiLower(v);
  if (lower.includes('${')) return FIXED_VARIABLES.some((f) => lower === f || lower.startsWith(f));
  if (op === 'ip') return !v.trim().endsWith('/0');
  if (op === 'exact' || op === 'negated') return true;
  // Wildcard operators: the identity-bearing part must be free of wildcards.
  if (ARN_KEYS.has(key)) return arnIdentityFixed(v);
  if (PATH_KEYS.has(key)) {
    const first = v.split('/')[0] ?? '';
    return first !== '' && !hasWildcard(first);
  }
  if (key === 'aws:userid') return !hasWildcard(v.split(':')[0] ?? '');
  return !hasWildcard(v);
}

/** An ARN pattern fixes an identity when its account is literal, or (S3-style ARNs without one) its resource is. */
function arnIdentityFixed(arn: string): boolean {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return !hasWildcard(arn);
  const account = parts[4] ?? '';
  if (account !== '') return !hasWildcard(account);
  const resource = parts.slice(5).join(':');
  return resource !== '' && !hasWildcard(resource);
}

/**
 * A Deny for everyone outside fixed identities (`Deny` + `StringNotEquals aws:PrincipalOrgID o-…`) restricts the
 * Allow statements whose actions and resources it covers: the common "deny outside my organisation" guard.
 */
export function deniedOutsideFixedIdentities(allow: Statement, all: readonly Statement[], context: RestrictionContext): boolean {
  return all.some((d) => {
    if (d === allow || isDeny(d) !== true || principalIsAnyone(d.principal) !== true) return false;
    if (!negatedRestriction(d.condition, context)) return false;
    return covers(d.action, allow.action) && covers(d.resource ?? ['*'], allow.resource ?? ['*']);
  });
}

function negatedRestriction(condition: JsonValue | undefined, context: RestrictionContext): boolean {
  if (!isObject(condition)) return false;
  for (const [rawOp, block] of Object.entries(condition)) {
    const op = operatorKind(rawOp);
    if ((op !== 'negated' && op !== 'negatedWildcard') || !isObject(block)) continue;
    for (const [rawKey, rawValues] of Object.entries(block)) {
      const key = asciiLower(rawKey);
      if (RESTRICTING_KEYS[context].has(key) && key !== 'aws:sourceip' && valuesFixed(key, op, rawValues) === true) return true;
    }
  }
  return false;
}

/** Every pattern in `inner` is matched by some pattern in `outer` (reading `inner`'s wildcards literally). */
function covers(outer: readonly string[] | undefined, inner: readonly string[] | undefined): boolean {
  if (!outer || !inner) return false;
  return inner.every((i) => !isUnknownLeaf(i) && outer.some((o) => !isUnknownLeaf(o) && globMatch(o, i)));
}

/**
 * An Allow statement open to everyone (`*`, `{"AWS": "*"}`, or `NotPrincipal`) with nothing pinning who: no
 * restricting condition and no Deny guard. `also` narrows the statements considered (e.g. those allowing
 * `sts:AssumeRole`).
 */
export function openToAnyone(s: Statement, all: readonly Statement[], context: RestrictionContext, also: (s: Statement) => Tri = () => true): Tri {
  const anyone = s.notPrincipal !== undefined ? (isUnknownLeaf(s.notPrincipal) ? 'unknown' : true) : principalIsAnyone(s.principal);
  const candidate = triAnd(isAllow(s), anyone, also(s));
  if (candidate === false) return false;
  const restricted = triOr(conditionRestricts(s.condition, context).restricts, deniedOutsideFixedIdentities(s, all, context));
  return triAnd(candidate, triNot(restricted));
}

/** `statement 2` or `statement \`AllowAll\`` for messages. */
export function describeStatement(s: Statement): string {
  return s.sid ? `statement \`${s.sid}\`` : `statement ${s.index + 1}`;
}
