import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finishQuery, loadQueryInputs, refuseQuery } from './query-inputs.js';

const here = dirname(fileURLToPath(import.meta.url));
const auth = join(here, '..', '..', 'loaders', 'aws-iam-auth', '__fixtures__', 'authorization-details.json');

let err = '';

beforeEach(() => {
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('query inputs', () => {
  it('loads quietly, and exits 0 when every input was read', async () => {
    const loaded = await loadQueryInputs([auth], true);
    expect(loaded.estate.resources.length).toBeGreaterThan(0);
    finishQuery(loaded);
    expect(err).toBe('');
    expect(process.exitCode).toBe(0);
  });

  it('says where an input is broken and exits 2 after the answer', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parapet-query-')), 'broken.json');
    writeFileSync(file, '{\n  "UserDetailList": [\n');
    const loaded = await loadQueryInputs([file], true);
    // The path is printed relative to the working directory.
    expect(err).toMatch(/^parapet: \S*broken\.json:3:1: invalid JSON: /);
    finishQuery(loaded);
    expect(process.exitCode).toBe(2);
  });

  it('refuses a question with its reason and exit 2', () => {
    refuseQuery('no user or role `nobody`');
    expect(err).toBe('parapet: no user or role `nobody`\n');
    expect(process.exitCode).toBe(2);
  });
});
