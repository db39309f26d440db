import { describe, expect, it } from 'vitest';
import type { NetworkRow } from '../../kit/services/network.js';
import { ADMIN, broadSources, concernsIn, opensAllPorts, wholeInternet } from './exposure.js';

const row = (over: Partial<NetworkRow>): NetworkRow => ({
  interface: 'eni-1', resource: 'i-1', provider: 'aws', addresses: [], protocol: 'tcp', ports: ['22'], from: ['0.0.0.0/0'],
  via: [], verdict: 'reachable', blockedBy: [], reasons: [], resourceKeys: ['i-1'], ...over,
});

describe('exposure helpers', () => {
  it('matches concerns by protocol and port range; all protocols match everything', () => {
    expect(concernsIn(row({ ports: ['20-23', '5985-5986'] }), ADMIN).map((c) => c.port)).toEqual([22, 5985, 5986]);
    expect(concernsIn(row({ protocol: 'udp', ports: ['3389'] }), ADMIN).map((c) => c.port)).toEqual([3389]);
    expect(concernsIn(row({ protocol: 'udp', ports: ['22'] }), ADMIN)).toEqual([]);
    expect(concernsIn(row({ protocol: 'all', ports: [] }), ADMIN)).toHaveLength(ADMIN.length);
    expect(concernsIn(row({ protocol: 'icmp', ports: ['8'] }), ADMIN)).toEqual([]);
  });

  it('counts 1-65535 as every port, not a wide range short of it', () => {
    expect(opensAllPorts(row({ ports: ['0-65535'] }))).toBe(true);
    expect(opensAllPorts(row({ ports: ['1-65535'] }))).toBe(true);
    expect(opensAllPorts(row({ ports: ['1024-65535'] }))).toBe(false);
    expect(opensAllPorts(row({ protocol: 'all', ports: [] }))).toBe(true);
  });

  it('counts sources as the internet from half of an address family up, not a partner\'s range', () => {
    expect(broadSources({ from: ['0.0.0.0/0'] })).toBe(true);
    expect(broadSources({ from: ['0.0.0.0/0'], except: ['203.0.113.0/24', '1.0.0.0/8'] })).toBe(true);
    expect(broadSources({ from: ['0.0.0.0/1', '128.0.0.0/1'] })).toBe(true);
    expect(broadSources({ from: ['0.0.0.0/1'] })).toBe(true);
    expect(broadSources({ from: ['0.0.0.0/2', '64.0.0.0/3'] })).toBe(false);
    expect(broadSources({ from: ['0.0.0.0/0'], except: ['0.0.0.0/1', '128.0.0.0/2'] })).toBe(false);
    expect(broadSources({ from: ['198.51.100.0/24'] })).toBe(false);
    expect(broadSources({ from: ['::/0'] })).toBe(true);
    expect(broadSources({ from: ['2001:db8::/32'] })).toBe(false);
  });

  it('tells the whole internet from a part of it', () => {
    expect(wholeInternet(row({ from: ['0.0.0.0/0', '::/0'] }))).toBe(true);
    expect(wholeInternet(row({ from: ['0.0.0.0/0'], except: ['203.0.113.0/24'] }))).toBe(false);
    expect(wholeInternet(row({ from: ['198.51.100.0/24'] }))).toBe(false);
  });
});
