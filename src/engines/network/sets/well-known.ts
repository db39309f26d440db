import { IpSet } from './ip-set.js';

/**
 * Address space that is not reachable from the public internet: "this network", RFC 1918 private ranges, shared
 * address space (RFC 6598), loopback, link-local, multicast and reserved IPv4; and for IPv6 everything outside global
 * unicast 2000::/3. Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are deliberately kept as
 * "internet": AWS and Microsoft documentation use them to stand for public client addresses.
 */
export const NON_PUBLIC = IpSet.parse(
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16',
  '224.0.0.0/3',
).union(IpSet.ALL_V6.subtract(IpSet.parse('2000::/3')));

/** Every address a packet from the public internet can carry as its source. */
export const INTERNET = IpSet.ALL.subtract(NON_PUBLIC);

/** The address Azure load balancer health probes and platform services use (the `AzureLoadBalancer` service tag). */
export const AZURE_PLATFORM = IpSet.parse('168.63.129.16/32');
