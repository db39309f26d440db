import { describe, expect, it } from 'vitest';
import { formatIPv6, parseCidr, parseIPv4, parseIPv6 } from './address.js';
import { IpSet } from './ip-set.js';
import { PortMap, parseProtocol } from './ports.js';
import { INTERNET } from './well-known.js';

describe('address parsing is strict', () => {
  it('reads dotted decimal', () => {
    expect(parseIPv4('10.0.1.255')).toEqual({ ok: true, value: 10 * 2 ** 24 + 1 * 256 + 255 });
  });
  it.each(['010.0.0.1', '1.2.3', '1.2.3.4.5', '256.0.0.1', '1.2.3.-1', '0x7f.0.0.1', ' 1.2.3.4', '1.2.3.4 '])('rejects %s', (s) => {
    expect(parseCidr(s).ok).toBe(false);
  });
  it('reads IPv6 with compression and an embedded IPv4 tail', () => {
    const a = parseIPv6('2001:db8::1');
    expect(a.ok && formatIPv6(a.value)).toBe('2001:db8::1');
    const b = parseIPv6('::ffff:10.0.0.1');
    expect(b.ok && formatIPv6(b.value)).toBe('::ffff:a00:1');
    expect(parseIPv6('1::2::3').ok).toBe(false);
    expect(parseIPv6('fe80::1%eth0').ok).toBe(false);
    expect(parseIPv6('12345::').ok).toBe(false);
  });
  it('flags host bits and rejects bad prefixes', () => {
    const r = parseCidr('10.0.0.5/24');
    expect(r.ok && r.value.hostBitsSet).toBe(true);
    expect(r.ok && IpSet.fromCidr(r.value).toCidrs()).toEqual(['10.0.0.0/24']);
    expect(parseCidr('10.0.0.0/33').ok).toBe(false);
    expect(parseCidr('10.0.0.0/08').ok).toBe(false);
    expect(parseCidr('::/129').ok).toBe(false);
  });
});

describe('IpSet algebra', () => {
  it('unions, intersects and subtracts as sets', () => {
    const a = IpSet.parse('10.0.0.0/24');
    const b = IpSet.parse('10.0.0.128/25', '10.0.1.0/24');
    expect(a.union(b).toCidrs()).toEqual(['10.0.0.0/23']);
    expect(a.intersect(b).toCidrs()).toEqual(['10.0.0.128/25']);
    expect(a.subtract(b).toCidrs()).toEqual(['10.0.0.0/25']);
    expect(IpSet.parse('10.0.0.0/8').covers(a)).toBe(true);
    expect(a.covers(IpSet.parse('10.0.0.0/8'))).toBe(false);
  });
  it('splits a hole into minimal CIDRs', () => {
    expect(IpSet.parse('0.0.0.0/0').subtract(IpSet.parse('128.0.0.0/1')).toCidrs()).toEqual(['0.0.0.0/1']);
    expect(IpSet.parse('10.0.0.0/30').subtract(IpSet.parse('10.0.0.1/32')).toCidrs()).toEqual(['10.0.0.0/32', '10.0.0.2/31']);
  });
  it('keeps IPv4 and IPv6 apart', () => {
    const s = IpSet.parse('0.0.0.0/0');
    expect(s.overlaps(IpSet.parse('::/0'))).toBe(false);
    expect(IpSet.parse('2001:db8::/32').subtract(IpSet.parse('2001:db8::/33')).toCidrs()).toEqual(['2001:db8:8000::/33']);
  });
  it('treats private ranges as not internet', () => {
    expect(INTERNET.overlaps(IpSet.parse('10.0.0.0/8'))).toBe(false);
    expect(INTERNET.covers(IpSet.parse('203.0.113.0/24'))).toBe(true);
    expect(INTERNET.covers(IpSet.parse('2600::/16'))).toBe(true);
    expect(INTERNET.overlaps(IpSet.parse('fd00::/8'))).toBe(false);
  });
});

describe('ports and protocols', () => {
  it('reads protocol names and numbers', () => {
    expect(parseProtocol('tcp')).toEqual([6, 6]);
    expect(parseProtocol('Udp')).toEqual([17, 17]);
    expect(parseProtocol('-1')).toEqual([0, 256]);
    expect(parseProtocol('*')).toEqual([0, 256]);
    expect(parseProtocol('300')).toBeUndefined();
    expect(parseProtocol('06')).toBeUndefined();
  });
  it('combines port maps piecewise', () => {
    const a = PortMap.of([22, 22], 1, 0);
    const b = PortMap.of([20, 30], 2, 0);
    const c = PortMap.combine(a, b, (x, y) => x + y, (x, y) => x === y);
    expect(c.pieces()).toEqual([[0, 19, 0], [20, 21, 2], [22, 22, 3], [23, 30, 2], [31, 65535, 0]]);
    expect(c.at(22)).toBe(3);
    expect(c.at(65535)).toBe(0);
  });
});
