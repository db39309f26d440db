// Terraform source benchmark: parse, evaluate and whole-scan time and peak memory at 2k, 5k, 10k, 20k resources.
// Run: npx tsx bench/terraform/run.ts [sizes…]  (default 2000 5000 10000 20000)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function measure(n: number, mode: 'load' | 'scan'): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'run-one.ts'), String(n), mode], {
    encoding: 'utf8',
    cwd: path.join(here, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
}

// Wall-clock figures depend on how busy the machine is; CPU time (user + system) is steadier.
console.log('resources  files  parse ms  evaluate ms  load ms  load cpu ms  load peak MB  scan ms  scan cpu ms  scan peak MB  findings');
for (const n of sizes.length > 0 ? sizes : [2000, 5000, 10000, 20000]) {
  const l = measure(n, 'load');
  const s = measure(n, 'scan');
  const cell = (v: unknown, w: number) => String(v ?? '-').padStart(w);
  console.log(
    `${cell(l.managedInstances, 9)}  ${cell(l.files, 5)}  ${cell(l.parseMs, 8)}  ${cell(l.evaluateMs, 11)}  ${cell(l.wallMs, 7)}  ${cell(l.cpuMs, 11)}  ${cell(l.peakRssMb, 12)}  ${cell(s.wallMs, 7)}  ${cell(s.cpuMs, 11)}  ${cell(s.peakRssMb, 12)}  ${cell(s.findings, 8)}`,
  );
}
