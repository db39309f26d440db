/**
 * Runs every case of `__corpus__/*.json`: policies + request + expected decision, each resting on the AWS
 * documentation page it cites. The corpus is data so it can be read, reviewed and extended without code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../model/core/json.js';
import type { PolicySet } from './authorize.js';
import { authorize } from './authorize.js';
import type { ContextInputValue } from './context.js';
import type { CompiledPolicy } from './policy.js';
import { compilePolicy } from './policy.js';
import { principalFromArn } from './principals.js';
import type { Decision, DecisionDetails, PolicyType, RequestPrincipal } from './types.js';

type PolicyIn = JsonValue;

interface CorpusCase {
  readonly name: string;
  readonly doc: string | readonly string[];
  readonly note?: string;
  readonly policies?: {
    readonly identity?: readonly PolicyIn[];
    readonly permissionsBoundary?: readonly PolicyIn[];
    readonly session?: readonly PolicyIn[];
    readonly resource?: readonly PolicyIn[];
    readonly vpcEndpoint?: readonly PolicyIn[];
    readonly scp?: readonly (readonly PolicyIn[])[];
    readonly rcp?: readonly (readonly PolicyIn[])[];
  };
  readonly request?: {
    readonly principal: string | RequestPrincipal;
    readonly action: string;
    readonly resource: string;
    readonly resourceAccount?: string;
    readonly context?: Readonly<Record<string, string | readonly string[] | { values: string[]; multi: boolean; unknown?: boolean }>>;
    readonly missingKeys?: 'absent' | 'unknown';
    readonly resourcePolicyKind?: 'standard' | 'roleTrust' | 'kmsKey';
    readonly organization?: { principalInManagementAccount?: boolean; resourceInManagementAccount?: boolean; rcpFullAccessAttached?: boolean };
    readonly awsManagedKey?: boolean;
    readonly deriveContext?: boolean;
  };
  readonly expect?: {
    readonly decision: Decision;
    readonly matched?: readonly string[];
    readonly missing?: readonly string[];
    readonly witness?: string;
    readonly serviceRule?: string;
    readonly crossAccount?: boolean;
    readonly details?: Partial<DecisionDetails>;
  };
  readonly validate?: {
    readonly type: PolicyType;
    readonly policy: PolicyIn;
    readonly issues: readonly { code: string; severity?: 'error' | 'warning'; statement?: number; line?: number; column?: number }[];
  };
}

interface CorpusFile {
  readonly topic: string;
  readonly cases: readonly CorpusCase[];
}

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, '__corpus__');
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort();

function compile(p: PolicyIn, id: string, type: PolicyType): CompiledPolicy {
  return compilePolicy(p, { id, type });
}

function build(c: CorpusCase): PolicySet {
  const p = c.policies ?? {};
  const list = (xs: readonly PolicyIn[] | undefined, type: PolicyType, prefix: string): CompiledPolicy[] | undefined =>
    xs === undefined ? undefined : xs.map((x, i) => compile(x, `${prefix}${i}`, type));
  const levels = (xs: readonly (readonly PolicyIn[])[] | undefined, type: PolicyType, prefix: string): CompiledPolicy[][] | undefined =>
    xs === undefined ? undefined : xs.map((level, l) => level.map((x, i) => compile(x, `${prefix}${l}.${i}`, type)));
  const set: Record<string, unknown> = {};
  const put = (k: string, v: unknown): void => {
    if (v !== undefined) set[k] = v;
  };
  put('identity', list(p.identity, 'identity', 'identity'));
  put('permissionsBoundary', list(p.permissionsBoundary, 'permissionsBoundary', 'boundary'));
  put('session', list(p.session, 'session', 'session'));
  put('resource', list(p.resource, 'resource', 'resource'));
  put('vpcEndpoint', list(p.vpcEndpoint, 'vpcEndpoint', 'vpce'));
  put('scp', levels(p.scp, 'scp', 'scp'));
  put('rcp', levels(p.rcp, 'rcp', 'rcp'));
  return set as PolicySet;
}

const all: { file: string; c: CorpusCase }[] = [];
for (const file of files) {
  const data = JSON.parse(readFileSync(join(corpusDir, file), 'utf8')) as CorpusFile;
  for (const c of data.cases) all.push({ file, c });
}

describe('IAM corpus', () => {
  it('is large and every case cites AWS documentation', () => {
    expect(all.length).toBeGreaterThan(100);
    const names = new Set<string>();
    for (const { file, c } of all) {
      const docs = typeof c.doc === 'string' ? [c.doc] : c.doc;
      expect(docs.length, `${file}: ${c.name}`).toBeGreaterThan(0);
      for (const d of docs) expect(d, `${file}: ${c.name}`).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(c.expect !== undefined || c.validate !== undefined, `${file}: ${c.name} has an expectation`).toBe(true);
      const key = `${file}:${c.name}`;
      expect(names.has(key), `duplicate case ${key}`).toBe(false);
      names.add(key);
    }
  });
});

for (const file of files) {
  describe(file, () => {
    for (const { c } of all.filter((x) => x.file === file)) {
      it(c.name, () => {
        if (c.validate !== undefined) {
          const p = compilePolicy(c.validate.policy, { id: 'p', type: c.validate.type });
          const got = p.issues.map((i) => ({
            code: i.code, severity: i.severity,
            ...(i.statement !== undefined ? { statement: i.statement } : {}),
            ...(i.at ? { line: i.at.line, column: i.at.column } : {}),
          }));
          for (const want of c.validate.issues) expect(got).toContainEqual(expect.objectContaining(want));
          if (c.validate.issues.length === 0) expect(got.filter((g) => g.severity === 'error')).toEqual([]);
        }
        if (c.expect === undefined || c.request === undefined) return;
        const r = c.request;
        const principal = typeof r.principal === 'string' ? principalFromArn(r.principal) : r.principal;
        expect(principal, 'principal').toBeDefined();
        const context: Record<string, ContextInputValue> = {};
        for (const [k, v] of Object.entries(r.context ?? {})) context[k] = v as ContextInputValue;
        const result = authorize(build(c), {
          principal: principal as RequestPrincipal, action: r.action, resource: r.resource, context,
          ...(r.resourceAccount !== undefined ? { resourceAccount: r.resourceAccount } : {}),
          ...(r.missingKeys !== undefined ? { contextOptions: { missingKeys: r.missingKeys } } : {}),
          ...(r.resourcePolicyKind !== undefined ? { resourcePolicyKind: r.resourcePolicyKind } : {}),
          ...(r.organization !== undefined ? { organization: r.organization } : {}),
          ...(r.awsManagedKey !== undefined ? { awsManagedKey: r.awsManagedKey } : {}),
          ...(r.deriveContext !== undefined ? { deriveContext: r.deriveContext } : {}),
        });
        expect(result.decision, JSON.stringify(result)).toBe(c.expect.decision);
        if (c.expect.matched !== undefined) {
          expect(result.matched.map((m) => `${m.policyId}#${m.index}`).sort()).toEqual([...c.expect.matched].sort());
        }
        if (c.expect.missing !== undefined) expect([...result.missingContextKeys].sort()).toEqual([...c.expect.missing].sort());
        if (c.expect.witness !== undefined) expect(result.witness).toBe(c.expect.witness);
        if (c.expect.serviceRule !== undefined) expect(result.serviceRule?.code).toBe(c.expect.serviceRule);
        if (c.expect.crossAccount !== undefined) expect(result.crossAccount).toBe(c.expect.crossAccount);
        if (c.expect.details !== undefined) expect(result.details).toMatchObject(c.expect.details);
      });
    }
  });
}
