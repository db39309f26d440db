import { describe, expect, it } from 'vitest';
import { isScopeError, parseScope } from './scope.js';
import { trailingGuid } from './text.js';

function ok(raw: string) {
  const p = parseScope(raw);
  if (isScopeError(p)) throw new Error(p.error);
  return p;
}

describe('parseScope', () => {
  it('recognises each level and folds case', () => {
    expect(ok('/').kind).toBe('root');
    expect(ok('/providers/Microsoft.Management/managementGroups/Corp')).toMatchObject({ kind: 'managementGroup', managementGroup: 'corp' });
    expect(ok('/subscriptions/ABC/')).toMatchObject({ kind: 'subscription', key: '/subscriptions/abc' });
    expect(ok('subscriptions/abc/resourceGroups/RG')).toMatchObject({ kind: 'resourceGroup', structuralParent: '/subscriptions/abc', resourceGroup: 'rg' });
    expect(ok('/providers/Microsoft.Capacity')).toMatchObject({ kind: 'provider', structuralParent: '/' });
    expect(ok('/providers/Microsoft.Subscription/subscriptions/abc').key).toBe('/subscriptions/abc');
  });

  it('gives nested and extension resources their parent', () => {
    const c = ok('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/blobServices/default/containers/c');
    expect(c.kind).toBe('resource');
    expect(c.resourceType).toBe('microsoft.storage/storageaccounts/blobservices/containers');
    expect(c.structuralParent).toBe('/subscriptions/s/resourcegroups/rg/providers/microsoft.storage/storageaccounts/sa/blobservices/default');
    const ext = ok('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/providers/Microsoft.Insights/diagnosticSettings/d');
    expect(ext.structuralParent).toBe('/subscriptions/s/resourcegroups/rg/providers/microsoft.storage/storageaccounts/sa');
    expect(ext.resourceType).toBe('microsoft.insights/diagnosticsettings');
    const subLevel = ok('/subscriptions/s/providers/Microsoft.Security/pricings/VirtualMachines');
    expect(subLevel.structuralParent).toBe('/subscriptions/s');
    const mgLevel = ok('/providers/Microsoft.Management/managementGroups/m/providers/Microsoft.Authorization/policyAssignments/p');
    expect(mgLevel).toMatchObject({ kind: 'resource', managementGroup: 'm', structuralParent: '/providers/microsoft.management/managementgroups/m' });
  });

  it('rejects what is not a scope, with a reason', () => {
    for (const bad of ['', '/subscriptions', '/subscriptions/s/resourceGroups', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts',
      '/subscriptions/s//resourceGroups/rg', '/tenants/x', '/subscriptions/s/resourceGroups/rg/storageAccounts/sa', '/providers']) {
      const p = parseScope(bad);
      expect(isScopeError(p), bad).toBe(true);
    }
  });
});

describe('trailingGuid', () => {
  it('reads the GUID at the end of any id form', () => {
    const g = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
    expect(trailingGuid(g)).toBe(g);
    expect(trailingGuid(g.toUpperCase())).toBe(g);
    expect(trailingGuid(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${g}`)).toBe(g);
    expect(trailingGuid('b24988ac618042a0ab8820f7382dd24c')).toBe(g);
    expect(trailingGuid(`{${g}}`)).toBe(g);
    expect(trailingGuid('Contributor')).toBeUndefined();
    expect(trailingGuid(`x${g}`)).toBeUndefined();
  });
});
