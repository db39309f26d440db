import type { Provenance } from '../../model/core/index.js';

/**
 * The engine's own input: what a network looks like, independent of the format it was read from. Any value may be
 * `{ unknown: why }` (a Terraform variable, a computed id); the engine then answers `unknown` for the questions that
 * depend on it, never a guess.
 */
export interface UnknownValue {
  readonly unknown: string;
}
export type Val<T> = T | UnknownValue;

export function isUnknown<T>(v: Val<T>): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'unknown' in (v as object);
}

export interface NetworkInput {
  readonly aws?: AwsInput;
  readonly azure?: AzureInput;
}

// ── AWS ────────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface AwsInput {
  readonly vpcs?: readonly AwsVpc[];
  readonly subnets?: readonly AwsSubnet[];
  readonly securityGroups?: readonly AwsSecurityGroup[];
  readonly networkAcls?: readonly AwsNetworkAcl[];
  readonly routeTables?: readonly AwsRouteTable[];
  readonly internetGateways?: readonly AwsInternetGateway[];
  readonly natGateways?: readonly AwsNatGateway[];
  readonly prefixLists?: readonly AwsPrefixList[];
  readonly interfaces?: readonly AwsInterface[];
}

export interface AwsVpc {
  readonly id: string;
  readonly cidrs: Val<readonly Val<string>[]>;
  /**
   * The inputs create this VPC (a template), so what AWS creates with it is known unless the inputs change it: a
   * default network ACL allowing all traffic and a main route table with only the local route. For exports of a live
   * account leave it unset: a missing table then means "not exported", and answers depending on it are unknown.
   */
  readonly createdByInputs?: boolean;
  readonly at?: Provenance;
}

export interface AwsSubnet {
  readonly id: string;
  readonly vpcId: Val<string>;
  readonly cidrs: Val<readonly Val<string>[]>;
  readonly at?: Provenance;
}

export interface AwsSecurityGroup {
  readonly id: string;
  readonly name?: string;
  readonly vpcId?: Val<string>;
  readonly ingress: readonly AwsSgRule[];
  readonly egress: readonly AwsSgRule[];
  readonly at?: Provenance;
}

export interface AwsSgRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1`/`all`, or a protocol number. */
  readonly protocol: Val<string | number>;
  /** TCP/UDP port range; for ICMP the type (`fromPort`) and code (`toPort`), -1 for all. Ignored for `-1`. */
  readonly fromPort?: Val<number> | null;
  readonly toPort?: Val<number> | null;
  readonly cidrs?: Val<readonly Val<string>[]>;
  readonly prefixListIds?: readonly Val<string>[];
  readonly groupIds?: readonly Val<string>[];
  readonly description?: string | null;
  /** The rule as users name it in messages; default `ingress[i]` / `egress[i]`. */
  readonly label?: string;
  readonly at?: Provenance;
}

export interface AwsNetworkAcl {
  readonly id: string;
  readonly vpcId: Val<string>;
  readonly isDefault: boolean;
  readonly subnetIds: readonly Val<string>[];
  readonly entries: readonly AwsNaclEntry[];
  readonly at?: Provenance;
}

export interface AwsNaclEntry {
  readonly ruleNumber: Val<number>;
  readonly egress: boolean;
  readonly protocol: Val<string | number>;
  readonly action: Val<string>;
  /** IPv4 or IPv6 CIDR. */
  readonly cidr: Val<string>;
  readonly fromPort?: Val<number> | null;
  readonly toPort?: Val<number> | null;
  readonly icmpType?: Val<number> | null;
  readonly icmpCode?: Val<number> | null;
  readonly at?: Provenance;
}

export type AwsRouteTarget =
  | 'internetGateway' | 'natGateway' | 'egressOnlyInternetGateway' | 'local' | 'peering' | 'transitGateway'
  | 'vpcEndpoint' | 'networkInterface' | 'instance' | 'other';

export interface AwsRouteTable {
  readonly id: string;
  readonly vpcId: Val<string>;
  readonly isMain: Val<boolean>;
  readonly subnetIds: readonly Val<string>[];
  readonly routes: readonly AwsRoute[];
  readonly at?: Provenance;
}

export interface AwsRoute {
  /** IPv4/IPv6 CIDR or a prefix list id. */
  readonly destination: Val<string>;
  readonly targetType: AwsRouteTarget;
  readonly targetId: Val<string>;
  /** How messages name the target when it differs from its id (a template's resource address). */
  readonly targetLabel?: string;
  /** `blackhole` when the target is gone (a detached gateway): the route drops traffic. */
  readonly state?: 'active' | 'blackhole';
  readonly at?: Provenance;
}

export interface AwsInternetGateway {
  readonly id: string;
  readonly vpcId: Val<string> | null;
  readonly at?: Provenance;
}

export interface AwsNatGateway {
  readonly id: string;
  readonly subnetId: Val<string>;
  readonly connectivity: Val<string>;
  readonly publicIps?: readonly string[];
  readonly at?: Provenance;
}

export interface AwsPrefixList {
  readonly id: string;
  readonly name?: string;
  readonly cidrs: Val<readonly Val<string>[]>;
  readonly at?: Provenance;
}

export interface AwsInterface {
  /** ENI id, or the instance's address when the interface is implicit. */
  readonly id: string;
  /** Other handles: instance id, resource address, name. */
  readonly aliases?: readonly string[];
  readonly subnetId: Val<string>;
  readonly privateIps: Val<readonly Val<string>[]>;
  readonly ipv6Ips?: Val<readonly Val<string>[]>;
  /** Whether the interface has a public IPv4 address (public IP or Elastic IP). */
  readonly hasPublicIp: Val<boolean>;
  readonly publicIps?: readonly string[];
  readonly securityGroupIds: Val<readonly Val<string>[]>;
  readonly at?: Provenance;
}

// ── Azure ──────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface AzureInput {
  readonly vnets?: readonly AzureVnet[];
  readonly subnets?: readonly AzureSubnetInput[];
  readonly nsgs?: readonly AzureNsg[];
  readonly asgs?: readonly AzureAsg[];
  readonly publicIps?: readonly AzurePublicIp[];
  readonly nics?: readonly AzureNic[];
}

export interface AzureVnet {
  readonly id: string;
  readonly addressSpace: Val<readonly Val<string>[]>;
  /** Peered virtual networks: their address spaces belong to the `VirtualNetwork` service tag too. */
  readonly peeredVnetIds?: readonly Val<string>[];
  readonly at?: Provenance;
}

export interface AzureSubnetInput {
  readonly id: string;
  readonly vnetId: Val<string>;
  readonly prefixes: Val<readonly Val<string>[]>;
  readonly nsgId: Val<string> | null;
  /** `false` for a private subnet (no default outbound access). */
  readonly defaultOutboundAccess?: Val<boolean>;
  readonly natGatewayId?: Val<string> | null;
  readonly at?: Provenance;
}

export interface AzureNsg {
  readonly id: string;
  readonly name?: string;
  readonly rules: readonly AzureNsgRule[];
  readonly at?: Provenance;
}

export interface AzureNsgRule {
  readonly name: Val<string>;
  readonly priority: Val<number>;
  readonly direction: Val<string>;
  readonly access: Val<string>;
  readonly protocol: Val<string>;
  readonly sourceAddressPrefix?: Val<string> | null;
  readonly sourceAddressPrefixes?: Val<readonly Val<string>[]> | null;
  readonly destinationAddressPrefix?: Val<string> | null;
  readonly destinationAddressPrefixes?: Val<readonly Val<string>[]> | null;
  readonly sourcePortRange?: Val<string> | null;
  readonly sourcePortRanges?: Val<readonly Val<string>[]> | null;
  readonly destinationPortRange?: Val<string> | null;
  readonly destinationPortRanges?: Val<readonly Val<string>[]> | null;
  readonly sourceAsgIds?: readonly Val<string>[];
  readonly destinationAsgIds?: readonly Val<string>[];
  readonly description?: string | null;
  readonly at?: Provenance;
}

export interface AzureAsg {
  readonly id: string;
  readonly name?: string;
}

export interface AzurePublicIp {
  readonly id: string;
  readonly name?: string;
  /** `Basic` or `Standard`. */
  readonly sku: Val<string>;
  readonly address?: Val<string> | null;
  /** `IPv4` (the default) or `IPv6`: which internet clients the address can receive. */
  readonly version?: Val<string>;
}

export interface AzureNic {
  readonly id: string;
  readonly name?: string;
  /** Other handles: the VM's id and name, the resource address. */
  readonly aliases?: readonly string[];
  readonly nsgId: Val<string> | null;
  readonly ipConfigs: readonly AzureIpConfig[];
  readonly at?: Provenance;
}

export interface AzureIpConfig {
  readonly name?: string;
  readonly subnetId: Val<string>;
  readonly privateIp: Val<string | null>;
  readonly publicIpId: Val<string> | null;
  readonly asgIds: readonly Val<string>[];
  readonly at?: Provenance;
}

// ── Queries and answers ────────────────────────────────────────────────────────────────────────────────────────────

/** `internet`, an IP or CIDR, or a handle (interface id, instance id, VM or NIC name or id, resource address). */
export type Endpoint = 'internet' | { readonly address: string } | { readonly handle: string };

export type QueryProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'any';

export interface ReachQuery {
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** Destination port; for ICMP the ICMP type. */
  readonly port: number;
  readonly protocol: QueryProtocol;
}

export type Verdict = 'reachable' | 'blocked' | 'unknown';

export type LayerKind =
  | 'security-group' | 'network-acl' | 'route-table' | 'internet-gateway' | 'nat-gateway' | 'public-ip' | 'nsg'
  | 'interface' | 'subnet' | 'network' | 'internet' | 'address';

export interface RuleRef {
  readonly kind: LayerKind;
  readonly id: string;
  /** The rule that decided, as users name it (`ingress[0]`, `#100`, `AllowSsh`, `0.0.0.0/0 → igw-1`); null for a layer. */
  readonly rule: string | null;
}

export interface PathStep extends RuleRef {
  readonly decision: 'allow' | 'deny' | 'unknown';
  readonly note?: string;
}

export interface ReachResult {
  readonly verdict: Verdict;
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  readonly port: number;
  readonly path: readonly PathStep[];
  readonly blockedBy: readonly RuleRef[];
  readonly reasons: readonly string[];
}

/** One interface, protocol and port range that traffic from the internet can (or, for `blocked`, only a rule would) reach. */
export interface ExposureRow {
  readonly interface: string;
  readonly resource: string;
  readonly provider: 'aws' | 'azure';
  /** Public addresses it is reached at, when known. */
  readonly addresses: readonly string[];
  readonly protocol: string;
  /** Port ranges (`22`, `8000-8080`); ICMP types for ICMP; empty for protocols without ports. */
  readonly ports: readonly string[];
  /** Internet source ranges that get through (`0.0.0.0/0` / `::/0`: any internet address of that family). */
  readonly from: readonly string[];
  /** Internet ranges excluded from `from` (denied by an ACL or NSG rule), when shorter to say that way. */
  readonly except?: readonly string[];
  /** The rules and path elements that let it through. */
  readonly via: readonly RuleRef[];
  /** The same, port range by port range (different ranges may be let through by different rules). */
  readonly viaByPorts?: readonly { readonly ports: string; readonly via: readonly RuleRef[] }[];
  readonly verdict: Verdict;
  /** For `blocked` rows: what stops the traffic the rule lets in. */
  readonly blockedBy: readonly RuleRef[];
  readonly reasons: readonly string[];
}

/** Traffic a rule question is about: one transport protocol and, optionally, some destination ports. */
export interface TrafficFocus {
  readonly protocol: 'tcp' | 'udp';
  /** Inclusive `[from, to]` port ranges; omitted: every port. */
  readonly ports?: readonly (readonly [number, number])[];
}

/**
 * One interface and protocol a rule applies to: does internet traffic the rule lets through (inbound: from internet
 * sources; outbound: to internet destinations) get along the rest of the path?
 */
export interface RuleReachRow {
  readonly interface: string;
  readonly resource: string;
  readonly provider: 'aws' | 'azure';
  readonly protocol: string;
  /** `reachable`: some of that traffic certainly gets through; `unknown`: it may; `blocked`: none of it can. */
  readonly verdict: Verdict;
  /** Ports of the traffic the verdict is about: what gets (or may get) through; for `blocked`, what the rule lets in. */
  readonly ports: readonly string[];
  /** Ports of the internet traffic the rule itself lets in (may let in, where that is not known), within the focus. */
  readonly admitted: readonly string[];
  /** Internet peers of that traffic (sources inbound, destinations outbound); `0.0.0.0/0` / `::/0`: any. */
  readonly peers: readonly string[];
  readonly except?: readonly string[];
  /** One representative flow, level by level, the rule itself at its level. */
  readonly path: readonly PathStep[];
  readonly blockedBy: readonly RuleRef[];
  readonly reasons: readonly string[];
}

/** What one security group or NSG rule lets through from (or to) the internet, interface by interface. */
export interface RuleReach {
  readonly rule: RuleRef;
  readonly direction: 'inbound' | 'outbound' | 'unknown';
  /** The group or NSG and the rule are in the inputs. */
  readonly found: boolean;
  /** Interfaces the group or NSG certainly applies to. */
  readonly interfaces: readonly string[];
  /** Interfaces it may apply to: their groups, or their subnet's or NIC's NSG, are not known. */
  readonly maybeInterfaces: readonly string[];
  /** Interfaces it applies to where the rule lets none of the asked traffic through (its own-side address or ASG does not match, or earlier rules take it all). */
  readonly unmatched: readonly string[];
  readonly rows: readonly RuleReachRow[];
}

export type NetworkDiagnosticCode =
  | 'malformed-cidr' | 'host-bits-set' | 'bad-port' | 'bad-protocol' | 'bad-value' | 'missing-reference'
  | 'singular-and-plural' | 'bad-priority' | 'duplicate-priority';

export interface NetworkDiagnostic {
  readonly code: NetworkDiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Where the offending rule or resource was written, when the input says. */
  readonly at?: Provenance;
  /** Path inside the engine input: `aws.securityGroups[sg-1].ingress[2].cidrs[0]`. */
  readonly path: string;
}

// ── Rule analyses ──────────────────────────────────────────────────────────────────────────────────────────────────

/** An NSG rule no traffic ever reaches: higher-priority rules of the same direction cover everything it matches. */
export interface ShadowedRule {
  readonly nsg: string;
  readonly rule: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly priority: number;
  readonly access: 'Allow' | 'Deny';
  /** Higher-priority rules that overlap it. */
  readonly shadowedBy: readonly string[];
  /** A shadowing rule has the opposite access: the rule's intent is overridden, not merely duplicated. */
  readonly conflicting: boolean;
  readonly at?: Provenance;
}

/** A security group rule that allows nothing the group's other rules do not already allow. */
export interface RedundantRule {
  readonly group: string;
  readonly rule: string;
  readonly direction: 'ingress' | 'egress';
  readonly coveredBy: readonly string[];
  readonly at?: Provenance;
}

/** An NSG rule whose direction contradicts its name, or whose addresses can only make sense in the other direction. */
export interface DirectionMismatch {
  readonly nsg: string;
  readonly rule: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly intended: 'Inbound' | 'Outbound';
  readonly reason: 'name' | 'addresses';
  readonly detail: string;
  readonly at?: Provenance;
}

/** A rule listing individual addresses of interfaces that share a security group or ASG: a reference would do. */
export interface GroupSuggestion {
  readonly provider: 'aws' | 'azure';
  /** Security group or NSG id. */
  readonly container: string;
  readonly rule: string;
  readonly side: 'source' | 'destination';
  readonly addresses: readonly string[];
  readonly interfaces: readonly string[];
  /** Groups (AWS) or ASGs (Azure) every one of those interfaces is in; empty: none yet, create one. */
  readonly suggest: readonly string[];
  readonly at?: Provenance;
}
