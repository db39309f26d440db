import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRbacExport } from '../../loaders/azure-rbac-export/index.js';
import { ResourceGraph } from '../../model/core/index.js';
import type { Resource, ResourceFragment, RoleAssignment } from '../../model/index.js';
import { linkFragments } from '../link.js';
import { buildRbacService } from './rbac.js';

const dir = join(import.meta.dirname, '../../loaders/azure-rbac-export/__fixtures__/contoso');

function contoso() {
  const resources: Resource[] = [];
  const fragments: ResourceFragment[] = [];
  for (const f of readdirSync(dir).sort()) {
    const r = loadRbacExport(`contoso/${f}`, readFileSync(join(dir, f), 'utf8'));
    expect(r.diagnostics).toEqual([]);
    resources.push(...r.resources);
    fragments.push(...r.fragments);
  }
  const linked = linkFragments(resources, fragments);
  expect(linked.diagnostics).toEqual([]);
  return new ResourceGraph<Resource>(linked.resources);
}

const estate = contoso();
const rbac = buildRbacService(estate, { now: '2024-05-02T12:00:00Z' });
const byId = (suffix: string): RoleAssignment => {
  const a = estate.ofKind('azure.authorization.roleAssignment').find((x) => x.native.address.endsWith(suffix));
  if (!a) throw new Error(`no assignment ${suffix}`);
  return a;
};

describe('RBAC service over the contoso export', () => {
  it('compiles without engine diagnostics', () => {
    expect(rbac.diagnostics).toEqual([]);
  });

  it('answers can through groups, management groups and PIM windows', () => {
    // dave is in sre, itself in platform-admins, which holds Contributor at the corp management group.
    const dave = rbac.can({ principal: 'dave@contoso.com', action: 'Microsoft.Compute/virtualMachines/write', scope: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/app-prod' });
    expect(dave.decision, dave.reason).toBe('allowed');
    const byDaveId = rbac.can({ principal: '1a1a1a1a-0000-4000-8000-000000000004', action: 'Microsoft.Compute/virtualMachines/write', scope: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/app-prod' });
    expect(byDaveId).toMatchObject({ decision: 'allowed', grantedBy: [{ roleName: 'Contributor', through: ['9a9a9a9a-0000-4000-8000-000000000002', '9a9a9a9a-0000-4000-8000-000000000001'] }] });
    // The deployment stack's deny assignment blocks writes for everyone but the automation principal.
    expect(rbac.can({ principal: '1a1a1a1a-0000-4000-8000-000000000004', action: 'Microsoft.Compute/virtualMachines/write', scope: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/platform-core' }).decision).toBe('denied');
    // carol's Owner is an activation from 08:00 to 16:00.
    expect(rbac.can({ principal: 'carol@contoso.com', action: 'Microsoft.Authorization/roleAssignments/write', scope: '/subscriptions/11111111-1111-1111-1111-111111111111' }).decision).toBe('allowed');
    expect(rbac.can({ principal: 'carol@contoso.com', action: 'Microsoft.Authorization/roleAssignments/write', scope: '/subscriptions/11111111-1111-1111-1111-111111111111', at: '2024-05-03T12:00:00Z' }).decision).toBe('denied');
  });

  it('describes assignments: tenure, the PIM instance standing for a CLI entry, members reached', () => {
    expect(rbac.assignment(byId('roleAssignments/0f5c7a10-0000-4000-8000-000000000008'))).toMatchObject({ tenure: 'standing', supersededBy: expect.stringContaining('RoleAssignmentScheduleInstances') });
    expect(rbac.assignment(byId('RoleAssignmentScheduleInstances/0f5c7a10-0000-4000-8000-000000000008'))).toMatchObject({ tenure: 'activated', roleName: 'Owner' });
    expect(rbac.assignment(byId('RoleAssignmentScheduleInstances/0f5c7a10-0000-4000-8000-00000000000a'))).toMatchObject({ tenure: 'standing', roleName: 'Contributor', principalName: 'Frank' });
    expect(rbac.assignment(byId('RoleEligibilitySchedules/7c1d2e3f-0000-4000-8000-000000000001'))).toMatchObject({ tenure: 'eligible', roleName: 'Owner' });
    const platform = rbac.assignment(byId('0000-4000-8000-000000000002'));
    expect(platform).toMatchObject({ isGroup: true, membersKnown: true, scopeKind: 'managementGroup' });
    expect([...(platform?.reaches ?? [])].sort()).toEqual(['1a1a1a1a-0000-4000-8000-000000000003', '1a1a1a1a-0000-4000-8000-000000000004', '9a9a9a9a-0000-4000-8000-000000000001', '9a9a9a9a-0000-4000-8000-000000000002']);
  });

  it('reads privilege with conditions: constrained delegation to Reader is not privileged', () => {
    expect(rbac.privilege(byId('0000-4000-8000-000000000001'))).toMatchObject({ privileged: true });
    expect(rbac.privilege(byId('0000-4000-8000-000000000004'))).toEqual({ privileged: false, reasons: [] });
    // `*/write` covers Microsoft.Authorization/roleAssignments/write too.
    expect(rbac.privilege(byId('0000-4000-8000-000000000009')).reasons).toEqual(['writes role assignments, so it can grant any role', 'writes role definitions', 'writes every kind of resource']);
    expect(rbac.privilege(byId('0000-4000-8000-000000000006')).privileged).toBe(false);
    expect(rbac.rolePrivilege('Azure Resilience Management Drills Administrator').privileged).toBe('unknown');
    expect(rbac.rolePrivilege('Reader').privileged).toBe(false);
  });

  it('finds escalation paths and sensitive data access', () => {
    expect(rbac.escalations(byId('0000-4000-8000-000000000003')).map((p) => [p.method, p.decision])).toEqual([['role-assignment-write', 'allowed'], ['role-definition-write', 'allowed']]);
    expect(rbac.escalations(byId('0000-4000-8000-000000000004'))).toEqual([]);
    const contributor = rbac.escalations(byId('0000-4000-8000-000000000002'));
    expect(contributor.map((p) => p.method)).toEqual(['managed-identity-takeover', 'key-vault-access-policy']);
    expect(rbac.dataAccess(byId('0000-4000-8000-000000000005')).granted).toContain('Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read');
    expect(rbac.dataAccess(byId('0000-4000-8000-000000000006')).granted).toEqual(['Microsoft.KeyVault/vaults/secrets/getSecret/action']);
    expect(rbac.dataAccess(byId('0000-4000-8000-000000000001')).granted).toEqual([]);
  });

  it('knows the PIM policy of Owner at the production subscription', () => {
    expect(rbac.policyFor('Owner', '/subscriptions/11111111-1111-1111-1111-111111111111')).toMatchObject({ activationMaxHours: 24, activationRequiresMfa: false, permanentActiveAllowed: true });
  });
});
