import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../../model/index.js';
import { known, pos, unknown } from '../../../model/index.js';
import { ADMIN_PORTS, DATABASE_PORTS, describeRange, isInternetCidr, protocolCovers, rangeCovers, rangeIsAllPorts, ruleFromInternet, rulePorts } from './network.js';

const at = pos('sg.yaml', 3, 7);
function rule(protocol: string, from: number, to: number, v4: string[] = [], v6: string[] = []): SecurityGroupRule {
  return {
    direction: 'ingress', protocol: known(protocol, at), fromPort: known(from, at), toPort: known(to, at),
    ipv4Ranges: known(v4, at), ipv6Ranges: known(v6, at), prefixLists: [], groups: [], description: known(null, at), at,
  };
}

describe('isInternetCidr', () => {
  it('is true for /0 of either family only', () => {
    expect(isInternetCidr('0.0.0.0/0')).toBe(true);
    expect(isInternetCidr('::/0')).toBe(true);
    expect(isInternetCidr('10.0.0.0/8')).toBe(false);
    expect(isInternetCidr('0.0.0.0/1')).toBe(false);
    expect(isInternetCidr('203.0.113.10/32')).toBe(false);
    expect(isInternetCidr('0.0.0.0')).toBe(false);
  });
});

describe('protocols and ranges', () => {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html: -1 means all protocols and ports.
  it('-1 covers every protocol and port', () => {
    expect(protocolCovers('-1', 'tcp')).toBe(true);
    expect(protocolCovers('all', 'udp')).toBe(true);
    expect(rangeCovers('-1', -1, -1, 22)).toBe(true);
    expect(rangeCovers('-1', 0, 0, 22)).toBe(true);
  });
  it('numbers and names mean the same protocol', () => {
    expect(protocolCovers('6', 'tcp')).toBe(true);
    expect(protocolCovers('TCP', 'tcp')).toBe(true);
    expect(protocolCovers('17', 'tcp')).toBe(false);
    expect(protocolCovers('icmp', 'tcp')).toBe(false);
  });
  it('ranges are inclusive', () => {
    expect(rangeCovers('tcp', 20, 22, 22)).toBe(true);
    expect(rangeCovers('tcp', 23, 3389, 22)).toBe(false);
  });
  it('all ports', () => {
    expect(rangeIsAllPorts('-1', 0, 0)).toBe(true);
    expect(rangeIsAllPorts('tcp', 0, 65535)).toBe(true);
    expect(rangeIsAllPorts('tcp', 1, 65535)).toBe(true);
    expect(rangeIsAllPorts('tcp', 1024, 65535)).toBe(false);
    expect(rangeIsAllPorts('icmp', -1, -1)).toBe(false);
  });
});

describe('ruleFromInternet / rulePorts', () => {
  it('finds the internet in either address family', () => {
    expect(ruleFromInternet(rule('tcp', 22, 22, ['10.0.0.0/8', '0.0.0.0/0'])).open).toBe(true);
    expect(ruleFromInternet(rule('tcp', 22, 22, [], ['::/0'])).cidrs).toEqual(['::/0']);
    expect(ruleFromInternet(rule('tcp', 22, 22, ['10.0.0.0/8'])).open).toBe(false);
  });
  it('is unknown when the ranges are', () => {
    const r = { ...rule('tcp', 22, 22), ipv4Ranges: unknown(at, '`var.cidr` has no value') };
    expect(ruleFromInternet(r).open).toBe('unknown');
  });
  it('lists the ports a rule opens', () => {
    expect(rulePorts(rule('tcp', 0, 65535), ADMIN_PORTS)).toEqual({ labels: ['SSH (22)', 'RDP (3389)'] });
    expect(rulePorts(rule('udp', 3389, 3389), ADMIN_PORTS)).toEqual({ labels: ['RDP (3389)'] });
    expect(rulePorts(rule('udp', 22, 22), ADMIN_PORTS)).toEqual({ labels: [] });
    expect(rulePorts(rule('tcp', 5432, 5432), DATABASE_PORTS)).toEqual({ labels: ['PostgreSQL (5432)'] });
    expect(rulePorts(rule('-1', -1, -1), ADMIN_PORTS)).toEqual({ labels: ['SSH (22)', 'RDP (3389)'] });
  });
  it('describes ranges', () => {
    const r = rule('tcp', 22, 22);
    expect(describeRange(r.protocol, r.fromPort, r.toPort)).toBe('tcp 22');
    const all = rule('-1', 0, 0);
    expect(describeRange(all.protocol, all.fromPort, all.toPort)).toBe('all traffic');
  });
});
