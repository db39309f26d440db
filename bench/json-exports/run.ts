// Loader speed for the JSON exports read with positions: AWS CLI describe-security-groups, `az network nsg list`,
// an Azure RBAC role-assignments export and `aws iam get-account-authorization-details`. Each input is the loader's
// test fixture with its entries repeated (ids made unique) to N entries, printed as the tools print it (4-space
// indent for the AWS CLI, 2 for the Azure CLI). Prints size, a bare JSON.parse (the baseline) and the load, each the
// best of 5 rounds in CPU time, and their ratio.
// Run: npx tsx --expose-gc bench/json-exports/run.ts [N=5000]
import { readFileSync } from 'node:fs';
import { loadAwsCliNetworkExport } from '../../src/loaders/aws-cli/index.js';
import { loadAuthorizationDetails } from '../../src/loaders/aws-iam-auth/index.js';
import { loadAzCliNetworkExport } from '../../src/loaders/az-cli/index.js';
import { loadRbacExport } from '../../src/loaders/azure-rbac-export/index.js';

const n = Number(process.argv[2] ?? 5_000);
const fixture = (p: string): unknown => JSON.parse(readFileSync(new URL(`../../src/loaders/${p}`, import.meta.url), 'utf8'));

/** `items` repeated to `count` entries, every string naming the original id suffixed so ids stay unique. */
function grow(items: readonly unknown[], count: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; out.length < count; i++) {
    const src = items[i % items.length];
    const text = JSON.stringify(src).replace(/"(sg|vpc|nsg|nic|arn|\/subscriptions)([^"]*)"/g, (_m, a: string, b: string) => `"${a}${b}-${i}"`);
    out.push(JSON.parse(text));
  }
  return out;
}

const awsSg = fixture('aws-cli/__fixtures__/estate/security-groups.json') as { SecurityGroups: unknown[] };
const azNsg = fixture('az-cli/__fixtures__/cli/nsgs.json') as unknown[];
const rbac = fixture('azure-rbac-export/__fixtures__/contoso/role-assignments.json') as unknown[];
const iam = fixture('aws-iam-auth/__fixtures__/authorization-details.json') as Record<string, unknown[]>;

const cases: { name: string; file: string; text: string; load: (file: string, text: string) => unknown }[] = [
  { name: 'aws-cli security groups', file: 'security-groups.json', text: JSON.stringify({ SecurityGroups: grow(awsSg.SecurityGroups, n) }, null, 4), load: loadAwsCliNetworkExport },
  { name: 'az-cli nsgs', file: 'nsgs.json', text: JSON.stringify(grow(azNsg, n), null, 2), load: loadAzCliNetworkExport },
  { name: 'azure rbac assignments', file: 'role-assignments.json', text: JSON.stringify(grow(rbac, n * 4), null, 2), load: loadRbacExport },
  {
    name: 'aws iam authorization details', file: 'authorization-details.json',
    text: JSON.stringify({ ...iam, RoleDetailList: grow(iam['RoleDetailList'] ?? [], n), Policies: grow(iam['Policies'] ?? [], n / 5) }, null, 4),
    load: loadAuthorizationDetails,
  },
];

const gc = (globalThis as { gc?: () => void }).gc;
function best(f: () => void): number {
  let min = Infinity;
  for (let r = 0; r < 5; r++) {
    gc?.();
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

console.log(`json exports, ${n} entries each (4× for RBAC assignments); best of 5, CPU ms`);
for (const c of cases) {
  const parse = best(() => JSON.parse(c.text));
  const load = best(() => c.load(c.file, c.text));
  console.log(`${c.name.padEnd(32)} ${(c.text.length / 2 ** 20).toFixed(1).padStart(5)} MB  JSON.parse ${parse.toFixed(0).padStart(5)} ms  load ${load.toFixed(0).padStart(5)} ms  ×${(load / parse).toFixed(1)}`);
}
