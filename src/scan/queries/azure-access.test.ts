import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEstate } from '../load-estate.js';
import { azureAccess, azureCan, azureWhoCan, isAzureAction } from './azure-access.js';

const fixture = relative(process.cwd(), `${import.meta.dirname}/../../loaders/azure-rbac-export/__fixtures__/contoso`);
const loaded = await loadEstate([fixture]);
const PROD = '/subscriptions/11111111-1111-1111-1111-111111111111';

describe('Azure access queries', () => {
  it('tells Azure operations from AWS actions', () => {
    expect(isAzureAction('Microsoft.Compute/virtualMachines/write')).toBe(true);
    expect(isAzureAction('s3:GetObject')).toBe(false);
    expect(isAzureAction('iam:PassRole')).toBe(false);
    expect(isAzureAction('virtualMachines/write')).toBe(false);
  });

  it('can: the documented JSON shape, with the assignment location', () => {
    const out = azureCan(loaded.estate, 'alice@contoso.com', 'Microsoft.Authorization/roleAssignments/write', PROD);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.result).toMatchObject({
      decision: 'allowed', deniedBy: [], principal: 'alice@contoso.com',
      grantedBy: [{ roleName: 'Owner', scope: PROD, through: [], origin: 'standing', file: expect.stringContaining('role-assignments.json'), line: 2 }],
    });
    const denied = azureCan(loaded.estate, 'alice@contoso.com', 'Microsoft.Compute/virtualMachines/delete', `${PROD}/resourceGroups/platform-core/providers/Microsoft.Compute/virtualMachines/vm1`);
    expect(denied.ok && denied.result).toMatchObject({ decision: 'denied', deniedBy: [expect.stringContaining('denyAssignments/5e1f2d3c')] });
    expect(azureCan(loaded.estate, 'alice', 's3:GetObject', PROD)).toMatchObject({ ok: false, error: { code: 'bad-action' } });
  });

  it('can: request attributes from --context decide a delegation condition', () => {
    const attr = '@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId]';
    const dev = '/subscriptions/22222222-2222-2222-2222-222222222222';
    const reader = azureCan(loaded.estate, 'bob@contoso.com', 'Microsoft.Authorization/roleAssignments/write', dev, { [attr]: ['acdd72a7-3385-48ef-bd42-f606fba81ae7'] });
    const owner = azureCan(loaded.estate, 'bob@contoso.com', 'Microsoft.Authorization/roleAssignments/write', dev, { [attr]: ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635'] });
    expect(reader.ok && reader.result.decision).toBe('allowed');
    expect(owner.ok && owner.result.decision).toBe('denied');
  });

  it('who-can: members of nested groups, with the group path', () => {
    const out = azureWhoCan(loaded.estate, 'Microsoft.Compute/virtualMachines/write', '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/app-dev');
    if (!out.ok) throw new Error(out.error.message);
    const dave = out.result.principals.find((p) => p.id === '1a1a1a1a-0000-4000-8000-000000000004');
    // Nearest scope first: the subscription's assignment, then the management group's.
    expect(dave?.via.map((v) => [v.roleName, v.through])).toEqual([
      ['Contoso Deployer', []],
      ['Contributor', ['9a9a9a9a-0000-4000-8000-000000000002', '9a9a9a9a-0000-4000-8000-000000000001']],
    ]);
    expect(out.result.principals.map((p) => p.id)).toContain('1a1a1a1a-0000-4000-8000-000000000006');
  });

  it('access: every scope, eligibility and deny assignments of a principal', () => {
    const out = azureAccess(loaded.estate, 'carol@contoso.com', '2024-05-02T12:00:00Z');
    if (!out.ok) throw new Error(out.error.message);
    expect(out.result.scopes.map((s) => s.scope)).toEqual(['/providers/microsoft.management/managementgroups/corp', PROD]);
    expect(out.result.eligible.map((e) => e.roleName)).toEqual(['Owner']);
    expect(azureAccess(loaded.estate, 'nobody')).toMatchObject({ ok: false, error: { code: 'no-principal' } });
  });
});
