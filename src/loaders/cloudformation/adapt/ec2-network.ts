import type { Attr, Provenance } from '../../../model/core/index.js';
import { known, unknown } from '../../../model/core/index.js';
import type { FlowLog, InternetGateway, NatGateway, Route, RouteTable, Subnet, Vpc, VpcEndpoint } from '../../../model/index.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import { readBool, readDocument, readString } from '../../common/read.js';
import type { Value } from '../../common/value.js';
import type { AdaptContext, Adapter } from './context.js';
import { field } from './context.js';
import { emitDefaultSecurityGroup } from './default-security-group.js';

/**
 * VPCs, subnets, route tables and routes, gateways, endpoints and flow logs.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html
 */

const vpc: Adapter = (r, ctx) => {
  // Extra IPv4 blocks come from `AWS::EC2::VPCCidrBlock` resources of the template.
  const extra = ctx.memo('ec2.vpcCidrBlocks', () => {
    const m = new Map<string, Value[]>();
    for (const b of ctx.ofType('AWS::EC2::VPCCidrBlock')) {
      const target = ctx.link(field(b.props, 'VpcId'), b.at);
      const cidr = field(b.props, 'CidrBlock');
      if (target.known && cidr !== undefined) m.set(target.value, [...(m.get(target.value) ?? []), cidr]);
    }
    return m;
  });
  const blocks = [field(r.props, 'CidrBlock'), ...(extra.get(r.key) ?? [])].filter((v): v is Value => v !== undefined);
  let cidrs: Attr<readonly string[]>;
  const strings: string[] = [];
  const bad = blocks.find((b) => b.t !== 'string');
  if (blocks.length === 0) {
    cidrs = unknown(r.at, 'no `CidrBlock`: the block comes from an IPAM pool at deployment');
  } else if (bad) {
    cidrs = bad.t === 'unknown' ? unknown(bad.at, bad.why) : unknown(bad.at, '`CidrBlock` is not a string');
  } else {
    for (const b of blocks) if (b.t === 'string') strings.push(b.v);
    cidrs = known(strings, (blocks[0] as Value).at);
  }
  const v: Vpc = { ...ctx.base(r, 'aws.ec2.vpc'), cidrs, isDefault: false };
  ctx.emit(v);
  emitDefaultSecurityGroup(r, ctx);
};

const subnet: Adapter = (r, ctx) => {
  const s: Subnet = {
    ...ctx.base(r, 'aws.ec2.subnet'),
    vpc: ctx.link(field(r.props, 'VpcId'), r.at),
    cidr: readString(field(r.props, 'CidrBlock'), r.at, undefined, 'CidrBlock'),
    mapPublicIpOnLaunch: readBool(field(r.props, 'MapPublicIpOnLaunch'), r.at, AWS_DEFAULTS.subnet.mapPublicIpOnLaunch, 'MapPublicIpOnLaunch'),
  };
  ctx.emit(s);
};

const routeTable: Adapter = (r, ctx) => {
  const t: RouteTable = {
    ...ctx.base(r, 'aws.ec2.routeTable'),
    vpc: ctx.link(field(r.props, 'VpcId'), r.at),
    routes: [],
    subnets: [],
    // A route table created by a template is never the VPC's main table.
    isMain: known(false, r.at),
  };
  ctx.emit(t);
};

const ROUTE_TARGETS: readonly [string, Route['targetType']][] = [
  ['NatGatewayId', 'natGateway'],
  ['EgressOnlyInternetGatewayId', 'egressOnlyInternetGateway'],
  ['VpcEndpointId', 'vpcEndpoint'],
  ['TransitGatewayId', 'transitGateway'],
  ['VpcPeeringConnectionId', 'peering'],
  ['NetworkInterfaceId', 'networkInterface'],
  ['InstanceId', 'instance'],
  ['CarrierGatewayId', 'other'],
  ['LocalGatewayId', 'other'],
  ['CoreNetworkArn', 'other'],
];

/** `GatewayId` holds an internet gateway or a virtual private gateway: tell them apart by the resource or the id. */
function gatewayType(v: Value, ctx: AdaptContext, at: Provenance): Route['targetType'] {
  const link = ctx.link(v, at);
  if (link.known) {
    const decl = ctx.declOfKey(link.value);
    if (decl) return decl.type === 'AWS::EC2::InternetGateway' ? 'internetGateway' : 'other';
    if (link.value.startsWith('igw-')) return 'internetGateway';
    if (link.value === 'local') return 'local';
  }
  return 'other';
}

const route: Adapter = (r, ctx) => {
  const dest = field(r.props, 'DestinationCidrBlock') ?? field(r.props, 'DestinationIpv6CidrBlock') ?? field(r.props, 'DestinationPrefixListId');
  let targetValue: Value | undefined;
  let targetType: Route['targetType'] = 'other';
  const gateway = field(r.props, 'GatewayId');
  if (gateway !== undefined) {
    targetValue = gateway;
    targetType = gatewayType(gateway, ctx, r.at);
  } else {
    for (const [prop, type] of ROUTE_TARGETS) {
      const v = field(r.props, prop);
      if (v === undefined) continue;
      targetValue = v;
      targetType = type;
      break;
    }
  }
  const one: Route = {
    destination: readString(dest, r.at, undefined, 'DestinationCidrBlock'),
    target: targetValue === undefined ? unknown(r.at, 'the route has no target') : ctx.link(targetValue, r.at),
    targetType,
    at: r.at,
  };
  ctx.fragment(r, 'aws.ec2.routeTable', ctx.link(field(r.props, 'RouteTableId'), r.at), { routes: [one] });
};

const subnetRouteTableAssociation: Adapter = (r, ctx) => {
  const s = ctx.link(field(r.props, 'SubnetId'), r.at);
  ctx.fragment(r, 'aws.ec2.routeTable', ctx.link(field(r.props, 'RouteTableId'), r.at), { subnets: [s] });
};

const internetGateway: Adapter = (r, ctx) => {
  const g: InternetGateway = { ...ctx.base(r, 'aws.ec2.internetGateway'), vpc: null };
  ctx.emit(g);
};

/** `AWS::EC2::VPCGatewayAttachment` attaches an internet gateway (or a VPN gateway, not modelled) to a VPC. */
const gatewayAttachment: Adapter = (r, ctx) => {
  const igw = field(r.props, 'InternetGatewayId');
  if (igw === undefined) return;
  ctx.fragment(r, 'aws.ec2.internetGateway', ctx.link(igw, r.at), { vpc: ctx.link(field(r.props, 'VpcId'), r.at) });
};

const natGateway: Adapter = (r, ctx) => {
  const c = readString(field(r.props, 'ConnectivityType'), r.at, 'public', 'ConnectivityType');
  const g: NatGateway = {
    ...ctx.base(r, 'aws.ec2.natGateway'),
    subnet: ctx.link(field(r.props, 'SubnetId'), r.at),
    connectivity: c.known ? (c.value === 'private' ? { ...c, value: 'private' } : { ...c, value: 'public' }) : c,
  };
  ctx.emit(g);
};

const vpcEndpoint: Adapter = (r, ctx) => {
  const e: VpcEndpoint = {
    ...ctx.base(r, 'aws.ec2.vpcEndpoint'),
    vpc: ctx.link(field(r.props, 'VpcId'), r.at),
    service: readString(field(r.props, 'ServiceName'), r.at, undefined, 'ServiceName'),
    // aws-resource-ec2-vpcendpoint.html: "Default: Gateway"
    endpointType: readString(field(r.props, 'VpcEndpointType'), r.at, 'Gateway', 'VpcEndpointType'),
    // Without a policy the endpoint allows full access (the default endpoint policy).
    policy: readDocument(field(r.props, 'PolicyDocument'), r.at),
  };
  ctx.emit(e);
};

const flowLog: Adapter = (r, ctx) => {
  const f: FlowLog = {
    ...ctx.base(r, 'aws.ec2.flowLog'),
    resource: ctx.link(field(r.props, 'ResourceId'), r.at),
    trafficType: readString(field(r.props, 'TrafficType'), r.at, undefined, 'TrafficType'),
  };
  ctx.emit(f);
};

export const EC2_NETWORK_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::RouteTable': routeTable,
  'AWS::EC2::Route': route,
  'AWS::EC2::SubnetRouteTableAssociation': subnetRouteTableAssociation,
  'AWS::EC2::InternetGateway': internetGateway,
  'AWS::EC2::VPCGatewayAttachment': gatewayAttachment,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::EC2::FlowLog': flowLog,
};
