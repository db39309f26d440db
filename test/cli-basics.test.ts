/** The CLI's contract that holds whatever the inputs: usage errors, exit codes, streams, unreadable inputs. */
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parapet-cli-'));
  mkdirSync(join(dir, 'repo', 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'repo', 'package.json'), '{"name": "not-an-input"}');
  writeFileSync(join(dir, 'repo', 'node_modules', 'x', 'broken.json'), '{"Resources": ');
  writeFileSync(join(dir, 'repo', 'broken.json'), '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket" \n  }\n');
  writeFileSync(join(dir, 'repo', 'blob.json'), Buffer.from([0x7b, 0x0a, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'notes.json'), '{"hello": "world"}');
});

describe('parapet CLI', () => {
  it('prints help and exits 0', () => {
    const r = runCli(['--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scan');
  });

  it('exits 2 with a one-line message, no stack trace, on a usage error', () => {
    const r = runCli(['scan', '--fail-on', 'urgent'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'urgent' is invalid");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('reports each unreadable input with file, line and column, exits 2, and skips what is not an input', () => {
    const r = runCli(['scan', 'repo', '--format', 'json', '--quiet'], dir);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { errors: { file: string; line: number; column: number; code: string }[] };
    const byFile = Object.fromEntries(report.errors.map((e) => [e.file, e]));
    expect(Object.keys(byFile).sort()).toEqual(['repo/blob.json', 'repo/broken.json']);
    expect(byFile['repo/broken.json']).toMatchObject({ code: 'parse-error', line: 5 });
    expect(byFile['repo/blob.json']).toMatchObject({ code: 'binary', line: 2, column: 1 });
    expect(r.stderr).toBe('');
  });

  it('a file named on the command line that is valid JSON but not an input is an error', () => {
    const r = runCli(['scan', 'notes.json', '-f', 'json', '-q'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ file: 'notes.json', code: 'not-a-template', line: 1, column: 1 });
  });

  it('refuses files over the size limit with one clear error', () => {
    writeFileSync(join(dir, 'big.json'), `{"Resources": {}, "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    const r = runCli(['scan', 'big.json', '-f', 'json', '-q', '--max-file-size', '1MB'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ file: 'big.json', code: 'too-large' });
  });

  it('a missing path is an input error', () => {
    const r = runCli(['scan', 'nope', '-f', 'json', '-q'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ file: 'nope', code: 'read-error' });
  });

  it('writes progress to stderr and results to stdout or --output', () => {
    const r = runCli(['scan', 'repo', '-f', 'json', '-o', 'out.json'], dir);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('parapet:');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).tool.name).toBe('parapet');
  });

  it('colours only on request or FORCE_COLOR, never with NO_COLOR', () => {
    expect(runCli(['scan', 'repo', '-q'], dir).stdout).not.toContain('\u001b[');
    expect(runCli(['scan', 'repo', '-q'], dir, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runCli(['scan', 'repo', '-q', '--color'], dir, { NO_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runCli(['scan', 'repo', '-q'], dir, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('explains an unknown check id with exit 2', () => {
    const r = runCli(['explain', 'AWS-NOPE-999'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no check');
  });
});

describe('parapet CLI in a pipeline', () => {
  it('stops quietly when the reader closes early (`parapet scan | head -1`)', () => {
    const bin = new URL('../bin/parapet.js', import.meta.url).pathname;
    const examples = new URL('../examples', import.meta.url).pathname;
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" scan "${examples}" -q | head -1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\(node:/);
  });
});
