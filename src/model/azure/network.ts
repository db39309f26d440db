import type { Attr, Link, Provenance, ResourceBase } from '../core/index.js';

export interface NsgRule {
  readonly name: Attr<string>;
  readonly priority: Attr<number>;
  readonly direction: Attr<'Inbound' | 'Outbound'>;
  readonly access: Attr<'Allow' | 'Deny'>;
  /** `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`, `*`. */
  readonly protocol: Attr<string>;
  /** Prefixes or service tags (`Internet`, `VirtualNetwork`, `*` …); singular and plural fields merged. */
  readonly sourcePrefixes: Attr<readonly string[]>;
  readonly destinationPrefixes: Attr<readonly string[]>;
  readonly sourcePorts: Attr<readonly string[]>;
  readonly destinationPorts: Attr<readonly string[]>;
  readonly sourceAsgs: readonly Link[];
  readonly destinationAsgs: readonly Link[];
  readonly description: Attr<string | null>;
  readonly at: Provenance;
}

export interface NetworkSecurityGroup extends ResourceBase<'azure.network.nsg'> {
  readonly name: Attr<string>;
  readonly rules: readonly NsgRule[];
}

export interface ApplicationSecurityGroup extends ResourceBase<'azure.network.asg'> {
  readonly name: Attr<string>;
}

export interface IpConfiguration {
  readonly name: Attr<string>;
  readonly subnet: Link;
  readonly privateIp: Attr<string | null>;
  readonly publicIp: Link | null;
  readonly asgs: readonly Link[];
  readonly at: Provenance;
}

export interface NetworkInterfaceCard extends ResourceBase<'azure.network.nic'> {
  readonly name: Attr<string>;
  readonly nsg: Link | null;
  readonly ipConfigurations: readonly IpConfiguration[];
  readonly virtualMachine: Link | null;
}

export interface VirtualNetwork extends ResourceBase<'azure.network.vnet'> {
  readonly name: Attr<string>;
  readonly addressSpace: Attr<readonly string[]>;
  /** Remote virtual networks of its peerings (their address spaces join the `VirtualNetwork` service tag). */
  readonly peerings?: readonly Link[];
}

export interface AzureSubnet extends ResourceBase<'azure.network.subnet'> {
  readonly name: Attr<string>;
  readonly vnet: Link;
  readonly addressPrefixes: Attr<readonly string[]>;
  readonly nsg: Link | null;
  readonly natGateway?: Link | null;
  /** `false` for a private subnet (no default outbound access). */
  readonly defaultOutboundAccess?: Attr<boolean | null>;
}

export interface PublicIpAddress extends ResourceBase<'azure.network.publicIp'> {
  readonly name: Attr<string>;
  /** `Basic` or `Standard`: a Standard address is closed to inbound traffic unless an NSG allows it. */
  readonly sku: Attr<string>;
  readonly ipAddress: Attr<string | null>;
  /** `IPv4` or `IPv6`. */
  readonly version?: Attr<string>;
}
