// RBAC engine benchmark: a seeded tenant of 5 management-group levels, 200 subscriptions, 5,000 resource groups,
// 2,000 principals in 300 nested groups and 50,000 assignments. Prints the time of 100,000 `can` queries, of a
// full `who-can` for one action over every scope, and peak memory. Figures only; nothing is asserted.
//
//   npx tsx bench/rbac/run.ts [queries=100000] [seed=42]
import { compileRbac, isCatalogueError, loadCatalogue } from '../../src/engines/rbac/index.js';
import type {
  CanRequest, RbacDenyAssignmentInput, RbacInput, RbacRoleAssignmentInput, RbacRoleDefinitionInput,
} from '../../src/engines/rbac/index.js';

const QUERIES = Number(process.argv[2] ?? 100_000);
const SEED = Number(process.argv[3] ?? 42);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
const guid = (kind: number, n: number): string => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

// --- management groups: root → 3 → 9 → 18 → 36 (5 levels)
const mgs: { id: string; parent: string | null }[] = [{ id: 'tenant-root', parent: null }];
let level = ['tenant-root'];
for (const fan of [3, 3, 2, 2]) {
  const next: string[] = [];
  for (const parent of level) {
    for (let i = 0; i < fan; i++) {
      const id = `${parent === 'tenant-root' ? 'mg' : parent}-${i}`;
      mgs.push({ id, parent });
      next.push(id);
    }
  }
  level = next;
}
const leafMgs = level;
const mgScope = (id: string): string => `/providers/Microsoft.Management/managementGroups/${id}`;

// --- 200 subscriptions under the leaf management groups, 25 resource groups each (5,000)
const subs = Array.from({ length: 200 }, (_, i) => guid(0x5b5b5b5b, i));
const subScope = (s: string): string => `/subscriptions/${s}`;
const rgs: string[] = [];
for (const s of subs) for (let r = 0; r < 25; r++) rgs.push(`${subScope(s)}/resourceGroups/rg-${r}`);
const resourceTypes = [
  'Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults', 'Microsoft.Compute/virtualMachines',
  'Microsoft.Web/sites', 'Microsoft.Network/virtualNetworks',
];
const resourceIn = (rg: string, n: number): string => `${rg}/providers/${pick(resourceTypes)}/res${n}`;

// --- 300 groups (nested: each may sit in up to two earlier groups), 2,000 users / service principals
const groups = Array.from({ length: 300 }, (_, i) => guid(0x6e6e6e6e, i));
const users = Array.from({ length: 2000 }, (_, i) => guid(0xaaaaaaaa, i));
const members: Record<string, string[]> = Object.fromEntries(groups.map((g) => [g, [] as string[]]));
for (let i = 20; i < groups.length; i++) {
  const parents = 1 + Math.floor(rnd() * 2);
  for (let k = 0; k < parents; k++) members[groups[Math.floor(rnd() * i)] as string]?.push(groups[i] as string);
}
for (const u of users) {
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) members[pick(groups)]?.push(u);
}

// --- roles: a mix of built-ins and 30 custom roles
const builtins = [
  'Owner', 'Contributor', 'Reader', 'User Access Administrator', 'Role Based Access Control Administrator',
  'Storage Blob Data Reader', 'Storage Blob Data Contributor', 'Key Vault Secrets User', 'Key Vault Administrator',
  'Virtual Machine Contributor', 'Network Contributor', 'Website Contributor', 'Monitoring Reader',
  'Storage Account Contributor', 'Key Vault Contributor', 'Managed Identity Operator',
];
const customRoles: RbacRoleDefinitionInput[] = Array.from({ length: 30 }, (_, i) => ({
  id: `/providers/Microsoft.Authorization/roleDefinitions/${guid(0xc0c0c0c0, i)}`,
  roleName: `custom-${i}`,
  custom: true,
  permissions: [{
    actions: [`${pick(resourceTypes)}/*`, '*/read'],
    notActions: [`${pick(resourceTypes)}/delete`],
    dataActions: i % 3 === 0 ? ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*'] : [],
    notDataActions: [],
  }],
  assignableScopes: [mgScope('tenant-root')],
}));
const roleRefs = [...builtins, ...customRoles.map((r) => r.id)];

// --- 50,000 assignments: resource groups 70 %, resources 10 %, subscriptions 14 %, management groups 6 %
const assignments: RbacRoleAssignmentInput[] = [];
for (let i = 0; i < 50_000; i++) {
  const x = rnd();
  const rg = pick(rgs);
  const scope = x < 0.7 ? rg : x < 0.8 ? resourceIn(rg, Math.floor(rnd() * 20)) : x < 0.94 ? subScope(pick(subs)) : mgScope(pick(mgs).id);
  const toGroup = rnd() < 0.6;
  const principalId = toGroup ? pick(groups) : pick(users);
  const pim = rnd() < 0.05;
  assignments.push({
    id: `/providers/Microsoft.Authorization/roleAssignments/${guid(0xa5a5a5a5, i)}`,
    scope,
    roleDefinitionId: pick(roleRefs),
    principalId,
    principalType: toGroup ? 'Group' : 'User',
    ...(pim ? { origin: 'pimActivated' as const, startDateTime: '2026-01-01T00:00:00Z', endDateTime: rnd() < 0.5 ? '2026-01-01T08:00:00Z' : '2099-01-01T00:00:00Z' } : {}),
    ...(i % 200 === 0 ? { condition: "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'public'))", conditionVersion: '2.0' } : {}),
  });
}

// --- a few deny assignments (everyone, with excluded principals), as deployment stacks create them
const denies: RbacDenyAssignmentInput[] = Array.from({ length: 20 }, (_, i) => ({
  id: `/providers/Microsoft.Authorization/denyAssignments/${guid(0xdededede, i)}`,
  scope: pick(rgs),
  permissions: [{ actions: ['*/delete', '*/write'], notActions: ['Microsoft.Resources/deployments/write'] }],
  principals: [{ id: '00000000-0000-0000-0000-000000000000', type: 'SystemDefined' }],
  excludePrincipals: [{ id: pick(groups), type: 'Group' }],
}));

const input: RbacInput = {
  roleDefinitions: customRoles,
  roleAssignments: assignments,
  denyAssignments: denies,
  groups: members,
  hierarchy: {
    managementGroups: mgs,
    subscriptions: subs.map((s, i) => ({ id: s, parent: leafMgs[i % leafMgs.length] as string })),
  },
};

// ---------------------------------------------------------------- run
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;
let t = performance.now();
const catalogue = loadCatalogue();
if (isCatalogueError(catalogue)) throw new Error(catalogue.message);
const tCatalogue = performance.now() - t;
t = performance.now();
const engine = compileRbac(input, { catalogue, now: '2026-06-01T00:00:00Z' });
const tCompile = performance.now() - t;

const actions = [
  'Microsoft.Compute/virtualMachines/write', 'Microsoft.Compute/virtualMachines/read', 'Microsoft.Compute/virtualMachines/delete',
  'Microsoft.Storage/storageAccounts/write', 'Microsoft.Storage/storageAccounts/listKeys/action',
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/write', 'Microsoft.Web/sites/write',
  'Microsoft.Network/virtualNetworks/subnets/join/action', 'Microsoft.Authorization/roleAssignments/write',
  'Microsoft.Authorization/roleDefinitions/write', 'Microsoft.Resources/deployments/write', 'Microsoft.Insights/diagnosticSettings/write',
];
const principalsAll = [...users, ...groups];
const requests: CanRequest[] = Array.from({ length: QUERIES }, (_, i) => {
  const x = rnd();
  const rg = pick(rgs);
  return {
    principal: i % 10 === 0 ? pick(groups) : pick(principalsAll),
    action: pick(actions),
    scope: x < 0.5 ? resourceIn(rg, Math.floor(rnd() * 20)) : x < 0.9 ? rg : subScope(pick(subs)),
  };
});

// Warm-up on a separate sample so the timed run measures steady state, as a scan would after its first checks.
for (let i = 0; i < 2000; i++) engine.can(requests[(i * 37) % requests.length] as CanRequest);
const counts = { allowed: 0, denied: 0, unknown: 0 };
// CPU time next to wall time: the reference machine is shared, and CPU time is what the engine spends.
let cpu = process.cpuUsage();
t = performance.now();
for (const r of requests) counts[engine.can(r).decision]++;
const tCan = performance.now() - t;
const cpuCan = process.cpuUsage(cpu).user / 1000;
if (process.env['RBAC_BENCH_ONLY_CAN']) {
  console.log(`can × ${QUERIES}: ${tCan.toFixed(0)} ms wall, ${cpuCan.toFixed(0)} ms cpu`);
  process.exit(0);
}

const everyScope = [...mgs.map((m) => mgScope(m.id)), ...subs.map(subScope), ...rgs];
cpu = process.cpuUsage();
t = performance.now();
let whoTotal = 0;
for (const scope of everyScope) whoTotal += engine.whoCan({ action: 'Microsoft.Authorization/roleAssignments/write', scope }).principals.length;
const tWho = performance.now() - t;
const cpuWho = process.cpuUsage(cpu).user / 1000;

cpu = process.cpuUsage();
t = performance.now();
let accessScopes = 0;
for (let i = 0; i < 200; i++) {
  const a = engine.access(users[i * 10] as string);
  if (!('error' in a)) accessScopes += a.scopes.length;
}
const tAccess = performance.now() - t;
const cpuAccess = process.cpuUsage(cpu).user / 1000;

const peakRss = process.resourceUsage().maxRSS * 1024;
const heap = process.memoryUsage().heapUsed;
console.log(`RBAC bench (seed ${SEED}): ${mgs.length} management groups in 5 levels, ${subs.length} subscriptions, ${rgs.length} resource groups,`);
console.log(`  ${users.length} principals in ${groups.length} nested groups, ${assignments.length} assignments, ${denies.length} deny assignments`);
console.log(`catalogue load          ${tCatalogue.toFixed(0)} ms (${catalogue.builtinRoles.length} built-in roles, ${catalogue.operations.size} operations)`);
console.log(`compile                 ${tCompile.toFixed(0)} ms (${engine.diagnostics.length} diagnostics)`);
console.log(`can × ${QUERIES}          ${tCan.toFixed(0)} ms total, ${((tCan * 1000) / QUERIES).toFixed(2)} µs average (CPU ${((cpuCan * 1000) / QUERIES).toFixed(2)} µs)  allowed ${counts.allowed}, denied ${counts.denied}, unknown ${counts.unknown}`);
console.log(`who-can × ${everyScope.length} scopes  ${tWho.toFixed(0)} ms total (CPU ${cpuWho.toFixed(0)} ms), ${((tWho * 1000) / everyScope.length).toFixed(0)} µs per scope; roleAssignments/write, ${whoTotal} principal entries`);
console.log(`access × 200            ${tAccess.toFixed(0)} ms total (CPU ${cpuAccess.toFixed(0)} ms), ${accessScopes} scopes listed`);
console.log(`peak RSS                ${mb(peakRss)}; heap after run ${mb(heap)}`);
