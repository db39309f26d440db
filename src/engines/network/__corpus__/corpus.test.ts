import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NetworkEngine } from '../engine.js';
import type { Endpoint, ExposureRow, NetworkInput, QueryProtocol, RuleRef } from '../types.js';

/**
 * Runs every JSON corpus file here. Each case cites the AWS or Microsoft page its expectation rests on (`doc`); a
 * case without one fails, so the corpus stays a record of documented behaviour.
 */
interface RowExpect {
  interface: string;
  protocol: string;
  ports: string[];
  verdict: string;
  from?: string[];
  except?: string[];
}

interface Case {
  name: string;
  doc: string;
  estate?: string;
  input?: NetworkInput;
  reach?: { from: Endpoint; to: Endpoint; port: number; protocol: QueryProtocol };
  exposure?: boolean;
  inbound?: boolean;
  egress?: boolean;
  expect: {
    verdict?: string;
    blockedBy?: RuleRef[];
    allowedBy?: RuleRef[];
    rows?: RowExpect[];
    diagnostics?: { code: string; path?: string }[];
    shadowed?: { nsg: string; rule: string; conflicting?: boolean }[];
    redundant?: { group: string; rule: string }[];
    direction?: { nsg: string; rule: string; reason: string }[];
    suggestions?: { container: string; rule: string; suggest: string[] }[];
    error?: string;
  };
}

interface CorpusFile {
  title: string;
  estates?: Record<string, NetworkInput>;
  cases: Case[];
}

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.json')).sort();

const key = (r: RuleRef) => `${r.kind}|${r.id}|${r.rule ?? ''}`;
const rowKey = (r: ExposureRow | RowExpect, withFrom: boolean) =>
  `${r.interface}|${r.protocol}|${r.ports.join(',')}|${r.verdict}${withFrom ? `|${(r.from ?? []).join(',')}|${(r.except ?? []).join(',')}` : ''}`;

describe('network corpus', () => {
  it('has files', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    const corpus = JSON.parse(readFileSync(join(here, f), 'utf8')) as CorpusFile;
    describe(`${f}: ${corpus.title}`, () => {
      const engines = new Map<string, NetworkEngine>();
      const engineFor = (c: Case): NetworkEngine => {
        if (c.input) return NetworkEngine.compile(c.input);
        const name = c.estate ?? '';
        let e = engines.get(name);
        if (!e) {
          const input = corpus.estates?.[name];
          if (!input) throw new Error(`case ${c.name}: no estate ${name}`);
          e = NetworkEngine.compile(input);
          engines.set(name, e);
        }
        return e;
      };
      for (const c of corpus.cases) {
        it(c.name, () => {
          expect(c.doc, 'every case cites its documentation').toMatch(/^https:\/\/(docs\.aws\.amazon\.com|learn\.microsoft\.com)\//);
          const e = engineFor(c);
          const x = c.expect;
          if (c.reach) {
            const r = e.reach(c.reach);
            if (x.error) {
              expect('code' in r && r.code).toBe(x.error);
              return;
            }
            if ('code' in r) throw new Error(r.message);
            if (x.verdict) expect(r.verdict, JSON.stringify(r, null, 1)).toBe(x.verdict);
            if (x.blockedBy) expect(r.blockedBy.map(key).sort()).toEqual(x.blockedBy.map(key).sort());
            if (x.allowedBy) {
              const allowed = r.path.filter((s) => s.decision === 'allow').map(key);
              for (const a of x.allowedBy) expect(allowed, JSON.stringify(r.path, null, 1)).toContain(key(a));
            }
          }
          if (x.rows) {
            const rows = c.egress ? e.egressAnalysis().filter((r) => r.verdict !== 'blocked') : c.inbound ? e.inboundAnalysis() : e.exposure();
            const withFrom = x.rows.some((r) => r.from !== undefined);
            expect(rows.map((r) => rowKey(r, withFrom)).sort(), JSON.stringify(rows, null, 1)).toEqual(x.rows.map((r) => rowKey(r, withFrom)).sort());
          }
          if (x.diagnostics) {
            const got = e.diagnostics.map((d) => `${d.code}|${d.path}`);
            for (const d of x.diagnostics) {
              expect(got.some((g) => g.startsWith(`${d.code}|${d.path ?? ''}`)), `${JSON.stringify(d)} in ${got.join('; ')}`).toBe(true);
            }
            expect(e.diagnostics.length).toBe(x.diagnostics.length);
          }
          if (x.shadowed) {
            expect(e.shadowedNsgRules().map((s) => `${s.nsg}|${s.rule}|${s.conflicting}`).sort())
              .toEqual(x.shadowed.map((s) => `${s.nsg}|${s.rule}|${s.conflicting ?? false}`).sort());
          }
          if (x.redundant) expect(e.redundantSgRules().map((s) => `${s.group}|${s.rule}`).sort()).toEqual(x.redundant.map((s) => `${s.group}|${s.rule}`).sort());
          if (x.direction) {
            expect(e.directionMismatches().map((s) => `${s.nsg}|${s.rule}|${s.reason}`).sort()).toEqual(x.direction.map((s) => `${s.nsg}|${s.rule}|${s.reason}`).sort());
          }
          if (x.suggestions) {
            expect(e.groupSuggestions().map((s) => `${s.container}|${s.rule}|${s.suggest.join(',')}`).sort())
              .toEqual(x.suggestions.map((s) => `${s.container}|${s.rule}|${s.suggest.join(',')}`).sort());
          }
        });
      }
    });
  }
});
