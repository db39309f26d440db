import { describe, expect, it } from 'vitest';
import { loadEstate } from '../load-estate.js';
import { exposureQuery } from './exposure.js';
import { parseEndpoint, reachQuery } from './reach.js';

describe('reach and exposure queries', async () => {
  const { estate } = await loadEstate(['src/loaders/aws-cli/__fixtures__/estate']);

  it('reads endpoints: internet, addresses, CIDRs, handles', () => {
    expect(parseEndpoint('Internet')).toBe('internet');
    expect(parseEndpoint('10.0.1.10')).toEqual({ address: '10.0.1.10' });
    expect(parseEndpoint('2001:db8::/32')).toEqual({ address: '2001:db8::/32' });
    expect(parseEndpoint('i-0web')).toEqual({ handle: 'i-0web' });
    expect(parseEndpoint('aws_instance.web')).toEqual({ handle: 'aws_instance.web' });
    expect(parseEndpoint('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm')).toMatchObject({ handle: expect.any(String) });
  });

  it('answers reach in the documented shape, with what blocks it', () => {
    const out = reachQuery(estate, { from: '203.0.113.9', to: 'i-0web', port: 22, protocol: 'tcp' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Object.keys(out.result)).toEqual(['verdict', 'path', 'blockedBy', 'reasons']);
    expect(out.result.verdict).toBe('blocked');
    expect(out.result.blockedBy).toEqual([{ kind: 'network-acl', id: 'acl-0default', rule: 'inbound #90' }]);
  });

  it('says which endpoint it cannot read', () => {
    const out = reachQuery(estate, { from: 'internet', to: 'i-nope', port: 22, protocol: 'tcp' });
    expect(out.ok ? '' : out.error.code).toBe('bad-endpoint');
  });

  it('lists exposures by resource in the documented shape', () => {
    const e = exposureQuery(estate).result.exposures;
    expect(e.map((x) => `${x.resource} ${x.protocol} ${x.ports.join(',')}`)).toEqual(['eni-0rds tcp 3306', 'i-0web tcp 22', 'i-0web tcp 443']);
    expect(e[1]).toMatchObject({ from: ['0.0.0.0/0'], except: ['203.0.113.0/24'], verdict: 'reachable' });
    expect(e[1]!.via[0]).toEqual({ kind: 'security-group', id: 'sg-0web', rule: 'ingress[0]' });
  });
});
