// Time spent per check on an estate folder, to find the slow ones. Run on the estate the scan bench keeps:
//   KEEP=1 npx tsx bench/scan/cloudformation.ts 2000
//   npx tsx bench/scan/per-check.ts /tmp/parapet-bench-cfn-2000 [top=20]
// Checks run in catalogue order over one set of services, as in a scan, so a memoised answer is charged to the first
// check that asks for it. ISOLATED=1 gives every check fresh services instead (its cost alone).
import { CATALOGUE } from '../../src/checks/catalogue.js';
import { loadEstate } from '../../src/scan/load-estate.js';
import { runChecks } from '../../src/scan/run-checks.js';
import { buildServices } from '../../src/scan/services.js';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: npx tsx bench/scan/per-check.ts DIR [top]');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 20);
const isolated = process.env.ISOLATED !== undefined;

let t0 = performance.now();
const loaded = await loadEstate([dir], { cwd: dir });
const loadMs = performance.now() - t0;
t0 = performance.now();
let services = buildServices(loaded.estate);
const servicesMs = performance.now() - t0;

const rows: { id: string; ms: number; cpuMs: number; results: number }[] = [];
for (const check of CATALOGUE) {
  if (isolated) services = buildServices(loaded.estate);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const run = runChecks([check], loaded.estate, services);
  const cpu = process.cpuUsage(cpu0);
  rows.push({ id: check.id, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, results: run.results.length });
}
rows.sort((a, b) => b.cpuMs - a.cpuMs);
const total = rows.reduce((n, r) => n + r.cpuMs, 0);
console.log(`${loaded.estate.resources.length} resources: load ${loadMs.toFixed(0)} ms, services ${servicesMs.toFixed(0)} ms, checks ${total.toFixed(0)} ms CPU${isolated ? ' (isolated)' : ''}`);
for (const r of rows.slice(0, top)) {
  console.log(`  ${r.id.padEnd(24)} ${r.cpuMs.toFixed(1).padStart(8)} ms CPU ${r.ms.toFixed(1).padStart(8)} ms wall  ${String(r.results).padStart(6)} results`);
}
