import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IamGroup, IamManagedPolicy, IamRole, IamUser } from '../../model/index.js';
import { isAuthorizationDetails, loadAuthorizationDetails } from './index.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'authorization-details.json');
const text = readFileSync(file, 'utf8');

describe('get-account-authorization-details loader', () => {
  it('recognises the export by its keys', () => {
    expect(isAuthorizationDetails(JSON.parse(text))).toBe(true);
    expect(isAuthorizationDetails({ Policies: [] })).toBe(true);
    expect(isAuthorizationDetails({ Resources: {} })).toBe(false);
    expect(isAuthorizationDetails({ UserDetailList: 'x' })).toBe(false);
    expect(isAuthorizationDetails([])).toBe(false);
  });

  it('loads users, groups, roles, policies and instance profiles with positions', () => {
    const r = loadAuthorizationDetails('auth.json', text);
    expect(r.diagnostics).toEqual([]);
    const kinds = r.resources.map((x) => x.kind).sort();
    expect(kinds.filter((k) => k === 'aws.iam.user')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'aws.iam.role')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'aws.iam.group')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'aws.iam.policy')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'aws.iam.instanceProfile')).toHaveLength(1);

    const bob = r.resources.find((x) => x.key === 'arn:aws:iam::111122223333:user/bob') as IamUser;
    expect(bob.aliases).toEqual(['bob', 'arn:aws:iam::111122223333:user/bob', 'AIDABOB0000000000001']);
    expect(bob.groups.map((g) => g.known && g.value)).toEqual(['developers']);
    expect(bob.permissionsBoundary).toMatchObject({ known: true, value: 'arn:aws:iam::111122223333:policy/dev-boundary' });
    expect(bob.at.file).toBe('auth.json');
    expect(text.split('\n')[bob.at.line - 1]).toContain('{');
    expect(bob.loginProfile.known).toBe(false);
    const inline = bob.inlinePolicies[0];
    expect(inline?.name).toBe('bob-escalate');
    expect(inline?.document.known && inline.document.value.statementAt?.length).toBe(1);

    const carol = r.resources.find((x) => x.aliases.includes('carol')) as IamUser;
    // The raw API's URL-encoded document is decoded.
    expect(carol.inlinePolicies[0]?.document).toMatchObject({ known: true, value: { json: { Version: '2012-10-17' } } });

    const devs = r.resources.find((x) => x.aliases.includes('developers')) as IamGroup;
    expect(devs.members.map((m) => m.known && m.value).sort()).toEqual([
      'arn:aws:iam::111122223333:user/bob', 'arn:aws:iam::111122223333:user/dave',
    ]);

    const partner = r.resources.find((x) => x.aliases.includes('partner-audit')) as IamRole;
    expect(partner.trustPolicy).toMatchObject({ known: true, value: { json: { Statement: [{ Principal: { AWS: '*' } }] } } });

    const deployer = r.resources.find((x) => x.aliases.includes('deployer')) as IamManagedPolicy;
    // The default version (v2), not the first one.
    expect(JSON.stringify(deployer.document.known && deployer.document.value.json)).toContain('cloudformation:*');
  });

  it('reports malformed JSON with a position and unreadable entries as diagnostics', () => {
    expect(loadAuthorizationDetails('x.json', '{"UserDetailList": [').diagnostics[0]).toMatchObject({ code: 'parse-error', line: 1 });
    const r = loadAuthorizationDetails('y.json', JSON.stringify({
      UserDetailList: [{ Path: '/' }],
      RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', AssumeRolePolicyDocument: 'not json %%' }],
    }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-value', 'invalid-value']);
    const role = r.resources.find((x) => x.kind === 'aws.iam.role') as IamRole;
    expect(role.trustPolicy.known).toBe(false);
  });

  it('refuses hostile nesting with a diagnostic instead of exhausting the stack', () => {
    const deep = `{"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`;
    const r = loadAuthorizationDetails('z.json', deep);
    expect(r.resources).toEqual([]);
    expect(r.diagnostics).toMatchObject([{ code: 'too-deep', severity: 'error', file: 'z.json', line: 1 }]);
  });
});
