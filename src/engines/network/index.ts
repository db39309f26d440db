export { NetworkEngine } from './engine.js';
export type { EndpointError } from './engine.js';
export * from './types.js';
export { IpSet } from './sets/ip-set.js';
export { parseAddress, parseCidr, formatAddress } from './sets/address.js';
export { INTERNET, NON_PUBLIC } from './sets/well-known.js';
