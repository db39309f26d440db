/**
 * Every check's good and bad examples, run through the real loaders. Beside `foo.ts` sits `foo.examples/`, holding
 * files or folders named `good…`, `bad…` or `unknown…` in any supported format:
 * - in a `bad` example, exactly the resources whose name or address contains "bad" fail (an estate check fails once),
 *   or, where names are fixed by the service (a Defender plan is named after its resource type), exactly the
 *   addresses listed one per line in a sidecar `<example>.expect` file;
 * - in a `good` example nothing fails and nothing is undecided;
 * - in an `unknown` example nothing fails and at least one outcome is unknown.
 * Examples must load without errors. AWS checks need bad examples in CloudFormation and Terraform, Azure checks in
 * ARM and Terraform, checks on template inputs in all three: one check, every format, no per-format code.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { targetsOf } from './kit/types.js';
import type { AnyCheck } from './kit/types.js';
import { loadEstate } from '../scan/load-estate.js';
import { runChecks } from '../scan/run-checks.js';
import { buildServices } from '../scan/services.js';

const checksRoot = dirname(fileURLToPath(import.meta.url));

function checkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'kit' && !e.name.endsWith('.examples') && e.name !== '__fixtures__') out.push(...checkFiles(p));
    else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'index.ts') out.push(p);
  }
  return out;
}

/** Maps each check id to its examples folder by reading the id out of the check file. */
async function examplesById(): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const file of checkFiles(checksRoot)) {
    const dir = file.replace(/\.ts$/, '.examples');
    if (!existsSync(dir)) continue;
    const mod = (await import(file)) as { default?: AnyCheck };
    if (mod.default?.id) map.set(mod.default.id, dir);
  }
  return map;
}

function formatOf(name: string): string {
  if (/\.(cfn|cloudformation)\.(ya?ml|json)$|\.template$/.test(name)) return 'cloudformation';
  if (/\.arm\.json$/.test(name)) return 'arm';
  if (/\.tfplan\.json$/.test(name)) return 'terraform';
  if (/\.tf$|\.tf\.json$/.test(name) || !name.includes('.')) return 'terraform';
  return 'other';
}

const examples = await examplesById();

describe('check examples', () => {
  it('every check in the catalogue has examples', () => {
    const missing = CATALOGUE.filter((c) => !examples.has(c.id)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  for (const check of CATALOGUE) {
    const dir = examples.get(check.id);
    if (!dir) continue;
    const entries = readdirSync(dir).filter((e) => !e.endsWith('.expect')).sort();
    describe(`${check.id} ${check.title}`, () => {
      it('has good and bad examples in every format its provider is written in', () => {
        const badFormats = new Set(entries.filter((e) => e.startsWith('bad')).map(formatOf));
        const want = check.provider === 'aws' ? ['cloudformation', 'terraform'] : check.provider === 'azure' ? ['arm', 'terraform'] : ['cloudformation', 'arm', 'terraform'];
        for (const f of want) expect(badFormats, `bad example in ${f}`).toContain(f);
        expect(entries.some((e) => e.startsWith('good'))).toBe(true);
      });

      for (const entry of entries) {
        const kind = entry.startsWith('bad') ? 'bad' : entry.startsWith('good') ? 'good' : entry.startsWith('unknown') ? 'unknown' : undefined;
        if (!kind) continue;
        it(`${kind}: ${entry}`, async () => {
          const path = join(dir, entry);
          const loaded = await loadEstate([relative(process.cwd(), path)]);
          expect(loaded.diagnostics.filter((d) => d.severity === 'error'), 'example loads cleanly').toEqual([]);
          const run = runChecks([check], loaded.estate, buildServices(loaded.estate));
          expect(run.crashes).toEqual([]);
          const failed = [...new Set(run.results.filter((r) => r.outcome.status === 'fail').map((r) => r.subject.address))].sort();
          const undecided = run.results.filter((r) => r.outcome.status === 'unknown');
          if (kind === 'good') {
            expect(failed, 'good example must not fail').toEqual([]);
            expect(undecided.map((u) => `${u.subject.address}: ${u.outcome.message}`), 'good example must be decided').toEqual([]);
          } else if (kind === 'unknown') {
            expect(failed).toEqual([]);
            expect(undecided.length).toBeGreaterThan(0);
          } else if (targetsOf(check).includes('estate')) {
            expect(failed.length, 'estate check fails once').toBe(1);
          } else if (existsSync(`${path}.expect`)) {
            const listed = readFileSync(`${path}.expect`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
            expect(listed.length).toBeGreaterThan(0);
            expect(failed).toEqual([...new Set(listed)].sort());
          } else {
            const subjects = targetsOf(check).flatMap((k) => loaded.estate.ofKind(k as never)).map((r: { native: { name: string; address: string } }) => r.native);
            const expected = [...new Set(subjects.filter((n) => /bad/i.test(n.name) || /bad/i.test(n.address)).map((n) => n.address))].sort();
            expect(expected.length, `${basename(path)} names at least one resource "bad…"`).toBeGreaterThan(0);
            expect(failed).toEqual(expected);
          }
        });
      }
    });
  }
});
