import { describe, expect, it } from 'vitest';
import type { InlinePolicy } from '../../model/index.js';
import { byId, fragmentsFrom, linkValue, loadFixture, locate, val, why } from './test-helpers.js';

/** The JSON IAM stack: long-form intrinsics, attachments as separate resources, conditions on parameters. */
const r = loadFixture('iam-stack.json');
const key = (id: string): string => `${r.file}#${id}`;

describe('CloudFormation JSON: IAM stack', () => {
  it('loads without diagnostics; access keys fold into their user rather than standing alone', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.resources.some((x) => x.native.type === 'AWS::IAM::AccessKey')).toBe(false);
    // SNS topics are modelled since their policies are judged (AWS-SNS-001).
    expect(r.resources.filter((x) => x.native.type === 'AWS::SNS::Topic').map((x) => x.kind)).toEqual(['aws.sns.topic']);
  });

  it('positions JSON values exactly', () => {
    const alice = byId(r, 'aws.iam.user', 'Alice');
    expect({ line: alice.at.line, column: alice.at.column }).toEqual(locate(r.text, '"Alice"'));
    expect({ line: alice.name.at.line, column: alice.name.at.column }).toEqual(locate(r.text, '"alice"'));
    expect(alice.name.at.endColumn - alice.name.at.column).toBe('"alice"'.length);
  });

  it('resolves Fn::Join, Fn::FindInMap and Fn::Sub in the group', () => {
    const g = byId(r, 'aws.iam.group', 'Developers');
    expect(val(g.name)).toBe('payments-developers');
    expect(g.aliases).toEqual(['payments-developers']);
    expect(g.managedPolicies.map(linkValue)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('reads the user: login profile, active access keys, groups, boundary through Fn::If', () => {
    const u = byId(r, 'aws.iam.user', 'Alice');
    expect(val(u.loginProfile)).toBe(true);
    // AliceOldKey is Inactive and not counted.
    expect(val(u.accessKeys)).toBe(1);
    expect(u.groups.map(linkValue)).toEqual([key('Developers')]);
    expect(val(u.permissionsBoundary)).toBe('arn:aws:iam::aws:policy/PowerUserAccess');
    const [inline] = u.inlinePolicies as [InlinePolicy];
    expect(inline.name).toBe('self-service');
    expect(val(inline.document).json).toMatchObject({ Statement: [{ Action: 'iam:*', Resource: '*' }] });
    expect(val(inline.document).statementAt?.[0]?.line).toBe(locate(r.text, '"iam:*"').line);
  });

  it('removes a property whose Fn::If picks AWS::NoValue', () => {
    const search = loadFixture('iam-stack.json', { parameters: { Team: 'search' } });
    const u = byId(search, 'aws.iam.user', 'Alice');
    expect(u.permissionsBoundary).toMatchObject({ known: true, value: null, defaulted: true });
    expect(val(byId(search, 'aws.iam.group', 'Developers').name)).toBe('search-developers');
  });

  it('adds users to the group from a CommaDelimitedList parameter, in both directions', () => {
    const frags = fragmentsFrom(r, 'ExtraDevelopers');
    const toGroup = frags.find((f) => f.targetKind === 'aws.iam.group');
    expect(linkValue(toGroup?.target)).toBe(key('Developers'));
    const members = toGroup?.targetKind === 'aws.iam.group' ? toGroup.fields.members ?? [] : [];
    expect(members.map(linkValue)).toEqual(['carol', 'dave']);
    expect(frags.filter((f) => f.targetKind === 'aws.iam.user').map((f) => linkValue(f.target))).toEqual(['carol', 'dave']);
  });

  it('keeps a trust policy with unknown leaves where parameters have no value', () => {
    const role = byId(r, 'aws.iam.role', 'DeployRole');
    const trust = val(role.trustPolicy);
    expect(trust.partial).toBe(true);
    expect(trust.json).toMatchObject({
      Statement: [{
        // `Fn::Sub` keeps the literal text around the unknown account: the principal is an account root.
        Principal: { AWS: 'arn:aws:iam::<unknown: parameter `CiAccountId` has no default and no value was given>:root' },
        Condition: { StringEquals: { 'sts:ExternalId': '<unknown: parameter `ExternalId` has no default and no value was given>' } },
      }],
    });
    expect(val(role.path)).toBe('/ci/');
    expect(why(role.name)).toContain('no `RoleName`');
    // `Ref` to a managed policy returns its ARN, unknown here: the link is the policy's key.
    expect(role.managedPolicies.map(linkValue)).toEqual([key('DeployPolicy')]);
  });

  it('fills the trust policy when the caller gives the values', () => {
    const given = loadFixture('iam-stack.json', { parameters: { CiAccountId: '444455556666', ExternalId: 'x-123' } });
    const trust = val(byId(given, 'aws.iam.role', 'DeployRole').trustPolicy);
    expect(trust.partial).toBe(false);
    expect(trust.json).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }] });
  });

  it('reads the managed policy and attaches it to the groups it names', () => {
    const p = byId(r, 'aws.iam.policy', 'DeployPolicy');
    expect(val(p.name)).toBe('ci-deploy');
    expect(why(p.arn)).toContain('account id');
    expect(val(p.document).json).toMatchObject({ Statement: [{ NotAction: 'iam:*' }, { Action: 'iam:PassRole', Resource: '*' }] });
    const [attach] = fragmentsFrom(r, 'DeployPolicy');
    expect(attach?.targetKind).toBe('aws.iam.group');
    expect(linkValue(attach?.target)).toBe(key('Developers'));
    expect((attach?.fields as { managedPolicies: { value: string }[] }).managedPolicies[0]?.value).toBe(key('DeployPolicy'));

    const withAccount = loadFixture('iam-stack.json', { parameters: { 'AWS::AccountId': '111122223333' } });
    const known = byId(withAccount, 'aws.iam.policy', 'DeployPolicy');
    expect(val(known.arn)).toBe('arn:aws:iam::111122223333:policy/ci-deploy');
    expect(known.aliases).toEqual(['arn:aws:iam::111122223333:policy/ci-deploy']);
    expect(byId(withAccount, 'aws.iam.role', 'DeployRole').managedPolicies.map(linkValue)).toEqual([`${withAccount.file}#DeployPolicy`]);
  });

  it('embeds an AWS::IAM::Policy in each role and user it names', () => {
    const frags = fragmentsFrom(r, 'DeployExtras');
    expect(frags.map((f) => [f.targetKind, linkValue(f.target)])).toEqual([
      ['aws.iam.role', key('DeployRole')],
      ['aws.iam.user', 'legacy-deployer'],
    ]);
    const policy = (frags[0]?.fields as { inlinePolicies: InlinePolicy[] }).inlinePolicies[0] as InlinePolicy;
    expect(policy.name).toBe('deploy-extras');
    expect(val(policy.document).json).toMatchObject({
      Statement: [{
        Action: ['cloudformation:*', 's3:PutObject'],
        Resource: '<unknown: `!ImportValue shared-artifacts-bucket-arn` is exported by another stack>',
      }],
    });
  });

  it('creates the conditional user only when its condition holds', () => {
    expect(r.resources.some((x) => x.key === key('BreakGlassUser'))).toBe(false);
    const on = loadFixture('iam-stack.json', { parameters: { CreateBreakGlass: 'true' } });
    const u = byId(on, 'aws.iam.user', 'BreakGlassUser');
    expect(u.managedPolicies.map(linkValue)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(u.loginProfile).toMatchObject({ value: false, defaulted: true });
    expect(u.accessKeys).toMatchObject({ value: 0, defaulted: true });
  });

  it('keeps parameters, NoEcho read from a string', () => {
    expect(val(byId(r, 'iac.parameter', 'ExternalId').hidden)).toBe(true);
    expect(byId(r, 'iac.parameter', 'CiAccountId').defaultValue).toMatchObject({ value: null, defaulted: true });
    expect(val(byId(r, 'iac.parameter', 'ExtraUsers').defaultValue)).toBe('carol,dave');
  });
});
