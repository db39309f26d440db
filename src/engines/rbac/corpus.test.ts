// Runs every case in __corpus__/: each rests on the Microsoft page named in its `doc` field.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCatalogueError, loadCatalogue } from './catalogue.js';
import { evaluateCondition } from './condition/evaluate.js';
import { parseCondition } from './condition/parse.js';
import { compileRbac } from './engine.js';
import { durationHours, summarisePolicy } from './pim.js';
import type { CanRequest, RbacInput, RbacPolicyRuleInput, RbacRequestContext } from './types.js';
import type { WhoCanRequest } from './engine.js';

type Query =
  | { can: CanRequest; decision: string; grantedBy?: string[]; deniedBy?: string[]; through?: Record<string, string[]> }
  | { whoCan: WhoCanRequest; allowed: string[]; unknown?: string[]; denied?: string[] }
  | { diagnostics: string[]; exact?: boolean }
  | { condition: string; action?: string; context?: RbacRequestContext; result: boolean | 'unknown' | 'parse-error' }
  | { policy: { rules: RbacPolicyRuleInput[] }; summary: Record<string, unknown> }
  | { duration: string; hours: number | null }
  | { ancestry: string; keys: string[]; uncertain?: boolean }
  | { access: string; scopes: string[]; eligible?: string[]; groups?: string[] };

interface Case {
  id: string;
  title: string;
  doc: string;
  note?: string;
  now?: string;
  input?: RbacInput;
  expect: Query[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '__corpus__');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const catalogue = loadCatalogue();
if (isCatalogueError(catalogue)) throw new Error(catalogue.message);

describe('rbac corpus', () => {
  it('has files and every case cites a Microsoft page', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: Case[] };
      for (const c of doc.cases) expect(c.doc, `${f} ${c.id}`).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  for (const f of files) {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: string; cases: Case[] };
    describe(`${f}: ${doc.title}`, () => {
      for (const c of doc.cases) {
        it(`${c.id} ${c.title}`, () => {
          const engine = compileRbac(c.input ?? {}, { catalogue, ...(c.now ? { now: c.now } : {}) });
          for (const [i, q] of c.expect.entries()) {
            const label = `${c.id} query ${i}`;
            if ('can' in q) {
              const r = engine.can(q.can);
              expect(r.decision, `${label}: ${r.reason}`).toBe(q.decision);
              if (q.grantedBy) expect(r.grantedBy.map((g) => g.assignmentId).sort(), label).toEqual([...q.grantedBy].sort());
              if (q.deniedBy) expect([...r.deniedBy].sort(), label).toEqual([...q.deniedBy].sort());
              if (q.through) {
                for (const [aid, path] of Object.entries(q.through)) {
                  expect(r.grantedBy.find((g) => g.assignmentId === aid)?.through, label).toEqual(path);
                }
              }
            } else if ('whoCan' in q) {
              const r = engine.whoCan(q.whoCan);
              expect(r.principals.filter((p) => p.decision === 'allowed').map((p) => p.id).sort(), label).toEqual([...q.allowed].sort());
              if (q.unknown) expect(r.principals.filter((p) => p.decision === 'unknown').map((p) => p.id).sort(), label).toEqual([...q.unknown].sort());
              if (q.denied) expect(r.denied.map((p) => p.id).sort(), label).toEqual([...q.denied].sort());
            } else if ('diagnostics' in q) {
              const codes = engine.diagnostics.map((d) => d.code);
              if (q.exact) expect([...codes].sort(), label).toEqual([...q.diagnostics].sort());
              else for (const code of q.diagnostics) expect(codes, label).toContain(code);
            } else if ('condition' in q) {
              const parsed = parseCondition(q.condition);
              if (q.result === 'parse-error') {
                expect(parsed.ok, label).toBe(false);
                continue;
              }
              if (!parsed.ok) throw new Error(`${label}: ${parsed.error} at ${parsed.offset}`);
              const attrs = new Map<string, readonly (string | number | boolean)[]>();
              for (const [k, v] of Object.entries(q.context?.attributes ?? {})) {
                attrs.set(k.toLowerCase(), Array.isArray(v) ? v : [v as string | number | boolean]);
              }
              const value = evaluateCondition(parsed.node, {
                actionLower: (q.action ?? '').toLowerCase(),
                subOperation: q.context?.subOperation,
                lookup: (ref) => attrs.get(`@${ref.source}[${ref.name}]`.toLowerCase()),
              });
              expect(value, label).toBe(q.result);
            } else if ('policy' in q) {
              const s = summarisePolicy('p', '/', null, q.policy.rules) as unknown as Record<string, unknown>;
              for (const [k, v] of Object.entries(q.summary)) expect(s[k], `${label} ${k}`).toEqual(v);
            } else if ('duration' in q) {
              expect(durationHours(q.duration) ?? null, label).toBe(q.hours);
            } else if ('ancestry' in q) {
              const a = engine.hierarchy.ancestry(q.ancestry);
              if ('error' in a) throw new Error(`${label}: ${a.error}`);
              expect(a.keys, label).toEqual(q.keys);
              if (q.uncertain !== undefined) expect(a.uncertain, label).toBe(q.uncertain);
            } else if ('access' in q) {
              const a = engine.access(q.access);
              if ('error' in a) throw new Error(`${label}: ${a.error}`);
              expect(a.scopes.map((s) => s.scope), label).toEqual(q.scopes);
              if (q.eligible) expect(a.eligible.map((e) => e.id).sort(), label).toEqual([...q.eligible].sort());
              if (q.groups) expect([...a.groups].sort(), label).toEqual([...q.groups].sort());
            }
          }
        });
      }
    });
  }
});
