// One measurement in a fresh process, so peak memory is this measurement's own:
//   node --import tsx bench/terraform/run-one.ts <resources> load   (parse + evaluate only)
//   node --import tsx bench/terraform/run-one.ts <resources> scan   (the whole scan: load, adapt, link, checks)
import os from 'node:os';
import path from 'node:path';
import { loadTerraformProjects } from '../../src/loaders/terraform/hcl/index.js';
import { scan } from '../../src/scan/scan.js';
import { generateProject } from './generate.js';

const resources = Number(process.argv[2] ?? '2000');
const mode = process.argv[3] === 'scan' ? 'scan' : 'load';
const dir = path.join(os.tmpdir(), `parapet-bench-tf-${resources}`);
const gen = generateProject(dir, resources);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let row: Record<string, number>;
if (mode === 'load') {
  const result = await loadTerraformProjects([dir], { cwd: dir, env: {} });
  const managed = result.instances.filter((i) => i.mode === 'managed').length;
  row = {
    managedInstances: managed,
    dataInstances: result.instances.length - managed,
    diagnostics: result.diagnostics.length,
    parseMs: Math.round(result.timings.parseMs),
    evaluateMs: Math.round(result.timings.evaluateMs),
  };
} else {
  const out = await scan([dir], { cwd: dir });
  row = { findings: out.report.findings.length, modelResources: out.report.summary.resources };
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    size: resources,
    files: gen.files,
    mode,
    ...row,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
