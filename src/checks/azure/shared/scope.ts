/**
 * Azure scopes by level (https://learn.microsoft.com/azure/role-based-access-control/scope-overview). Compared
 * case-insensitively; template placeholders such as `{subscriptionId}` count as the segment they stand for.
 */
export type ScopeLevel = 'root' | 'managementGroup' | 'subscription' | 'resourceGroup' | 'resource' | 'invalid';

export function scopeLevel(scope: string): ScopeLevel {
  const s = scope.trim().replace(/\/+$/, '');
  if (s === '' || s === '/') return 'root';
  const parts = s.split('/').filter(Boolean).map((p) => p.toLowerCase());
  if (parts[0] === 'providers' && parts[1] === 'microsoft.management' && parts[2] === 'managementgroups' && parts.length === 4) return 'managementGroup';
  if (parts[0] !== 'subscriptions' || parts.length < 2) return 'invalid';
  if (parts.length === 2) return 'subscription';
  if (parts[2] === 'resourcegroups' && parts.length === 4) return 'resourceGroup';
  return parts.length > 4 || parts[2] === 'providers' ? 'resource' : 'invalid';
}

/** A subscription-level id, which for diagnostic settings means the Activity Log. */
export function isSubscriptionScope(id: string): boolean {
  return scopeLevel(id) === 'subscription';
}
