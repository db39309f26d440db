import { describe, expect, it } from 'vitest';
import { NetworkEngine } from './engine.js';
import type { AwsInput, NetworkInput, ReachResult } from './types.js';

function vpc(n: number, extra: Partial<AwsInput> = {}): AwsInput {
  const v = `vpc-${n}`;
  return {
    vpcs: [{ id: v, cidrs: [`10.${n}.0.0/16`] }],
    subnets: [{ id: `subnet-${n}`, vpcId: v, cidrs: [`10.${n}.1.0/24`] }],
    internetGateways: [{ id: `igw-${n}`, vpcId: v }],
    routeTables: [{
      id: `rtb-${n}`, vpcId: v, isMain: true, subnetIds: [], routes: [
        { destination: `10.${n}.0.0/16`, targetType: 'local', targetId: 'local' },
        { destination: '0.0.0.0/0', targetType: 'internetGateway', targetId: `igw-${n}` },
      ],
    }],
    networkAcls: [{
      id: `acl-${n}`, vpcId: v, isDefault: true, subnetIds: [`subnet-${n}`], entries: [
        { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
        { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      ],
    }],
    securityGroups: [{
      id: `sg-${n}`, vpcId: v,
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] }, { protocol: 'udp', fromPort: 53, toPort: 53, cidrs: ['10.0.0.0/8'] }],
      egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }],
    }],
    interfaces: [{
      id: `eni-${n}`, aliases: [`i-${n}`], subnetId: `subnet-${n}`, privateIps: [`10.${n}.1.10`], hasPublicIp: true,
      publicIps: [`54.0.0.${n}`], securityGroupIds: [`sg-${n}`],
    }],
    ...extra,
  };
}

function merge(...parts: AwsInput[]): NetworkInput {
  const out: Record<string, unknown[]> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p)) out[k] = [...(out[k] ?? []), ...(v as unknown[])];
  return { aws: out as AwsInput };
}

function ok(r: ReturnType<NetworkEngine['reach']>): ReachResult {
  if ('code' in r) throw new Error(r.message);
  return r;
}

describe('reach across networks', () => {
  it('between unpeered VPCs, traffic goes over the internet between public addresses', () => {
    const e = NetworkEngine.compile(merge(vpc(1), vpc(2)));
    const r = ok(e.reach({ from: { handle: 'i-1' }, to: { handle: 'i-2' }, port: 443, protocol: 'tcp' }));
    expect(r.verdict).toBe('reachable');
    expect(r.reasons[0]).toContain('over the internet');
    // Port 53/udp is only open to 10.0.0.0/8, which the other VPC's public address is not in.
    expect(ok(e.reach({ from: { handle: 'i-1' }, to: { handle: 'i-2' }, port: 53, protocol: 'udp' })).verdict).toBe('blocked');
  });

  it('through a peering connection routed both ways, traffic stays private', () => {
    const a = vpc(1);
    const b = vpc(2);
    const peer = (t: AwsInput, cidr: string) => ({
      ...t, routeTables: t.routeTables?.map((rt) => ({ ...rt, routes: [...rt.routes, { destination: cidr, targetType: 'peering' as const, targetId: 'pcx-1' }] })),
    });
    const e = NetworkEngine.compile(merge(peer(a, '10.2.0.0/16'), peer(b, '10.1.0.0/16')));
    const r = ok(e.reach({ from: { handle: 'i-1' }, to: { handle: 'i-2' }, port: 53, protocol: 'udp' }));
    expect(r.verdict).toBe('reachable');
    expect(r.path.some((s) => s.kind === 'route-table' && s.rule === '10.2.0.0/16 → pcx-1')).toBe(true);
  });

  it('protocol any answers for the protocol that gets through', () => {
    const e = NetworkEngine.compile(merge(vpc(1), vpc(2)));
    const r = ok(e.reach({ from: { address: '10.1.1.99' }, to: { handle: 'i-1' }, port: 53, protocol: 'any' }));
    expect(r.reasons[0]).toContain('udp');
  });

  it('reports usage errors as values, never exceptions', () => {
    const e = NetworkEngine.compile(merge(vpc(1)));
    const bad = e.reach({ from: { address: '10.0.0.300' }, to: { handle: 'i-1' }, port: 22, protocol: 'tcp' });
    expect('code' in bad && bad.code).toBe('bad-endpoint');
    const sets = e.reach({ from: 'internet', to: { address: '198.51.100.0/24' }, port: 22, protocol: 'tcp' });
    expect('code' in sets && sets.code).toBe('unsupported-query');
    const port = e.reach({ from: 'internet', to: { handle: 'i-1' }, port: 70000, protocol: 'tcp' });
    expect('code' in port && port.code).toBe('bad-endpoint');
  });
});

describe('egress analysis', () => {
  it('reports unrestricted egress through the internet gateway', () => {
    const e = NetworkEngine.compile(merge(vpc(1)));
    const rows = e.egressAnalysis().filter((r) => r.verdict === 'reachable');
    expect(rows.some((r) => r.protocol === 'all' || (r.protocol === 'tcp' && r.ports[0] === '0-65535'))).toBe(true);
  });
});

describe('inputs with unknowns', () => {
  it('an unknown security group list leaves exposure unknown, not empty', () => {
    const base = vpc(1);
    const e = NetworkEngine.compile(merge({ ...base, interfaces: [{ ...base.interfaces![0]!, securityGroupIds: { unknown: 'var.sgs' } }] }));
    const rows = e.exposure();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.verdict === 'unknown')).toBe(true);
  });
});
