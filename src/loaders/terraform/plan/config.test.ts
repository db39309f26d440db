import { describe, expect, it } from 'vitest';
import { groupReferences, parseReference, parseResourceAddress, parseTraversal } from './address.js';
import { PlanConfig, RefResolver } from './config.js';

// Address and reference syntax: https://developer.hashicorp.com/terraform/cli/state/resource-addressing
describe('addresses and references', () => {
  it('parses instance addresses with module and instance keys as written', () => {
    expect(parseResourceAddress('module.net["eu.west"].module.sub[0].data.aws_iam_policy_document.p["a\\"b"]')).toEqual({
      modules: [{ name: 'net', key: 'eu.west' }, { name: 'sub', key: 0 }],
      mode: 'data', type: 'aws_iam_policy_document', name: 'p', key: 'a"b',
    });
    expect(parseResourceAddress('aws_s3_bucket.b')).toEqual({ modules: [], mode: 'managed', type: 'aws_s3_bucket', name: 'b' });
    expect(parseResourceAddress('aws_s3_bucket.b.id')).toBeNull();
    expect(parseResourceAddress('module.x')).toBeNull();
    expect(parseTraversal('aws_instance.x[*].id')).toEqual([{ t: 'name', name: 'aws_instance' }, { t: 'name', name: 'x' }, { t: 'splat' }, { t: 'name', name: 'id' }]);
    expect(parseTraversal('a[1.5]')).toBeNull();
    expect(parseTraversal('a["unterminated]')).toBeNull();
  });

  it('reads what a reference points at', () => {
    expect(parseReference('var.sg_id')).toEqual({ t: 'var', name: 'sg_id' });
    expect(parseReference('module.net[0].sg_id')).toEqual({ t: 'module', call: 'net', key: 0, output: 'sg_id' });
    expect(parseReference('data.aws_vpc.main.id')).toEqual({ t: 'resource', mode: 'data', type: 'aws_vpc', name: 'main' });
    expect(parseReference('each.value.id')).toEqual({ t: 'other' });
    expect(parseReference('local.x')).toEqual({ t: 'other' });
  });

  it('groups the unwrapped forms Terraform lists back into the references written', () => {
    // `[aws_instance.a[0].id, aws_instance.a[1].id, var.x]`
    expect(groupReferences(['aws_instance.a[0].id', 'aws_instance.a[0]', 'aws_instance.a', 'aws_instance.a[1].id', 'aws_instance.a[1]', 'aws_instance.a', 'var.x']))
      .toEqual(['aws_instance.a[0].id', 'aws_instance.a[1].id', 'var.x']);
    // A prefix must end at a step boundary: `aws_sg.a` does not belong to `aws_sg.ab`.
    expect(groupReferences(['aws_sg.ab.id', 'aws_sg.ab', 'aws_sg.a.id', 'aws_sg.a'])).toEqual(['aws_sg.ab.id', 'aws_sg.a.id']);
  });
});

describe('RefResolver', () => {
  const config = new PlanConfig({
    root_module: {
      resources: [
        { address: 'aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a', count_expression: { constant_value: 2 }, expressions: {} },
        { address: 'aws_vpc.v', mode: 'managed', type: 'aws_vpc', name: 'v', expressions: {} },
      ],
      module_calls: {
        net: {
          source: './net',
          count_expression: { constant_value: 2 },
          expressions: { vpc_id: { references: ['aws_vpc.v.id', 'aws_vpc.v'] } },
          module: { outputs: { sg: { expression: { references: ['aws_security_group.s.id', 'aws_security_group.s'] } } }, resources: [] },
        },
      },
    },
  });
  const r = new RefResolver(config);
  r.addInstance([], 'aws_subnet.a', { key: 'k::aws_subnet.a[0]', index: 0 });
  r.addInstance([], 'aws_subnet.a', { key: 'k::aws_subnet.a[1]', index: 1 });
  r.addInstance([], 'aws_vpc.v', { key: 'k::aws_vpc.v' });
  r.addInstance([{ name: 'net', key: 0 }], 'aws_security_group.s', { key: 'k::module.net[0].aws_security_group.s' });
  r.addInstance([{ name: 'net', key: 1 }], 'aws_security_group.s', { key: 'k::module.net[1].aws_security_group.s' });

  const resolve = (refs: string[], mods = [] as { name: string; key?: number }[], self?: { index?: number }) =>
    r.resolveExpression({ references: refs }, mods, self);

  it('leaves a counted resource without an index unresolved, and resolves an indexed one', () => {
    expect(resolve(['aws_subnet.a'])).toEqual([[]]);
    expect(resolve(['aws_subnet.a[1].id', 'aws_subnet.a[1]', 'aws_subnet.a'])).toEqual([['k::aws_subnet.a[1]']]);
    expect(resolve(['aws_vpc.v.id', 'aws_vpc.v'])).toEqual([['k::aws_vpc.v']]);
  });

  it('resolves `resource[count.index]` with the referrer\'s own index only', () => {
    expect(resolve(['aws_subnet.a', 'count.index'], [], { index: 1 })).toEqual([['k::aws_subnet.a[1]']]);
    expect(resolve(['aws_subnet.a', 'count.index'])).toEqual([[], []]);
  });

  it('follows module inputs up and outputs down, needing an index for a counted module', () => {
    expect(resolve(['var.vpc_id'], [{ name: 'net', key: 1 }])).toEqual([['k::aws_vpc.v']]);
    expect(resolve(['module.net[1].sg', 'module.net[1]', 'module.net'])).toEqual([['k::module.net[1].aws_security_group.s']]);
    expect(resolve(['module.net.sg', 'module.net'])).toEqual([[]]);
    // A root variable is given from outside: no resource.
    expect(resolve(['var.vpc_id'])).toEqual([[]]);
  });
});
