import { describe, expect, it } from 'vitest';
import { filePos } from '../../../model/core/index.js';
import type { TfResourceInstance } from '../types.js';
import { ADAPTED_TYPES, ADAPTER_GROUPS, adaptTerraform } from './index.js';

describe('adaptTerraform', () => {
  it('maps each Terraform type in exactly one service module', () => {
    const types = ADAPTER_GROUPS.flatMap((g) => Object.keys(g));
    expect(types.filter((t, i) => types.indexOf(t) !== i)).toEqual([]);
    expect(ADAPTED_TYPES).toEqual(expect.arrayContaining(['aws_security_group', 'aws_vpc_security_group_ingress_rule', 'azurerm_network_security_rule', 'azurerm_role_assignment']));
  });

  it('ignores data sources and unknown types, and turns values of the wrong shape into unknowns, not errors', () => {
    const at = filePos('p.json');
    const inst = (type: string, mode: 'managed' | 'data', fields: [string, TfResourceInstance['values']['fields'] extends ReadonlyMap<string, infer V> ? V : never][]): TfResourceInstance => ({
      mode, type, name: 'x', address: `${type}.x`, key: `p::${type}.x`, at, values: { t: 'object', fields: new Map(fields), at },
    });
    const r = adaptTerraform([
      inst('aws_s3_bucket', 'data', [['bucket', { t: 'string', v: 'b', at }]]),
      inst('google_storage_bucket', 'managed', []),
      // Hostile shapes: a list where a string belongs, a number where a block belongs.
      inst('aws_security_group', 'managed', [['name', { t: 'list', items: [], at }], ['ingress', { t: 'number', v: 3, at }]]),
    ], []);
    expect(r.diagnostics).toEqual([]);
    expect(r.resources).toHaveLength(1);
    const sg = r.resources[0];
    expect(sg?.kind).toBe('aws.ec2.securityGroup');
    expect(sg?.kind === 'aws.ec2.securityGroup' && [sg.name.known, sg.ingress]).toEqual([false, []]);
  });
});
