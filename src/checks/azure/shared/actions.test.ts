import { describe, expect, it } from 'vitest';
import { actionMatches, grants, roleGuid } from './actions.js';

// https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions
describe('Azure action wildcards', () => {
  it('match case-insensitively with * anywhere', () => {
    expect(actionMatches('*', 'Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*', 'microsoft.authorization/roleAssignments/write')).toBe(true);
    expect(actionMatches('*/write', 'Microsoft.Storage/storageAccounts/write')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.Storage/storageAccounts/write')).toBe(false);
    expect(actionMatches('Microsoft.Authorization/*/write', 'Microsoft.Authorization/roleDefinitions/write')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/write', 'Microsoft.Authorization/roleDefinitions/read')).toBe(false);
    expect(actionMatches('Microsoft.Storage/*', 'Microsoft.StorageSync/x/read')).toBe(false);
  });

  it('NotActions subtract from the same block (Contributor cannot write role assignments)', () => {
    const contributor = { actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'] };
    expect(grants(contributor, 'Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(grants(contributor, 'Microsoft.Authorization/roleAssignments/write')).toBe(false);
  });

  it('a role is identified by the GUID at the end of its id', () => {
    expect(roleGuid('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/8E3AF657-A8FF-443C-A75C-2FE8C4BCB635')).toBe('8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
  });
});
