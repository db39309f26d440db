import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DenyAssignment, EntraGroup, ManagementGroup, Resource, RoleAssignment, RoleDefinition, RoleManagementPolicy, SubscriptionPlacement } from '../../model/index.js';
import { isRbacExport, loadRbacExport } from './index.js';

const dir = join(import.meta.dirname, '__fixtures__');
function load(folder: string, name: string) {
  const file = join(dir, folder, name);
  const text = readFileSync(file, 'utf8');
  return loadRbacExport(`${folder}/${name}`, text);
}
function ofKind<K extends Resource['kind']>(rs: readonly Resource[], kind: K): Extract<Resource, { kind: K }>[] {
  return rs.filter((r) => r.kind === kind) as Extract<Resource, { kind: K }>[];
}

describe('azure RBAC export loader', () => {
  it('recognises the files by name and shape only', () => {
    expect(isRbacExport('x/role-assignments.json', [])).toBe(true);
    expect(isRbacExport('x/role-assignments.json', { value: [] })).toBe(true);
    expect(isRbacExport('x/ROLE-DEFINITIONS.json', [{ roleName: 'a' }])).toBe(true);
    expect(isRbacExport('x/groups.json', { g: ['a'] })).toBe(true);
    expect(isRbacExport('x/groups.json', { name: 'my app', members: 3 })).toBe(false);
    expect(isRbacExport('x/management-groups.json', { id: '/providers/Microsoft.Management/managementGroups/root' })).toBe(true);
    expect(isRbacExport('x/assignments.json', [])).toBe(false);
    expect(isRbacExport('x/role-assignments.json', [1, 2])).toBe(false);
  });

  it('reads role definitions with their GUID, custom flag, permissions and position', () => {
    const r = load('contoso', 'role-definitions.json');
    expect(r.diagnostics).toEqual([]);
    const defs = ofKind(r.resources, 'azure.authorization.roleDefinition') as RoleDefinition[];
    expect(defs.map((d) => [d.roleId.known && d.roleId.value, d.custom])).toEqual([
      ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', false], ['4d0c5a1e-7f61-4c2b-9a3e-1f1b2c3d4e5f', true], ['6b3e0c2d-5a4f-4e8b-8c1d-2e3f4a5b6c7d', true],
    ]);
    const deployer = defs[1] as RoleDefinition;
    expect(deployer.permissions.known && deployer.permissions.value[0]?.actions).toEqual(['*/read', '*/write', 'Microsoft.Resources/deployments/*']);
    expect(deployer.assignableScopes.known && deployer.assignableScopes.value).toEqual(['/providers/Microsoft.Management/managementGroups/corp']);
    expect(deployer.at.line).toBe(12);
    expect(deployer.aliases).toContain('/providers/microsoft.authorization/roledefinitions/4d0c5a1e-7f61-4c2b-9a3e-1f1b2c3d4e5f');
  });

  it('reads role assignments (CLI shape) with principal names and conditions', () => {
    const r = load('contoso', 'role-assignments.json');
    const ras = ofKind(r.resources, 'azure.authorization.roleAssignment') as RoleAssignment[];
    expect(ras).toHaveLength(9);
    const bob = ras.find((a) => a.principalName?.known && a.principalName.value === 'bob@contoso.com') as RoleAssignment;
    expect(bob.via).toBe('standing');
    expect(bob.condition.known && bob.condition.value).toContain('ForAnyOfAnyValues:GuidEquals');
    expect(bob.scope).toMatchObject({ known: true, value: '/subscriptions/22222222-2222-2222-2222-222222222222' });
    expect(bob.principalType).toMatchObject({ known: true, value: 'User' });
  });

  it('reads PIM schedules: eligibility, activated and assigned instances with their windows', () => {
    const el = ofKind(load('contoso', 'role-eligibility-schedules.json').resources, 'azure.authorization.roleAssignment') as RoleAssignment[];
    expect(el).toHaveLength(1);
    expect(el[0]).toMatchObject({ via: 'pimEligible', principalName: { value: 'Carol' }, endsAt: { value: '2026-12-31T00:00:00Z' } });
    const inst = ofKind(load('contoso', 'role-assignment-schedule-instances.json').resources, 'azure.authorization.roleAssignment') as RoleAssignment[];
    expect(inst.map((i) => [i.via, i.pimAssignmentType, i.endsAt.known && i.endsAt.value])).toEqual([['pimActive', 'Activated', '2024-05-02T16:00:00Z'], ['pimActive', 'Assigned', null]]);
    expect(inst[0]?.originAssignment).toMatchObject({ value: '/subscriptions/11111111-1111-1111-1111-111111111111/providers/microsoft.authorization/roleassignments/0f5c7a10-0000-4000-8000-000000000008' });
  });

  it('reads deny assignments with principals, exclusions and child-scope setting', () => {
    const d = ofKind(load('contoso', 'deny-assignments.json').resources, 'azure.authorization.denyAssignment') as DenyAssignment[];
    expect(d).toHaveLength(1);
    expect(d[0]?.principals).toMatchObject({ value: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }] });
    expect(d[0]?.doNotApplyToChildScopes).toMatchObject({ known: true, value: false });
    expect(d[0]?.permissions.known && d[0].permissions.value[0]?.notActions).toEqual(['Microsoft.Resources/deployments/*']);
  });

  it('reads the management-group tree with parents and subscription placement', () => {
    const r = load('contoso', 'management-groups.json');
    const mgs = ofKind(r.resources, 'azure.management.managementGroup') as ManagementGroup[];
    expect(mgs.map((m) => [m.name.known && m.name.value, m.parent.known && m.parent.value])).toEqual([
      ['72f988bf-86f1-41af-91ab-2d7cd011db47', null], ['corp', '72f988bf-86f1-41af-91ab-2d7cd011db47'], ['corp-prod', 'corp'], ['corp-dev', 'corp'], ['sandbox', '72f988bf-86f1-41af-91ab-2d7cd011db47'],
    ]);
    const subs = ofKind(r.resources, 'azure.management.subscription') as SubscriptionPlacement[];
    expect(subs.map((s) => [s.subscriptionId.known && s.subscriptionId.value, s.managementGroup.known && s.managementGroup.value])).toEqual([
      ['11111111-1111-1111-1111-111111111111', 'corp-prod'], ['22222222-2222-2222-2222-222222222222', 'corp-dev'], ['33333333-3333-3333-3333-333333333333', 'sandbox'],
    ]);
  });

  it('reads group membership given as ids or member objects', () => {
    const g = ofKind(load('contoso', 'groups.json').resources, 'azure.entra.group') as EntraGroup[];
    expect(g.map((x) => x.members.known && x.members.value)).toEqual([
      ['1a1a1a1a-0000-4000-8000-000000000003', '9a9a9a9a-0000-4000-8000-000000000002'], ['1a1a1a1a-0000-4000-8000-000000000004'], ['1a1a1a1a-0000-4000-8000-000000000005'],
    ]);
  });

  it('reads PIM role settings into typed fields, positioned at their rule', () => {
    const p = ofKind(load('contoso', 'role-management-policies.json').resources, 'azure.authorization.roleManagementPolicy') as RoleManagementPolicy[];
    expect(p[0]).toMatchObject({
      permanentEligibleAllowed: { value: true }, permanentActiveAllowed: { value: true }, activationMaxDuration: { value: 'PT24H' },
      activationRequiresMfa: { value: false }, activationRequiresJustification: { value: true }, activationRequiresApproval: { value: false },
      role: { known: true, value: null },
    });
    expect(p[0]?.activationMaxDuration.at.line).toBe(16);
    expect(p[1]).toMatchObject({ activationRequiresMfa: { value: true }, activationRequiresApproval: { value: true }, activationMaxDuration: { value: 'PT4H' } });
    const frags = load('contoso', 'role-management-policy-assignments.json').fragments;
    expect(frags.map((f) => [f.target.known && f.target.value, f.targetKind])).toEqual([
      ['/subscriptions/11111111-1111-1111-1111-111111111111/providers/microsoft.authorization/rolemanagementpolicies/a0b1c2d3-0000-4000-8000-000000000001', 'azure.authorization.roleManagementPolicy'],
      ['/subscriptions/11111111-1111-1111-1111-111111111111/providers/microsoft.authorization/rolemanagementpolicies/a0b1c2d3-0000-4000-8000-000000000002', 'azure.authorization.roleManagementPolicy'],
    ]);
  });

  it('turns bad input into diagnostics with positions and loads the rest', () => {
    const broken = load('bad', 'role-assignments.json');
    expect(broken.resources).toEqual([]);
    expect(broken.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', file: 'bad/role-assignments.json', line: 3 })]);

    const deny = load('bad', 'deny-assignments.json');
    expect(deny.diagnostics.map((d) => [d.code, d.line])).toEqual([['invalid-value', 3], ['invalid-value', 4]]);
    const d = ofKind(deny.resources, 'azure.authorization.denyAssignment') as DenyAssignment[];
    expect(d).toHaveLength(1);
    expect(d[0]?.principals.known).toBe(false);

    const groups = load('bad', 'groups.json');
    expect(groups.diagnostics.map((x) => x.code)).toEqual(['invalid-value']);
    expect((ofKind(groups.resources, 'azure.entra.group') as EntraGroup[]).map((g) => g.members.known)).toEqual([true, false]);

    expect(load('bad', 'role-definitions.json').diagnostics.map((x) => x.code)).toEqual(['not-a-template']);
  });
});
