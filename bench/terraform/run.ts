// Terraform source benchmark: parse, evaluate (and whole scan) time and peak memory at 2k, 5k, 10k, 20k resources.
// Run: npx tsx bench/terraform/run.ts [sizes…]  (default 2000 5000 10000 20000)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const rows: Record<string, unknown>[] = [];
for (const n of sizes.length > 0 ? sizes : [2000, 5000, 10000, 20000]) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', path.join(here, 'run-one.ts'), String(n)], { encoding: 'utf8', cwd: path.join(here, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const row = JSON.parse(out.trim().split('\n').pop() as string) as Record<string, unknown>;
  rows.push(row);
  console.error(`terraform bench: ${n} resources done`);
}
// Wall-clock figures depend on how busy the machine is; "load cpu ms" (user+system CPU of the load) is steadier.
console.log('resources  files  instances  parse ms  evaluate ms  load ms  load cpu ms  load peak MB  scan ms  scan cpu ms  findings  peak RSS MB');
for (const r of rows) {
  const cell = (v: unknown, w: number) => String(v ?? '-').padStart(w);
  console.log(
    `${cell(r.resources, 9)}  ${cell(r.files, 5)}  ${cell(r.managedInstances, 9)}  ${cell(r.parseMs, 8)}  ${cell(r.evaluateMs, 11)}  ${cell(r.loadMs, 7)}  ${cell(r.loadCpuMs, 11)}  ${cell(r.loadPeakRssMb, 12)}  ${cell(r.scanMs, 7)}  ${cell(r.scanCpuMs, 11)}  ${cell(r.findings, 8)}  ${cell(r.peakRssMb, 11)}`,
  );
}
