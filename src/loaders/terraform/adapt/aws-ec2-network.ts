import type { Attr, Link } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { MetadataOptions, Route } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { linkedType, vpcOfDefault } from './keys.js';

/**
 * EC2 instances and interfaces, VPCs, subnets, routing, gateways, endpoints and flow logs.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance
 */

const EC2 = AWS_DEFAULTS.ec2;

/**
 * Metadata options: the instance's own block, else those of the launch template it is launched from (when that
 * template is in the configuration), else the EC2 defaults.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
 */
function metadataOptions(tf: Tf, out: Emitter): MetadataOptions {
  if (!tf.block('metadata_options')) {
    const lt = launchTemplate(tf, out);
    if (lt?.block('metadata_options')) return ownMetadataOptions(lt);
  }
  return ownMetadataOptions(tf);
}

function launchTemplate(tf: Tf, out: Emitter): Tf | undefined {
  const spec = tf.block('launch_template');
  if (!spec) return undefined;
  for (const f of ['id', 'name']) {
    const l = tf.link(f, spec);
    if (!l.known) continue;
    const found = out.find('aws_launch_template', l.value, ['id', 'name']);
    if (found) return found;
  }
  return undefined;
}

function ownMetadataOptions(tf: Tf): MetadataOptions {
  const m = tf.block('metadata_options');
  if (!m) {
    const u = tf.unknownField('metadata_options');
    if (u) return { httpTokens: unknown(u.at, u.why), httpEndpoint: unknown(u.at, u.why), hopLimit: unknown(u.at, u.why) };
    return { httpTokens: defaulted(EC2.httpTokens, tf.at), httpEndpoint: defaulted(EC2.httpEndpoint, tf.at), hopLimit: defaulted(EC2.hopLimit, tf.at) };
  }
  return {
    httpTokens: tf.str('http_tokens', EC2.httpTokens, m),
    httpEndpoint: tf.str('http_endpoint', EC2.httpEndpoint, m),
    hopLimit: tf.num('http_put_response_hop_limit', EC2.hopLimit, m),
  };
}

/** Whether a string is 40 hexadecimal digits: the SHA-1 the AWS provider stores for `user_data`. */
function isSha1Hex(s: string): boolean {
  if (s.length !== 40) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * User data as written. The provider keeps only a SHA-1 of `user_data` in plans and state, so that value says
 * nothing about the script; `user_data_base64` is kept as given.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
 */
function userData(tf: Tf): Attr<string | null> {
  const raw = tf.field('user_data');
  if (raw?.t === 'string' && isSha1Hex(raw.v)) return unknown(raw.at, 'the plan holds only a hash of `user_data`');
  if (raw !== undefined && raw.t !== 'null' && !(raw.t === 'string' && raw.v === '')) return tf.nstr('user_data');
  const b64 = tf.field('user_data_base64');
  if (b64?.t === 'string' && b64.v !== '') return known(Buffer.from(b64.v, 'base64').toString('utf8'), b64.at);
  if (b64?.t === 'unknown') return unknown(b64.at, b64.why);
  return defaulted(null, tf.at);
}

function optionalBool(tf: Tf, name: string): Attr<boolean | null> {
  const x = tf.field(name);
  if (x === undefined || x.t === 'null') return defaulted(null, tf.at);
  return tf.bool(name);
}

/** Route targets by argument; `gateway_id` holds an internet gateway, a virtual private gateway, or `local`. */
const ROUTE_TARGETS: readonly [string, Route['targetType']][] = [
  ['nat_gateway_id', 'natGateway'],
  ['egress_only_gateway_id', 'egressOnlyInternetGateway'],
  ['transit_gateway_id', 'transitGateway'],
  ['vpc_peering_connection_id', 'peering'],
  ['network_interface_id', 'networkInterface'],
  ['vpc_endpoint_id', 'vpcEndpoint'],
  ['instance_id', 'instance'],
  ['local_gateway_id', 'other'],
  ['carrier_gateway_id', 'other'],
  ['core_network_arn', 'other'],
];

function isSet(tf: Tf, name: string, o: ObjectValue): boolean {
  const x = tf.field(name, o);
  return x !== undefined && x.t !== 'null' && !(x.t === 'string' && x.v === '');
}

function gatewayType(link: Link): Route['targetType'] {
  if (!link.known) return 'other';
  const v = link.value;
  if (v === 'local') return 'local';
  if (v.startsWith('igw-')) return 'internetGateway';
  const t = linkedType(link);
  if (t === 'aws_internet_gateway') return 'internetGateway';
  return 'other';
}

function route(tf: Tf, o: ObjectValue, destNames: readonly string[]): Route {
  const destName = destNames.find((n) => isSet(tf, n, o)) ?? destNames[0] as string;
  const destination = tf.str(destName, undefined, o);
  if (isSet(tf, 'gateway_id', o)) {
    const target = tf.link('gateway_id', o);
    return { destination, target, targetType: gatewayType(target), at: o.at };
  }
  for (const [name, type] of ROUTE_TARGETS) {
    if (isSet(tf, name, o)) return { destination, target: tf.link(name, o), targetType: type, at: o.at };
  }
  return { destination, target: unknown(o.at, 'the route names no target'), targetType: 'other', at: o.at };
}

const INLINE_DESTINATIONS = ['cidr_block', 'ipv6_cidr_block', 'destination_prefix_list_id'];
const ROUTE_DESTINATIONS = ['destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id'];

function routeTable(isMainTable: boolean) {
  return (tf: Tf, out: Emitter): void => {
    out.resource({
      ...tf.base('aws.ec2.routeTable', tf.aliases(['id', 'arn', 'default_route_table_id'])),
      vpc: isMainTable ? vpcOfDefault(tf, 'default_route_table_id') : tf.link('vpc_id'),
      routes: tf.blocks('route').map((r) => route(tf, r, INLINE_DESTINATIONS)),
      subnets: [],
      isMain: isMainTable ? known(true, tf.at) : defaulted(false, tf.at),
    });
  };
}

function publicIpFragment(tf: Tf, out: Emitter, instanceField: string, eniField: string): void {
  const ip = tf.field('public_ip');
  const publicIp: Attr<string | null> = ip?.t === 'string' && ip.v !== ''
    ? known(ip.v, ip.at)
    : unknown(ip?.at ?? tf.at, 'the Elastic IP address is allocated at apply');
  const instance = tf.optLink(instanceField);
  if (instance) out.fragment(tf.fragment('aws.ec2.instance', instance, { publicIp }));
  const eni = tf.optLink(eniField);
  if (eni) out.fragment(tf.fragment('aws.ec2.networkInterface', eni, { publicIp }));
}

function vpc(isDefault: boolean) {
  return (tf: Tf, out: Emitter): void => {
    const v4 = tf.str('cidr_block');
    const v6 = tf.field('ipv6_cidr_block');
    const cidrs: Attr<readonly string[]> = v4.known
      ? known(v6?.t === 'string' && v6.v !== '' ? [v4.value, v6.v] : [v4.value], v4.at)
      : v4;
    out.resource({ ...tf.base('aws.ec2.vpc', tf.aliases(['id', 'arn'])), cidrs, isDefault });
  };
}

function subnet(mapDefault: boolean) {
  return (tf: Tf, out: Emitter): void => {
    out.resource({
      ...tf.base('aws.ec2.subnet', tf.aliases(['id', 'arn'])),
      vpc: tf.link('vpc_id'),
      cidr: tf.str('cidr_block'),
      mapPublicIpOnLaunch: tf.bool('map_public_ip_on_launch', mapDefault),
    });
  };
}

/**
 * `aws_vpc_ipv4_cidr_block_association` adds a CIDR to a VPC, whose CIDR list is one value (a fragment would replace
 * it): gathered and folded into the VPCs of the same configuration.
 */
function associateCidr(tf: Tf, out: Emitter): void {
  const pending = out.state('aws-vpc-cidrs', () => {
    const list: { tf: Tf; vpc: Link; cidr: Attr<string> }[] = [];
    out.later(() => {
      for (const p of list) {
        const handle = p.vpc.known ? p.vpc.value.toLowerCase() : undefined;
        const i = handle === undefined ? -1 : out.resources.findIndex((r) =>
          r.kind === 'aws.ec2.vpc' && (r.key.toLowerCase() === handle || r.aliases.some((a) => a.toLowerCase() === handle)));
        const vpc = out.resources[i];
        if (vpc?.kind !== 'aws.ec2.vpc') {
          out.diagnostics.push({
            code: 'unlinked', severity: 'warning', file: p.tf.at.file, line: p.tf.at.line, column: p.tf.at.column,
            message: `${p.tf.native.type} \`${p.tf.native.address}\` adds a CIDR to ${p.vpc.known ? `\`${p.vpc.value}\`` : 'a VPC unknown before deployment'}, which is not in this configuration; it is not applied`,
          });
          continue;
        }
        const cidrs: Attr<readonly string[]> = !vpc.cidrs.known ? vpc.cidrs
          : p.cidr.known ? { ...vpc.cidrs, value: [...vpc.cidrs.value, p.cidr.value] }
          : unknown(p.cidr.at, p.cidr.why);
        out.resources[i] = { ...vpc, cidrs };
      }
    });
    return list;
  });
  pending.push({ tf, vpc: tf.link('vpc_id'), cidr: tf.str('cidr_block') });
}

export const AWS_EC2_NETWORK: AdapterTable = {
  aws_vpc_ipv4_cidr_block_association: associateCidr,

  aws_instance: (tf, out) => {
    const profile = tf.optLink('iam_instance_profile');
    out.resource({
      ...tf.base('aws.ec2.instance', tf.aliases(['id', 'arn'])),
      subnet: tf.link('subnet_id'),
      // `security_groups` takes group names (default VPC); `vpc_security_group_ids` takes ids.
      securityGroups: [...tf.links('vpc_security_group_ids'), ...tf.links('security_groups')],
      networkInterfaces: tf.blocks('network_interface').map((b) => tf.link('network_interface_id', b)),
      // Not set: the subnet's `map_public_ip_on_launch` decides.
      associatePublicIp: optionalBool(tf, 'associate_public_ip_address'),
      privateIp: tf.output('private_ip'),
      publicIp: tf.output('public_ip'),
      metadataOptions: metadataOptions(tf, out),
      instanceProfile: profile,
      userData: userData(tf),
    });
  },

  aws_network_interface: (tf, out) => {
    const attachment = tf.blocks('attachment')[0];
    const raw = tf.raw('private_ips');
    const ips: Attr<readonly string[]> = raw?.t === 'unknown' ? unknown(raw.at, raw.why) : tf.strs('private_ips');
    const single = tf.field('private_ip');
    out.resource({
      ...tf.base('aws.ec2.networkInterface', tf.aliases(['id', 'arn'])),
      subnet: tf.link('subnet_id'),
      securityGroups: tf.links('security_groups'),
      privateIps: ips.known && ips.value.length === 0 && single?.t === 'string' && single.v !== '' ? known([single.v], single.at) : ips,
      publicIp: defaulted(null, tf.at),
      attachedTo: attachment ? tf.link('instance', attachment) : null,
    });
  },

  aws_network_interface_sg_attachment: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.networkInterface', tf.link('network_interface_id'), { securityGroups: [tf.link('security_group_id')] }));
  },

  aws_network_interface_attachment: (tf, out) => {
    const eni = tf.link('network_interface_id');
    const instance = tf.link('instance_id');
    out.fragment(tf.fragment('aws.ec2.networkInterface', eni, { attachedTo: instance }));
    out.fragment(tf.fragment('aws.ec2.instance', instance, { networkInterfaces: [eni] }));
  },

  aws_eip: (tf, out) => publicIpFragment(tf, out, 'instance', 'network_interface'),
  aws_eip_association: (tf, out) => publicIpFragment(tf, out, 'instance_id', 'network_interface_id'),

  aws_vpc: vpc(false),
  aws_default_vpc: vpc(true),

  aws_subnet: subnet(AWS_DEFAULTS.subnet.mapPublicIpOnLaunch),
  // Default subnets give instances public addresses unless told otherwise.
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_subnet
  aws_default_subnet: subnet(true),

  aws_route_table: routeTable(false),
  aws_default_route_table: routeTable(true),

  aws_route: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.routeTable', tf.link('route_table_id'), { routes: [route(tf, tf.v, ROUTE_DESTINATIONS)] }));
  },

  aws_route_table_association: (tf, out) => {
    // An edge association (`gateway_id`) routes a gateway's traffic, not a subnet's.
    const subnetLink = tf.optLink('subnet_id');
    if (subnetLink) out.fragment(tf.fragment('aws.ec2.routeTable', tf.link('route_table_id'), { subnets: [subnetLink] }));
  },

  aws_main_route_table_association: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.routeTable', tf.link('route_table_id'), { isMain: known(true, tf.at) }));
  },

  aws_internet_gateway: (tf, out) => {
    out.resource({ ...tf.base('aws.ec2.internetGateway', tf.aliases(['id', 'arn'])), vpc: tf.optLink('vpc_id') });
  },

  aws_internet_gateway_attachment: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.internetGateway', tf.link('internet_gateway_id'), { vpc: tf.link('vpc_id') }));
  },

  aws_nat_gateway: (tf, out) => {
    const c = tf.str('connectivity_type', 'public');
    out.resource({
      ...tf.base('aws.ec2.natGateway', tf.aliases(['id'])),
      subnet: tf.link('subnet_id'),
      connectivity: c.known ? (c.value === 'private' ? { ...c, value: 'private' } : { ...c, value: 'public' }) : c,
    });
  },

  aws_vpc_endpoint: (tf, out) => {
    out.resource({
      ...tf.base('aws.ec2.vpcEndpoint', tf.aliases(['id', 'arn'])),
      vpc: tf.link('vpc_id'),
      service: tf.str('service_name'),
      endpointType: tf.str('vpc_endpoint_type', 'Gateway'),
      policy: tf.doc('policy'),
    });
  },

  aws_vpc_endpoint_policy: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.vpcEndpoint', tf.link('vpc_endpoint_id'), { policy: tf.doc('policy') }));
  },

  aws_flow_log: (tf, out) => {
    const which = ['vpc_id', 'subnet_id', 'eni_id', 'transit_gateway_id', 'transit_gateway_attachment_id'].find((n) => isSet(tf, n, tf.v));
    out.resource({
      ...tf.base('aws.ec2.flowLog', tf.aliases(['id', 'arn'])),
      resource: which ? tf.link(which) : unknown(tf.at, 'the flow log names no VPC, subnet or interface'),
      trafficType: tf.str('traffic_type'),
    });
  },
};
