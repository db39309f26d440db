/**
 * AWS-IAM-110/111 as a scan runs them: a path the principal's own permissions make is its finding; a path a role's
 * trust policy alone opens is reported once, on that role (or, when the trust is open to any account, as evidence
 * of AWS-IAM-003's finding on it).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html (same
 * account: a resource policy naming the principal grants without its identity policies; naming the account delegates)
 */
import { describe, expect, it } from 'vitest';
import { createContext } from '../../kit/context.js';
import type { CheckContext, Outcome } from '../../kit/types.js';
import type { JsonValue, Resource } from '../../../model/index.js';
import { ResourceGraph } from '../../../model/index.js';
import { buildIamService } from '../../../scan/services/iam.js';
import { outcomes, role, statuses, user } from '../__fixtures__/model.js';
import escalationRole from './iam-escalation-role.js';
import escalationUser from './iam-escalation-user.js';
import trust from './iam-trust-any-principal.js';

const V = '2012-10-17';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const trusting = (AWS: JsonValue): JsonValue => ({ Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS }, Action: 'sts:AssumeRole' }] });
const allow = (Action: string, Resource = '*'): JsonValue => ({ Version: V, Statement: [{ Effect: 'Allow', Action, Resource }] });

function withEngine(...resources: Resource[]): CheckContext {
  const graph = new ResourceGraph<Resource>(resources);
  return createContext(graph, { iam: buildIamService(graph) });
}

const message = (o: Outcome | undefined): string => (o !== undefined && 'message' in o ? o.message : '');

describe('escalation findings grouped by the trust that opens them', () => {
  it('leaves a path through a trust open to any account to AWS-IAM-003, which names who in the account can use it', () => {
    const admin = role('support', { trust: trusting('*'), managed: [ADMIN] });
    const apps = Array.from({ length: 12 }, (_, k) => role(`app-${k}`));
    const ctx = withEngine(admin, ...apps);
    for (const app of apps) expect(statuses(escalationRole.evaluate(app, ctx))).toEqual(['pass']);
    expect(statuses(escalationRole.evaluate(admin, ctx))).toEqual(['pass']);
    const [o] = outcomes(trust.evaluate(admin, ctx));
    expect(o?.status).toBe('fail');
    const evidence = o?.status === 'fail' ? o.evidence ?? [] : [];
    expect(evidence.at(-1)).toBe('role `support` is an administrator; through this trust alone, 12 principals of the account can take it over (role `app-0`, role `app-1`, role `app-2`, role `app-3`, role `app-4`, role `app-5`, role `app-6`, role `app-7`, role `app-8`, role `app-9` and 2 more)');
  });

  it('reports once, on the administrator role, a trust that names principals of the account', () => {
    const probe = withEngine(role('worker'));
    const workerArn = probe.services.iam?.principals()[0]?.arn ?? '';
    const admin = role('break-glass', { trust: trusting(workerArn), managed: [ADMIN] });
    const worker = role('worker');
    const ctx = withEngine(admin, worker);
    expect(statuses(escalationRole.evaluate(worker, ctx))).toEqual(['pass']);
    const [o] = outcomes(escalationRole.evaluate(admin, ctx));
    expect(o?.status).toBe('fail');
    expect(message(o)).toBe('role `break-glass` is an administrator and its trust policy alone, whatever their own permissions: 1 principal of the account can assume it (role `worker`); trust only the principals that must hold it');
    expect(statuses(trust.evaluate(admin, ctx))).toEqual(['pass']);
  });

  it('keeps on the principal a path its own permissions make', () => {
    // The trust names the account: it only delegates, so the user's own sts:AssumeRole is the mistake.
    const admin = role('ops', { trust: trusting('arn:aws:iam::000000000000:root'), managed: [ADMIN] });
    const alice = user('alice', { inline: { assume: allow('sts:AssumeRole') } });
    const bob = user('bob', { inline: { self: allow('iam:AttachUserPolicy') } });
    const ctx = withEngine(admin, alice, bob);
    expect(message(outcomes(escalationUser.evaluate(alice, ctx))[0])).toContain('user `alice` can escalate to role ops via sts:AssumeRole');
    expect(message(outcomes(escalationUser.evaluate(bob, ctx))[0])).toContain('user `bob` can escalate to itself (any permission) via iam:AttachUserPolicy');
    expect(statuses(escalationRole.evaluate(admin, ctx))).toEqual(['pass']);
  });
});
