import type { Attr, Link, Provenance, ResourceBase } from '../core/index.js';
import type { PolicyDocument } from './iam.js';

/** One security group rule (inline or separate). `-1` protocol means all; ports are inclusive, -1/-1 for all. */
export interface SecurityGroupRule {
  readonly direction: 'ingress' | 'egress';
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1`, or a protocol number as a string. */
  readonly protocol: Attr<string>;
  readonly fromPort: Attr<number>;
  readonly toPort: Attr<number>;
  readonly ipv4Ranges: Attr<readonly string[]>;
  readonly ipv6Ranges: Attr<readonly string[]>;
  readonly prefixLists: readonly Link[];
  /** Other security groups as peers (their members' private addresses). */
  readonly groups: readonly Link[];
  readonly description: Attr<string | null>;
  readonly at: Provenance;
  /** The rule AWS creates on every new VPC group unless the tool removes it (Terraform does, CloudFormation does not). */
  readonly isDefaultEgress?: boolean;
}

export interface SecurityGroup extends ResourceBase<'aws.ec2.securityGroup'> {
  readonly name: Attr<string>;
  readonly vpc: Link;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
  /** The VPC's `default` group. */
  readonly isDefault: boolean;
}

export interface NetworkAclEntry {
  readonly ruleNumber: Attr<number>;
  readonly egress: boolean;
  readonly protocol: Attr<string>;
  readonly action: Attr<'allow' | 'deny'>;
  readonly cidr: Attr<string>;
  readonly fromPort: Attr<number>;
  readonly toPort: Attr<number>;
  /** ICMP type and code (-1: all) for ICMP entries, when the input gives them. */
  readonly icmpType?: Attr<number>;
  readonly icmpCode?: Attr<number>;
  readonly at: Provenance;
}

export interface NetworkAcl extends ResourceBase<'aws.ec2.networkAcl'> {
  readonly vpc: Link;
  readonly subnets: readonly Link[];
  readonly entries: readonly NetworkAclEntry[];
  readonly isDefault: boolean;
}

export interface MetadataOptions {
  /** `required` enforces IMDSv2; `optional` also allows IMDSv1. */
  readonly httpTokens: Attr<string>;
  readonly httpEndpoint: Attr<string>;
  readonly hopLimit: Attr<number>;
}

export interface Ec2Instance extends ResourceBase<'aws.ec2.instance'> {
  readonly subnet: Link;
  readonly securityGroups: readonly Link[];
  readonly networkInterfaces: readonly Link[];
  readonly associatePublicIp: Attr<boolean | null>;
  readonly privateIp: Attr<string | null>;
  readonly publicIp: Attr<string | null>;
  readonly metadataOptions: MetadataOptions;
  readonly instanceProfile: Link | null;
  readonly userData: Attr<string | null>;
}

export interface NetworkInterface extends ResourceBase<'aws.ec2.networkInterface'> {
  readonly subnet: Link;
  readonly securityGroups: readonly Link[];
  readonly privateIps: Attr<readonly string[]>;
  readonly publicIp: Attr<string | null>;
  readonly attachedTo: Link | null;
  readonly ipv6Ips?: Attr<readonly string[]>;
}

export interface Vpc extends ResourceBase<'aws.ec2.vpc'> {
  readonly cidrs: Attr<readonly string[]>;
  readonly isDefault: boolean;
  readonly ipv6Cidrs?: Attr<readonly string[]>;
}

export interface Subnet extends ResourceBase<'aws.ec2.subnet'> {
  readonly vpc: Link;
  readonly cidr: Attr<string>;
  readonly mapPublicIpOnLaunch: Attr<boolean>;
  readonly ipv6Cidrs?: Attr<readonly string[]>;
}

export interface Route {
  readonly destination: Attr<string>;
  /** What the route points at: an internet gateway, NAT gateway, instance, peering … by id or key. */
  readonly target: Link;
  readonly targetType: 'internetGateway' | 'natGateway' | 'egressOnlyInternetGateway' | 'vpcEndpoint' | 'transitGateway' | 'peering' | 'networkInterface' | 'instance' | 'local' | 'other';
  readonly at: Provenance;
  /** `blackhole` when the target is gone (as `describe-route-tables` reports): the route drops traffic. */
  readonly state?: 'active' | 'blackhole';
}

export interface RouteTable extends ResourceBase<'aws.ec2.routeTable'> {
  readonly vpc: Link;
  readonly routes: readonly Route[];
  readonly subnets: readonly Link[];
  readonly isMain: Attr<boolean>;
}

export interface InternetGateway extends ResourceBase<'aws.ec2.internetGateway'> {
  readonly vpc: Link | null;
}

export interface NatGateway extends ResourceBase<'aws.ec2.natGateway'> {
  readonly subnet: Link;
  readonly connectivity: Attr<'public' | 'private'>;
  readonly publicIps?: Attr<readonly string[]>;
}

export interface VpcEndpoint extends ResourceBase<'aws.ec2.vpcEndpoint'> {
  readonly vpc: Link;
  readonly service: Attr<string>;
  readonly endpointType: Attr<string>;
  readonly policy: Attr<PolicyDocument | null>;
}

export interface FlowLog extends ResourceBase<'aws.ec2.flowLog'> {
  /** The VPC, subnet or interface whose traffic is logged. */
  readonly resource: Link;
  readonly trafficType: Attr<string>;
}
