/**
 * The Principal / NotPrincipal elements of resource-based policies.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 *
 * - `"*"` and `{"AWS": "*"}` name everyone, anonymous requests included.
 * - An account (`123456789012` or `arn:aws:iam::123456789012:root`) names the account as a whole: it delegates to the
 *   account's identity-based policies rather than granting to any principal directly.
 * - A wildcard cannot match part of a principal ARN (`arn:aws:iam::1111:user/*` names nobody).
 * - A request carries several identities: a role session is the session ARN, the role ARN and the account; an IAM user
 *   is the user ARN and the account. How a statement named the requester matters for the evaluation logic (a grant to
 *   the session is final, a grant to the role is still limited by boundaries and session policies, a grant to the
 *   account only delegates).
 */
import { hasUnknownPart } from '../../model/core/json.js';
import { partialExactMatcher } from './partial.js';
import { accountRootArn, isAccountId } from './arn.js';
import type { JNode } from './json-node.js';
import type { RequestPrincipal } from './types.js';
import type { Matcher } from './wildcard.js';
import { asciiLower } from './wildcard.js';

/** How a statement's Principal names the requester. */
export type PrincipalMatch = 'none' | 'direct' | 'parent' | 'account';

export interface CompiledPrincipal {
  readonly everyone: boolean;
  /** Normalised AWS principal ARNs (accounts as `arn:<p>:iam::<id>:root`). */
  readonly aws: ReadonlySet<string>;
  readonly service: ReadonlySet<string>;
  readonly federated: ReadonlySet<string>;
  readonly canonical: ReadonlySet<string>;
  /** Entries that are `<unknown:...>` leaves. */
  readonly unknown: boolean;
  /**
   * Partly known entries per principal type (`arn:aws:iam::<unknown: …>:root`): an identity one matches is named
   * only possibly; one it does not match (another partition, another path) is not named by it.
   */
  readonly possible?: { readonly aws: Matcher[]; readonly service: Matcher[]; readonly federated: Matcher[]; readonly canonical: Matcher[] };
}

export interface PrincipalIssue {
  readonly code: 'invalid-principal' | 'principal-partial-wildcard';
  readonly message: string;
  readonly node: JNode;
}

const KNOWN_KEYS = new Map([['aws', 'AWS'], ['service', 'Service'], ['federated', 'Federated'], ['canonicaluser', 'CanonicalUser']]);

export function compilePrincipal(node: JNode, issues: PrincipalIssue[]): CompiledPrincipal {
  const aws = new Set<string>();
  const service = new Set<string>();
  const federated = new Set<string>();
  const canonical = new Set<string>();
  let everyone = false;
  let unknown = false;
  const possible = { aws: [] as Matcher[], service: [] as Matcher[], federated: [] as Matcher[], canonical: [] as Matcher[] };
  if (node.kind === 'string') {
    if (node.value === '*') everyone = true;
    else if (hasUnknownPart(node.value)) unknown = true;
    else issues.push({ code: 'invalid-principal', message: 'Principal must be "*" or an object such as {"AWS": ...}', node });
    return { everyone, aws, service, federated, canonical, unknown };
  }
  if (node.kind !== 'object') {
    issues.push({ code: 'invalid-principal', message: 'Principal must be "*" or an object', node });
    return { everyone, aws, service, federated, canonical, unknown };
  }
  for (const e of node.entries) {
    const kind = KNOWN_KEYS.get(asciiLower(e.key));
    if (kind === undefined) {
      issues.push({ code: 'invalid-principal', message: `unknown principal type \`${e.key}\``, node: e.value });
      continue;
    }
    const items = e.value.kind === 'array' ? e.value.items : [e.value];
    for (const item of items) {
      if (item.kind !== 'string') {
        issues.push({ code: 'invalid-principal', message: 'principal values must be strings', node: item });
        continue;
      }
      const v = item.value;
      if (hasUnknownPart(v)) {
        // An AWS entry must be an ARN for its known text to rule anything out (a bare account id is the account's
        // root): one that does not start with a literal `arn:` is read as wholly unknown.
        const m = kind === 'AWS' && !v.startsWith('arn:') ? undefined : partialExactMatcher(v, kind === 'Service');
        if (m === undefined) unknown = true;
        else if (kind === 'AWS') possible.aws.push(m);
        else if (kind === 'Service') possible.service.push(m);
        else if (kind === 'Federated') possible.federated.push(m);
        else possible.canonical.push(m);
        continue;
      }
      if (v === '*') {
        if (kind === 'AWS') everyone = true;
        else issues.push({ code: 'principal-partial-wildcard', message: `"*" is only meaningful as an AWS principal`, node: item });
        continue;
      }
      if (v.includes('*') || v.includes('?')) {
        issues.push({
          code: 'principal-partial-wildcard',
          message: `\`${v}\`: a wildcard cannot match part of a principal; this entry names no one`,
          node: item,
        });
        continue;
      }
      if (kind === 'AWS') aws.add(normaliseAwsPrincipal(v));
      else if (kind === 'Service') service.add(asciiLower(v));
      else if (kind === 'Federated') federated.add(v);
      else canonical.add(v);
    }
  }
  const anyPossible = possible.aws.length + possible.service.length + possible.federated.length + possible.canonical.length > 0;
  return { everyone, aws, service, federated, canonical, unknown, ...(anyPossible ? { possible } : {}) };
}

export function normaliseAwsPrincipal(v: string): string {
  return isAccountId(v) ? accountRootArn(v) : v;
}

interface Identity {
  readonly id: string;
  readonly how: Exclude<PrincipalMatch, 'none'>;
}

/** The identities a request carries, strongest first. */
export function identitiesOf(p: RequestPrincipal): Identity[] {
  switch (p.kind) {
    case 'user': return [{ id: p.arn, how: 'direct' }, { id: accountRootArn(p.account, partitionOf(p.arn)), how: 'account' }];
    case 'roleSession':
      return [
        { id: p.arn, how: 'direct' },
        { id: p.roleArn, how: 'parent' },
        { id: accountRootArn(p.account, partitionOf(p.arn)), how: 'account' },
      ];
    case 'federatedUser': {
      const ids: Identity[] = [{ id: p.arn, how: 'direct' }];
      if (p.userArn !== undefined) ids.push({ id: p.userArn, how: 'parent' });
      ids.push({ id: accountRootArn(p.account, partitionOf(p.arn)), how: 'account' });
      return ids;
    }
    case 'root': return [{ id: accountRootArn(p.account, partitionOf(p.arn)), how: 'direct' }];
    default: return [];
  }
}

function partitionOf(arn: string): string {
  const a = arn.indexOf(':');
  const b = arn.indexOf(':', a + 1);
  return a >= 0 && b > a ? arn.slice(a + 1, b) : 'aws';
}

const RANK: Record<PrincipalMatch, number> = { none: 0, account: 1, parent: 2, direct: 3 };

/** How `Principal` names the requester (the strongest way), or unknown when an unknown entry could. */
export function matchPrincipal(cp: CompiledPrincipal, p: RequestPrincipal): PrincipalMatch | 'unknown' {
  if (cp.everyone) return 'direct';
  let best: PrincipalMatch = 'none';
  if (p.kind === 'service') best = cp.service.has(asciiLower(p.service)) ? 'direct' : 'none';
  else if (p.kind === 'federated') best = cp.federated.has(p.provider) ? 'direct' : 'none';
  else {
    for (const ident of identitiesOf(p)) {
      if (cp.aws.has(ident.id) && RANK[ident.how] > RANK[best]) best = ident.how;
    }
    if ((p.kind === 'user' || p.kind === 'root') && p.canonicalUserId !== undefined && cp.canonical.has(p.canonicalUserId)) {
      best = 'direct';
    }
  }
  if (best === 'none' && (cp.unknown || possiblyNamed(cp, p))) return 'unknown';
  return best;
}

/**
 * NotPrincipal: the statement applies unless every identity of the request is listed. This is why AWS asks that a
 * NotPrincipal exempting a role session list the session ARN, the role ARN and the account together.
 */
export function notPrincipalApplies(cp: CompiledPrincipal, p: RequestPrincipal): boolean | 'unknown' {
  if (cp.everyone) return false;
  let ids: string[];
  const undecided = cp.unknown || possiblyNamed(cp, p);
  if (p.kind === 'service') return !cp.service.has(asciiLower(p.service)) ? (undecided ? 'unknown' : true) : false;
  if (p.kind === 'federated') return !cp.federated.has(p.provider) ? (undecided ? 'unknown' : true) : false;
  if (p.kind === 'anonymous') return cp.unknown ? 'unknown' : true;
  ids = identitiesOf(p).map((i) => i.id);
  if (p.kind === 'root') ids = [ids[0] as string];
  const allListed = ids.every((id) => cp.aws.has(id));
  if (allListed) return false;
  if (cp.unknown) return 'unknown';
  // Every identity listed or possibly listed: whether the statement applies depends on the unknown parts.
  const possibly = cp.possible;
  if (possibly !== undefined && ids.every((id) => cp.aws.has(id) || possibly.aws.some((m) => m.test(id)))) return 'unknown';
  return true;
}

/** Whether a partly known entry may name one of the request's identities. */
function possiblyNamed(cp: CompiledPrincipal, p: RequestPrincipal): boolean {
  const ps = cp.possible;
  if (ps === undefined) return false;
  if (p.kind === 'service') return ps.service.some((m) => m.test(asciiLower(p.service)));
  if (p.kind === 'federated') return ps.federated.some((m) => m.test(p.provider));
  if ((p.kind === 'user' || p.kind === 'root') && p.canonicalUserId !== undefined) {
    const id = p.canonicalUserId;
    if (ps.canonical.some((m) => m.test(id))) return true;
  }
  for (const ident of identitiesOf(p)) if (ps.aws.some((m) => m.test(ident.id))) return true;
  return false;
}
