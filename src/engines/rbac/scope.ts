import { asciiLower } from './text.js';

/**
 * Azure scopes: `/`, a management group, a subscription, a resource group, a resource (nested and extension
 * resources included), or a tenant-level provider such as `/providers/Microsoft.Capacity`.
 * https://learn.microsoft.com/en-us/azure/role-based-access-control/scope-overview
 */
export type ScopeKind = 'root' | 'managementGroup' | 'subscription' | 'resourceGroup' | 'resource' | 'provider';

export interface ParsedScope {
  readonly kind: ScopeKind;
  /** Lowercased, leading slash, no trailing slash; `/` for the root. The key every index uses. */
  readonly key: string;
  readonly managementGroup?: string;
  readonly subscription?: string;
  readonly resourceGroup?: string;
  /** For resources: `microsoft.storage/storageaccounts/blobservices/containers`. */
  readonly resourceType?: string;
  /** The enclosing scope the id itself names (resource → parent resource → resource group → subscription);
   * null for subscriptions and management groups, whose parents come from the management-group hierarchy. */
  readonly structuralParent: string | null;
}

export interface ScopeError {
  readonly error: string;
}

export function isScopeError(x: ParsedScope | ScopeError): x is ScopeError {
  return (x as ScopeError).error !== undefined;
}

export const ROOT_SCOPE = '/';
const MG_PREFIX = '/providers/microsoft.management/managementgroups/';

export function managementGroupKey(nameOrId: string): string {
  const lower = asciiLower(nameOrId.trim());
  if (lower.startsWith(MG_PREFIX)) return lower.replace(/\/+$/, '');
  return MG_PREFIX + lower.replace(/^\/+|\/+$/g, '');
}

export function subscriptionKey(idOrGuid: string): string {
  const lower = asciiLower(idOrGuid.trim()).replace(/\/+$/, '');
  if (lower.startsWith('/subscriptions/')) return lower;
  if (lower.startsWith('/providers/microsoft.subscription/subscriptions/')) return lower.slice('/providers/microsoft.subscription'.length);
  return `/subscriptions/${lower.replace(/^\/+/, '')}`;
}

export function parseScope(raw: string): ParsedScope | ScopeError {
  let s = asciiLower(raw.trim());
  if (s.length === 0) return { error: 'empty scope' };
  if (!s.startsWith('/')) s = `/${s}`;
  if (s.length > 1) s = s.replace(/\/+$/, '');
  if (s === '/' || s === '') return { kind: 'root', key: ROOT_SCOPE, structuralParent: null };
  const segs = s.slice(1).split('/');
  if (segs.some((x) => x.length === 0)) return { error: `empty segment in \`${raw}\`` };
  // `providers/Microsoft.Subscription/subscriptions/<id>` is how the PIM API writes a subscription scope.
  if (segs[0] === 'providers' && segs[1] === 'microsoft.subscription' && segs[2] === 'subscriptions' && segs.length >= 4) {
    return parseScope(`/${segs.slice(2).join('/')}`);
  }
  if (segs[0] === 'providers' && segs[1] === 'microsoft.management' && segs[2] === 'managementgroups') {
    const name = segs[3];
    if (name === undefined) return { error: `management group scope without a name: \`${raw}\`` };
    const key = `${MG_PREFIX}${name}`;
    const base: ParsedScope = { kind: 'managementGroup', key, managementGroup: name, structuralParent: null };
    return segs.length === 4 ? base : parseProviderChain(raw, base, segs.slice(4));
  }
  if (segs[0] === 'providers') {
    const ns = segs[1];
    if (ns === undefined) return { error: `provider scope without a namespace: \`${raw}\`` };
    if (segs.length === 2) return { kind: 'provider', key: `/providers/${ns}`, structuralParent: ROOT_SCOPE };
    return parseProviderChain(raw, { kind: 'root', key: ROOT_SCOPE, structuralParent: null }, segs);
  }
  if (segs[0] === 'subscriptions') {
    const sub = segs[1];
    if (sub === undefined) return { error: `subscription scope without an id: \`${raw}\`` };
    const subKey = `/subscriptions/${sub}`;
    const subScope: ParsedScope = { kind: 'subscription', key: subKey, subscription: sub, structuralParent: null };
    if (segs.length === 2) return subScope;
    if (segs[2] === 'resourcegroups') {
      const rg = segs[3];
      if (rg === undefined) return { error: `resource group scope without a name: \`${raw}\`` };
      const rgScope: ParsedScope = {
        kind: 'resourceGroup', key: `${subKey}/resourcegroups/${rg}`, subscription: sub, resourceGroup: rg, structuralParent: subKey,
      };
      return segs.length === 4 ? rgScope : parseProviderChain(raw, rgScope, segs.slice(4));
    }
    return parseProviderChain(raw, subScope, segs.slice(2));
  }
  return { error: `not an Azure scope: \`${raw}\`` };
}

/** `providers/<ns>/<type>/<name>[/<type>/<name>]…[/providers/<ns>/<type>/<name>…]` below `base`. */
function parseProviderChain(raw: string, base: ParsedScope, rest: readonly string[]): ParsedScope | ScopeError {
  let i = 0;
  let parent = base.key;
  let lastResource: string | null = null;
  let key = base.key === ROOT_SCOPE ? '' : base.key;
  let type = '';
  while (i < rest.length) {
    if (rest[i] !== 'providers') return { error: `expected \`providers\` at segment ${i + 1} after the base scope in \`${raw}\`` };
    const ns = rest[i + 1];
    if (ns === undefined) return { error: `provider without a namespace in \`${raw}\`` };
    key += `/providers/${ns}`;
    type = ns;
    i += 2;
    let pairs = 0;
    while (i < rest.length && rest[i] !== 'providers') {
      const t = rest[i];
      const n = rest[i + 1];
      if (n === undefined) return { error: `resource type \`${t ?? ''}\` without a name in \`${raw}\`` };
      parent = lastResource ?? base.key;
      key += `/${t}/${n}`;
      type += `/${t}`;
      lastResource = key;
      pairs++;
      i += 2;
    }
    if (pairs === 0) return { error: `provider \`${ns}\` without a resource type and name in \`${raw}\`` };
  }
  return {
    kind: 'resource',
    key,
    ...(base.managementGroup !== undefined ? { managementGroup: base.managementGroup } : {}),
    ...(base.subscription !== undefined ? { subscription: base.subscription } : {}),
    ...(base.resourceGroup !== undefined ? { resourceGroup: base.resourceGroup } : {}),
    resourceType: type,
    structuralParent: parent,
  };
}
