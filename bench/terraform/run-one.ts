// One measurement in a fresh process (so peak memory is this size's own): node --import tsx run-one.ts <resources>
import os from 'node:os';
import path from 'node:path';
import { loadTerraformProjects } from '../../src/loaders/terraform/hcl/index.js';
import { generateProject } from './generate.js';

const resources = Number(process.argv[2] ?? '2000');
const dir = path.join(os.tmpdir(), `parapet-bench-tf-${resources}`);
const gen = generateProject(dir, resources);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await loadTerraformProjects([dir], { cwd: dir, env: {} });
const loadMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const loadCpuMs = (cpu.user + cpu.system) / 1000;
const loadPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

let scanMs: number | undefined;
let scanCpuMs: number | undefined;
let findings: number | undefined;
try {
  // The whole scan, once the scan pipeline knows the Terraform source format.
  const scanModule = (await import('../../src/scan/scan.js')) as { scan?: (p: string[], o: object) => Promise<{ report: { findings: unknown[] } }> };
  if (scanModule.scan) {
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    const out = await scanModule.scan([dir], { cwd: dir });
    scanMs = performance.now() - s0;
    const c = process.cpuUsage(c0);
    scanCpuMs = (c.user + c.system) / 1000;
    findings = out.report.findings.length;
  }
} catch (e) {
  console.error(`whole scan not measured: ${e instanceof Error ? e.message : String(e)}`);
  scanMs = undefined;
}

const managed = result.instances.filter((i) => i.mode === 'managed').length;
console.log(
  JSON.stringify({
    resources,
    files: gen.files,
    managedInstances: managed,
    dataInstances: result.instances.length - managed,
    diagnostics: result.diagnostics.length,
    parseMs: Math.round(result.timings.parseMs),
    evaluateMs: Math.round(result.timings.evaluateMs),
    loadMs: Math.round(loadMs),
    loadCpuMs: Math.round(loadCpuMs),
    scanMs: scanMs === undefined ? null : Math.round(scanMs),
    scanCpuMs: scanCpuMs === undefined ? null : Math.round(scanCpuMs),
    findings: findings ?? null,
    loadPeakRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
