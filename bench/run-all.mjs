// Runs every benchmark listed in bench/README.md, one after the other, so figures do not disturb each other.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  ['bench/scan/cloudformation.ts'],
  ['bench/terraform/run.ts'],
  ['bench/terraform-plan/run.ts'],
  ['bench/iam/run.mjs'],
  ['bench/network/run.ts'],
  ['bench/rbac/run.ts'],
  ['bench/arm/run.ts'],
  ['bench/json-exports/run.ts'],
];
let failed = 0;
for (const [script, ...args] of benches) {
  if (!existsSync(script)) continue;
  console.log(`\n== ${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', script, ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
