import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Value } from '../common/value.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import { parseYamlFull } from './parse-yaml.js';
import type { SourceTree } from './source.js';
import { fixture } from './test-helpers.js';

/**
 * The fast YAML reader must give exactly what the `yaml` package path gives (values, every position, key positions,
 * diagnostics), or give up. Checked on the fixtures, on hand-picked constructs, on documents written by the `yaml`
 * package in several styles, and on seeded mutations of the fixtures.
 */

function serialise(t: SourceTree): string {
  const keys: string[] = [];
  const walk = (v: Value | undefined, path: string): unknown => {
    if (!v) return undefined;
    const at = `${v.at.line}:${v.at.column}-${v.at.endLine}:${v.at.endColumn}`;
    if (v.t === 'object') {
      const k = t.keyAt.get(v);
      if (k) keys.push(`${path}: ${[...k].map(([n, p]) => `${n}@${p.line}:${p.column}-${p.endLine}:${p.endColumn}`).join(',')}`);
      return { at, o: [...v.fields].map(([n, x]) => [n, walk(x, `${path}.${n}`)]) };
    }
    if (v.t === 'list') return { at, l: v.items.map((x, i) => walk(x, `${path}[${i}]`)) };
    return { at, t: v.t, v: 'v' in v ? v.v : null };
  };
  const root = walk(t.root, '');
  return JSON.stringify({ root, keys, d: t.diagnostics });
}

type Outcome = 'same' | 'bail' | string;

function compare(text: string): Outcome {
  const fast = parseYamlFast('f.yaml', text);
  if (!fast) return 'bail';
  const full = parseYamlFull('f.yaml', text);
  if (full.diagnostics.some((d) => d.severity === 'error')) return `fast accepts what the yaml package rejects: ${full.diagnostics[0]?.message}`;
  const a = serialise(fast);
  const b = serialise(full);
  if (a === b) return 'same';
  let k = 0;
  while (a[k] === b[k]) k++;
  return `differs: fast …${a.slice(Math.max(0, k - 60), k + 80)}… yaml …${b.slice(Math.max(0, k - 60), k + 80)}…`;
}

/** A small deterministic PRNG, so every run checks the same inputs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const FIXTURES = ['web-stack.yaml', 'broken-structure.yaml', 'sam-app.yaml', 'not-a-template.yaml'];

describe('fast YAML reader', () => {
  it.each(FIXTURES)('reads %s exactly as the yaml package does', (name) => {
    expect(compare(fixture(name).text)).toBe('same');
  });

  // The idioms real templates are written in: all of them must stay on the fast path.
  const handled: Record<string, string> = {
    'document start': '---\nA: 1\n',
    'sequence at the key’s indentation': 'A:\n- x\n- y\nB: 2\n',
    'maps inside a sequence': 'S:\n  - Effect: Allow\n    Action: [a, b]\n  - Effect: Deny\n    Action:\n      - c\n',
    'sequence inside a sequence item': "R: !Join\n  - ''\n  - - 'arn:aws:s3:::'\n    - !Ref Bucket\n",
    'tag on a block map and on the next line': 'S: !Sub\n  - "${A}"\n  - A: x\nT:\n  !Ref B\n',
    'multi-line flow collections': 'A: [\n  a,\n  b # c\n  ]\nB: {\n  k: v,\n  "q": !Ref x\n  }\n',
    'quoted keys and escapes': '"A": "a\\tb\\u00e9\\x41\\"\\\\"\n\'B\': \'it\'\'s\'\n',
    'literal and folded scalars with chomping': 'A: |\n  l1\n    indented\nB: |-\n  x\n\n\nC: |+\n  x\n\nD: >\n  a\n  b\n\n  c\n',
    'comments everywhere': '# head\nA: 1 # c\n# mid\n  # indented\nB:\n  # inside\n  C: 2\n',
    'empty values': 'A:\nB: ~\nC:\n  -\n  - x\n  - # c\nD: ""\n',
    'plain scalars with colons and hashes': 'A: http://example.com:8080/a#frag\nB: arn:aws:s3:::x/*\nC: x#y\nD: a - b\n',
    'YAML 1.1 numbers and booleans': 'A: 010\nB: 0x1F\nC: 1_000\nD: 1:30\nE: yes\nF: Off\nG: .5\n',
    'tagged scalars stay strings': 'A: !Ref Off\nB: [!Ref 010, !Foo yes]\nC: !Sub 1_000\n',
    'GetAtt in both forms': 'A: !GetAtt X.Y.Z\nB: !GetAtt [X, Y]\nC: {a: [1, {b: c}], d: !GetAtt [x, y]}\n',
    'duplicate keys': 'A: 1\nA: 2\n',
    'no final line break': 'A: 1',
  };
  it.each(Object.entries(handled))('%s', (_name, text) => {
    expect(compare(text)).toBe('same');
  });

  // Outside the subset: the yaml package reads these.
  const delegated: Record<string, string> = {
    aliases: 'A: &x 1\nB: *x\n',
    tabs: 'A:\t1\n',
    'CRLF line ends': 'A: 1\r\nB: 2\r\n',
    'several documents': 'A: 1\n---\nB: 2\n',
    'multi-line plain scalar': 'A: a\n  b\n',
    'multi-line quoted scalar': 'A: "a\n  b"\n',
    'explicit key': '? A\n: 1\n',
    'one-pair map in a flow sequence': 'A: [a: b]\n',
    'standard tag': 'A: !!str 1\n',
    'indentation indicator': 'A: |2\n   x\n',
    'truncated quote': 'A: "x\n',
    'flow continued at the parent’s indentation': 'P:\n  A: [1,\n  2]\n',
  };
  it.each(Object.entries(delegated))('gives up on %s', (_name, text) => {
    expect(compare(text)).toBe('bail');
  });

  it('agrees on documents the yaml package writes, in every style', () => {
    const r = rng(7);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
    const scalars = ['x', 'a b', 'yes', 'No', '010', '1_000', '0x1F', '1.5e3', '.inf', '~', '', 'l1\nl2', 'l1\nl2\n', ' lead',
      'trail ', 'a: b', '# c', "it's", 'q"uote', '- x', '[x]', 'é', 'http://x:8080/p', '${AWS::Region}', '!Ref x', '*s', '@a',
      12, -3.5, true, false, null];
    const gen = (d: number): unknown => {
      const x = r();
      if (d > 3 || x < 0.4) return pick(scalars);
      if (x < 0.7) {
        const o: Record<string, unknown> = {};
        const n = 1 + Math.floor(r() * 4);
        for (let i = 0; i < n; i++) o[`${pick(['Key', 'a b', 'yes', '1', 'x:y', 'Fn::Sub', 'AWS::Region'])}${i}`] = gen(d + 1);
        return o;
      }
      return Array.from({ length: Math.floor(r() * 4) }, () => gen(d + 1));
    };
    const outcomes = new Map<string, number>();
    for (let k = 0; k < 150; k++) {
      const doc = { Resources: { R: { Type: 'AWS::S3::Bucket', Properties: gen(0) } } };
      for (const opts of [{}, { collectionStyle: 'flow' as const }, { lineWidth: 20 }, { indentSeq: false }]) {
        const o = compare(stringify(doc, opts));
        if (o !== 'same' && o !== 'bail') throw new Error(`${o}\n${stringify(doc, opts)}`);
        outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
      }
    }
    // Most of them stay on the fast path.
    expect(outcomes.get('same') ?? 0).toBeGreaterThan(400);
  });

  it('never disagrees on mutated templates: it reads them identically or gives up', () => {
    const r = rng(4242);
    const seeds = FIXTURES.map((f) => fixture(f).text);
    const inserts = ['!Ref ', 'Off', '010', ' ', ':', '-', '#', "'", '"', '[', ']', '{', '}', '!', '|', '>', '\n', ',', 'a', '0', '\\', '- ', ': ', '? ', '&a ', '*a'];
    let same = 0;
    for (let k = 0; k < 300; k++) {
      let t = seeds[Math.floor(r() * seeds.length)] as string;
      for (let m = 0; m < 1 + Math.floor(r() * 3); m++) {
        const p = Math.floor(r() * t.length);
        const op = r();
        const ls = t.lastIndexOf('\n', p) + 1;
        if (op < 0.3) t = t.slice(0, p) + t.slice(p + 1);
        else if (op < 0.7) t = t.slice(0, p) + (inserts[Math.floor(r() * inserts.length)] as string) + t.slice(p);
        else if (op < 0.85) t = `${t.slice(0, ls)}  ${t.slice(ls)}`;
        else if (t.startsWith('  ', ls)) t = t.slice(0, ls) + t.slice(ls + 2);
      }
      const o = compare(t);
      if (o !== 'same' && o !== 'bail') throw new Error(`${o}\n--- input:\n${t}`);
      if (o === 'same') same++;
    }
    expect(same).toBeGreaterThan(40);
  });

  it('never disagrees on templates with lines removed, repeated, swapped or re-indented', () => {
    const r = rng(99);
    const seeds = FIXTURES.map((f) => fixture(f).text);
    let same = 0;
    for (let k = 0; k < 300; k++) {
      const lines = (seeds[Math.floor(r() * seeds.length)] as string).split('\n');
      for (let m = 0; m < 1 + Math.floor(r() * 3); m++) {
        const i = Math.floor(r() * lines.length);
        const line = lines[i] as string;
        const op = r();
        if (op < 0.2) lines.splice(i, 1);
        else if (op < 0.4) lines.splice(i, 0, line);
        else if (op < 0.55) {
          const j = Math.floor(r() * lines.length);
          [lines[i], lines[j]] = [lines[j] as string, line];
        } else if (op < 0.7) lines[i] = ` ${line}`;
        else if (op < 0.85) lines[i] = line.startsWith(' ') ? line.slice(1) : line;
        else {
          const p = Math.floor(r() * (line.length + 1));
          lines.splice(i, 1, line.slice(0, p), ' '.repeat(Math.floor(r() * 8)) + line.slice(p));
        }
      }
      const t = lines.join('\n');
      const o = compare(t);
      if (o !== 'same' && o !== 'bail') throw new Error(`${o}\n--- input:\n${t}`);
      if (o === 'same') same++;
    }
    expect(same).toBeGreaterThan(40);
  });
});
