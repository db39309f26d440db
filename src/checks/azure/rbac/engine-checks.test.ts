import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEstate } from '../../../scan/load-estate.js';
import { runChecks } from '../../../scan/run-checks.js';
import { buildServices } from '../../../scan/services.js';
import { RBAC_CHECKS } from './index.js';

const here = import.meta.dirname;
const contoso = relative(process.cwd(), join(here, '../../../loaders/azure-rbac-export/__fixtures__/contoso'));

async function run(paths: string[]) {
  const loaded = await loadEstate(paths);
  const r = runChecks(RBAC_CHECKS, loaded.estate, buildServices(loaded.estate));
  expect(r.crashes).toEqual([]);
  return r.results;
}

describe('engine-based RBAC checks', () => {
  it('on the contoso export, report what only evaluation finds', async () => {
    const results = await run([contoso]);
    const mine = results.filter((r) => /^AZURE-RBAC-1/.test(r.check.id));
    expect(mine.map((r) => `${r.check.id} ${r.outcome.status} ${r.subject.address.split('/').pop()}`).sort()).toEqual([
      // Owner's PIM settings at the production subscription: permanent active and eligible, no MFA, no approval, 24 h.
      ...Array(5).fill('AZURE-RBAC-102 fail a0b1c2d3-0000-4000-8000-000000000001'),
      // Storage Blob Data Owner for a whole subscription.
      'AZURE-RBAC-106 fail 0f5c7a10-0000-4000-8000-000000000005',
    ]);
    const data = mine.find((r) => r.check.id === 'AZURE-RBAC-106');
    expect(data?.outcome.status === 'fail' && data.outcome.evidence).toContain('grants `Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read`');
  });

  it('never report an assignment AZURE-RBAC-001 already reports', async () => {
    const dirs = readdirSync(here).filter((d) => d.endsWith('.examples')).flatMap((d) => readdirSync(join(here, d)).map((e) => relative(process.cwd(), join(here, d, e))));
    for (const path of [contoso, ...dirs]) {
      const results = await run([path]);
      const standing = new Set(results.filter((r) => r.check.id === 'AZURE-RBAC-001' && r.outcome.status === 'fail').map((r) => r.subject.address));
      const overlap = results.filter((r) => ['AZURE-RBAC-104', 'AZURE-RBAC-105'].includes(r.check.id) && r.outcome.status === 'fail' && standing.has(r.subject.address));
      expect(overlap.map((r) => `${path}: ${r.check.id} ${r.subject.address}`)).toEqual([]);
    }
  });
});
