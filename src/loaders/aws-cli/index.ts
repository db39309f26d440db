/**
 * AWS CLI exports of the EC2 network, one JSON file per command, as the CLI prints them (`--output json`):
 * `describe-instances`, `describe-security-groups`, `describe-network-acls`, `describe-subnets`, `describe-vpcs`,
 * `describe-route-tables`, `describe-internet-gateways`, `describe-nat-gateways`, `describe-network-interfaces`.
 * Recognised by their top-level keys, whatever the file is called; a folder of them is one estate, linked by id.
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/
 */
import type { Attr, Link, LoadDiagnostic, Provenance } from '../../model/core/index.js';
import { defaulted, known, unknown } from '../../model/core/index.js';
import type {
  Ec2Instance, InternetGateway, NatGateway, NetworkAcl, NetworkAclEntry, NetworkInterface, Resource, Route, RouteTable,
  SecurityGroup, SecurityGroupRule, Subnet, Vpc,
} from '../../model/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import type { LoadResult } from '../types.js';
import { readJsonTree } from '../common/json-tree.js';
import { asObject, objects, text } from '../common/read.js';

/** Top-level list key → what each element must carry to be that export. */
const LISTS: Readonly<Record<string, string>> = {
  Reservations: 'Instances', SecurityGroups: 'GroupId', NetworkAcls: 'NetworkAclId', Subnets: 'SubnetId', Vpcs: 'VpcId',
  RouteTables: 'RouteTableId', InternetGateways: 'InternetGatewayId', NatGateways: 'NatGatewayId',
  NetworkInterfaces: 'NetworkInterfaceId',
};

/** An object whose list keys are all known EC2 describe lists (empty lists count), at least one of them present. */
export function isAwsCliNetworkExport(doc: unknown): boolean {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const o = doc as Record<string, unknown>;
  let found = false;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'NextToken' || k === 'ResponseMetadata') continue;
    const marker = LISTS[k];
    if (marker === undefined || !Array.isArray(v)) return false;
    const first = v[0] as Record<string, unknown> | undefined;
    if (first !== undefined && (typeof first !== 'object' || first === null || !(marker in first))) return false;
    found = true;
  }
  return found;
}

class Adapter {
  readonly resources: Resource[] = [];
  readonly diagnostics: LoadDiagnostic[] = [];

  constructor(readonly file: string) {}

  str(o: ObjectValue, key: string, at: Provenance): Attr<string> {
    const v = o.fields.get(key);
    return v?.t === 'string' ? known(v.v, v.at) : unknown(at, `\`${key}\` is missing from the export`);
  }

  num(o: ObjectValue | undefined, key: string, at: Provenance, dflt?: number): Attr<number> {
    const v = o?.fields.get(key);
    if (v?.t === 'number') return known(v.v, v.at);
    if (v === undefined && dflt !== undefined) return defaulted(dflt, at);
    return unknown(v?.at ?? at, `\`${key}\` is missing from the export`);
  }

  link(o: ObjectValue | undefined, key: string, at: Provenance): Link {
    return o ? this.str(o, key, at) : unknown(at, `\`${key}\` is missing from the export`);
  }

  /** A list of strings gathered from `list[].key`, positioned at the list. */
  strings(o: ObjectValue, list: string, key: string, at: Provenance): Attr<readonly string[]> {
    const v = o.fields.get(list);
    if (v === undefined) return defaulted([], at);
    return known(objects(v).map((x) => text(x.fields.get(key))).filter((x): x is string => x !== undefined), v.at);
  }

  links(o: ObjectValue, list: string, key: string): Link[] {
    return objects(o.fields.get(list)).map((x) => this.str(x, key, x.at));
  }

  base<K extends Resource['kind']>(kind: K, id: string, type: string, o: ObjectValue): { kind: K; key: string; aliases: string[]; native: Resource['native']; at: Provenance } {
    return { kind, key: id, aliases: [], native: { type, name: nameTag(o) ?? id, address: id }, at: o.at };
  }

  idOf(o: ObjectValue, key: string, what: string): string | undefined {
    const id = text(o.fields.get(key));
    if (id === undefined) this.warn(o.at, `${what} without \`${key}\` skipped`);
    return id;
  }

  warn(at: Provenance, message: string): void {
    this.diagnostics.push({ code: 'invalid-value', severity: 'warning', file: at.file, line: at.line, column: at.column, message });
  }

  vpc(o: ObjectValue): void {
    const id = this.idOf(o, 'VpcId', 'VPC');
    if (id === undefined) return;
    const assoc = o.fields.get('CidrBlockAssociationSet');
    const cidrs = assoc
      ? known(objects(assoc).filter((a) => associated(a, 'CidrBlockState')).map((a) => text(a.fields.get('CidrBlock'))).filter((x): x is string => x !== undefined), assoc.at)
      : mapAttr1(this.str(o, 'CidrBlock', o.at));
    const v6 = o.fields.get('Ipv6CidrBlockAssociationSet');
    const vpc: Vpc = {
      ...this.base('aws.ec2.vpc', id, 'AWS::EC2::VPC', o), cidrs, isDefault: o.fields.get('IsDefault')?.t === 'bool' && (o.fields.get('IsDefault') as { v: boolean }).v,
      ...(v6 ? { ipv6Cidrs: known(objects(v6).filter((a) => associated(a, 'Ipv6CidrBlockState')).map((a) => text(a.fields.get('Ipv6CidrBlock'))).filter((x): x is string => x !== undefined), v6.at) } : {}),
    };
    this.resources.push(vpc);
  }

  subnet(o: ObjectValue): void {
    const id = this.idOf(o, 'SubnetId', 'subnet');
    if (id === undefined) return;
    const v6 = o.fields.get('Ipv6CidrBlockAssociationSet');
    const map = o.fields.get('MapPublicIpOnLaunch');
    const s: Subnet = {
      ...this.base('aws.ec2.subnet', id, 'AWS::EC2::Subnet', o), vpc: this.str(o, 'VpcId', o.at), cidr: this.str(o, 'CidrBlock', o.at),
      mapPublicIpOnLaunch: map?.t === 'bool' ? known(map.v, map.at) : defaulted(false, o.at),
      ...(v6 ? { ipv6Cidrs: known(objects(v6).filter((a) => associated(a, 'Ipv6CidrBlockState')).map((a) => text(a.fields.get('Ipv6CidrBlock'))).filter((x): x is string => x !== undefined), v6.at) } : {}),
    };
    this.resources.push(s);
  }

  /** One `IpPermission`: a protocol and port range with any number of IPv4, IPv6, prefix list and group sources. */
  permission(p: ObjectValue, direction: 'ingress' | 'egress'): SecurityGroupRule {
    const ranges = p.fields.get('IpRanges');
    const description = objects(ranges).map((r) => text(r.fields.get('Description'))).find((d) => d !== undefined) ?? null;
    return {
      direction, protocol: this.str(p, 'IpProtocol', p.at),
      fromPort: this.num(p, 'FromPort', p.at, -1), toPort: this.num(p, 'ToPort', p.at, -1),
      ipv4Ranges: this.strings(p, 'IpRanges', 'CidrIp', p.at), ipv6Ranges: this.strings(p, 'Ipv6Ranges', 'CidrIpv6', p.at),
      prefixLists: this.links(p, 'PrefixListIds', 'PrefixListId'), groups: this.links(p, 'UserIdGroupPairs', 'GroupId'),
      description: known(description, p.at), at: p.at,
    };
  }

  securityGroup(o: ObjectValue): void {
    const id = this.idOf(o, 'GroupId', 'security group');
    if (id === undefined) return;
    const name = this.str(o, 'GroupName', o.at);
    const b = this.base('aws.ec2.securityGroup', id, 'AWS::EC2::SecurityGroup', o);
    // Without a Name tag, the group's name reads better than its id.
    if (b.native.name === id && name.known) b.native = { ...b.native, name: name.value };
    const g: SecurityGroup = {
      ...b, name, vpc: this.str(o, 'VpcId', o.at),
      ingress: objects(o.fields.get('IpPermissions')).map((p) => this.permission(p, 'ingress')),
      egress: objects(o.fields.get('IpPermissionsEgress')).map((p) => this.permission(p, 'egress')),
      isDefault: name.known && name.value === 'default',
    };
    this.resources.push(g);
  }

  networkAcl(o: ObjectValue): void {
    const id = this.idOf(o, 'NetworkAclId', 'network ACL');
    if (id === undefined) return;
    const entries: NetworkAclEntry[] = objects(o.fields.get('Entries')).map((e) => {
      const range = asObject(e.fields.get('PortRange'));
      const icmp = asObject(e.fields.get('IcmpTypeCode'));
      const egress = e.fields.get('Egress');
      const cidr = e.fields.has('Ipv6CidrBlock') ? this.str(e, 'Ipv6CidrBlock', e.at) : this.str(e, 'CidrBlock', e.at);
      const action = this.str(e, 'RuleAction', e.at);
      return {
        ruleNumber: this.num(e, 'RuleNumber', e.at), egress: egress?.t === 'bool' && egress.v, protocol: this.str(e, 'Protocol', e.at),
        action: action.known ? (action.value === 'allow' || action.value === 'deny' ? known(action.value, action.at) : unknown(action.at, `rule action \`${action.value}\` is neither allow nor deny`)) : action,
        cidr, fromPort: this.num(range, 'From', e.at, -1), toPort: this.num(range, 'To', e.at, -1),
        ...(icmp ? { icmpType: this.num(icmp, 'Type', icmp.at, -1), icmpCode: this.num(icmp, 'Code', icmp.at, -1) } : {}),
        at: e.at,
      };
    });
    const isDefault = o.fields.get('IsDefault');
    const acl: NetworkAcl = {
      ...this.base('aws.ec2.networkAcl', id, 'AWS::EC2::NetworkAcl', o), vpc: this.str(o, 'VpcId', o.at),
      subnets: this.links(o, 'Associations', 'SubnetId'), entries, isDefault: isDefault?.t === 'bool' && isDefault.v,
    };
    this.resources.push(acl);
  }

  routeTable(o: ObjectValue): void {
    const id = this.idOf(o, 'RouteTableId', 'route table');
    if (id === undefined) return;
    const assocs = objects(o.fields.get('Associations'));
    const routes: Route[] = objects(o.fields.get('Routes')).map((r) => {
      const dest = r.fields.get('DestinationCidrBlock') ?? r.fields.get('DestinationIpv6CidrBlock') ?? r.fields.get('DestinationPrefixListId');
      const [targetType, targetKey] = routeTarget(r);
      const state = text(r.fields.get('State'));
      return {
        destination: dest?.t === 'string' ? known(dest.v, dest.at) : unknown(r.at, 'the route has no destination in the export'),
        target: targetKey ? this.str(r, targetKey, r.at) : unknown(r.at, 'the route has no target in the export'),
        targetType, at: r.at, ...(state === 'blackhole' ? { state: 'blackhole' as const } : {}),
      };
    });
    const main = assocs.some((a) => a.fields.get('Main')?.t === 'bool' && (a.fields.get('Main') as { v: boolean }).v);
    const t: RouteTable = {
      ...this.base('aws.ec2.routeTable', id, 'AWS::EC2::RouteTable', o), vpc: this.str(o, 'VpcId', o.at), routes,
      subnets: assocs.filter((a) => a.fields.has('SubnetId')).map((a) => this.str(a, 'SubnetId', a.at)),
      isMain: known(main, o.fields.get('Associations')?.at ?? o.at),
    };
    this.resources.push(t);
  }

  internetGateway(o: ObjectValue): void {
    const id = this.idOf(o, 'InternetGatewayId', 'internet gateway');
    if (id === undefined) return;
    const att = objects(o.fields.get('Attachments')).find((a) => ['available', 'attached'].includes(text(a.fields.get('State')) ?? 'available'));
    const g: InternetGateway = { ...this.base('aws.ec2.internetGateway', id, 'AWS::EC2::InternetGateway', o), vpc: att ? this.str(att, 'VpcId', att.at) : null };
    this.resources.push(g);
  }

  natGateway(o: ObjectValue): void {
    const id = this.idOf(o, 'NatGatewayId', 'NAT gateway');
    if (id === undefined) return;
    const state = text(o.fields.get('State'));
    if (state === 'deleted' || state === 'deleting' || state === 'failed') return;
    const conn = o.fields.get('ConnectivityType');
    const addrs = o.fields.get('NatGatewayAddresses');
    const n: NatGateway = {
      ...this.base('aws.ec2.natGateway', id, 'AWS::EC2::NatGateway', o), subnet: this.str(o, 'SubnetId', o.at),
      connectivity: conn?.t === 'string' ? known(conn.v === 'private' ? 'private' : 'public', conn.at) : defaulted('public', o.at),
      ...(addrs ? { publicIps: known(objects(addrs).map((a) => text(a.fields.get('PublicIp'))).filter((x): x is string => x !== undefined), addrs.at) } : {}),
    };
    this.resources.push(n);
  }

  networkInterface(o: ObjectValue): void {
    const id = this.idOf(o, 'NetworkInterfaceId', 'network interface');
    if (id === undefined) return;
    const privs = o.fields.get('PrivateIpAddresses');
    const privateIps = privs
      ? known(objects(privs).map((p) => text(p.fields.get('PrivateIpAddress'))).filter((x): x is string => x !== undefined), privs.at)
      : mapAttr1(this.str(o, 'PrivateIpAddress', o.at));
    const publicIp = text(asObject(o.fields.get('Association'))?.fields.get('PublicIp'))
      ?? objects(privs).map((p) => text(asObject(p.fields.get('Association'))?.fields.get('PublicIp'))).find((x) => x !== undefined);
    const attachment = asObject(o.fields.get('Attachment'));
    const v6 = o.fields.get('Ipv6Addresses');
    const n: NetworkInterface = {
      ...this.base('aws.ec2.networkInterface', id, 'AWS::EC2::NetworkInterface', o), subnet: this.str(o, 'SubnetId', o.at),
      securityGroups: this.links(o, 'Groups', 'GroupId'), privateIps, publicIp: known(publicIp ?? null, o.fields.get('Association')?.at ?? o.at),
      attachedTo: attachment?.fields.has('InstanceId') ? this.str(attachment, 'InstanceId', attachment.at) : null,
      ...(v6 ? { ipv6Ips: known(objects(v6).map((a) => text(a.fields.get('Ipv6Address'))).filter((x): x is string => x !== undefined), v6.at) } : {}),
    };
    this.resources.push(n);
  }

  instance(o: ObjectValue): void {
    const id = this.idOf(o, 'InstanceId', 'instance');
    if (id === undefined) return;
    const state = text(asObject(o.fields.get('State'))?.fields.get('Name'));
    if (state === 'terminated') return;
    const pub = o.fields.get('PublicIpAddress');
    const meta = asObject(o.fields.get('MetadataOptions'));
    const profile = asObject(o.fields.get('IamInstanceProfile'));
    const i: Ec2Instance = {
      ...this.base('aws.ec2.instance', id, 'AWS::EC2::Instance', o), subnet: this.str(o, 'SubnetId', o.at),
      securityGroups: this.links(o, 'SecurityGroups', 'GroupId'), networkInterfaces: this.links(o, 'NetworkInterfaces', 'NetworkInterfaceId'),
      associatePublicIp: known(pub?.t === 'string', pub?.at ?? o.at),
      privateIp: mapNullable(o.fields.get('PrivateIpAddress'), o.at), publicIp: mapNullable(pub, o.at),
      metadataOptions: {
        httpTokens: meta ? this.str(meta, 'HttpTokens', meta.at) : unknown(o.at, '`MetadataOptions` is missing from the export'),
        httpEndpoint: meta ? this.str(meta, 'HttpEndpoint', meta.at) : unknown(o.at, '`MetadataOptions` is missing from the export'),
        hopLimit: this.num(meta, 'HttpPutResponseHopLimit', meta?.at ?? o.at),
      },
      instanceProfile: profile ? this.str(profile, 'Arn', profile.at) : null,
      userData: unknown(o.at, 'user data is not part of `describe-instances` (see `describe-instance-attribute --attribute userData`)'),
    };
    this.resources.push(i);
  }
}

function nameTag(o: ObjectValue): string | undefined {
  for (const t of objects(o.fields.get('Tags'))) if (text(t.fields.get('Key')) === 'Name') return text(t.fields.get('Value'));
  return undefined;
}

function associated(a: ObjectValue, stateKey: string): boolean {
  const s = text(asObject(a.fields.get(stateKey))?.fields.get('State'));
  return s === undefined || s === 'associated' || s === 'associating';
}

function mapAttr1(a: Attr<string>): Attr<readonly string[]> {
  return a.known ? known([a.value], a.at) : a;
}

function mapNullable(v: Value | undefined, at: Provenance): Attr<string | null> {
  return v?.t === 'string' ? known(v.v, v.at) : known(null, at);
}

/** Which field names the target of a route, and what kind of target it is. */
function routeTarget(r: ObjectValue): [Route['targetType'], string | undefined] {
  const gw = text(r.fields.get('GatewayId'));
  if (gw !== undefined) {
    if (gw === 'local') return ['local', 'GatewayId'];
    if (gw.startsWith('igw-')) return ['internetGateway', 'GatewayId'];
    if (gw.startsWith('vpce-')) return ['vpcEndpoint', 'GatewayId'];
    return ['other', 'GatewayId'];
  }
  const table: [string, Route['targetType']][] = [
    ['NatGatewayId', 'natGateway'], ['EgressOnlyInternetGatewayId', 'egressOnlyInternetGateway'], ['TransitGatewayId', 'transitGateway'],
    ['VpcPeeringConnectionId', 'peering'], ['NetworkInterfaceId', 'networkInterface'], ['InstanceId', 'instance'],
    ['LocalGatewayId', 'other'], ['CarrierGatewayId', 'other'], ['CoreNetworkArn', 'other'],
  ];
  for (const [k, t] of table) if (r.fields.has(k)) return [t, k];
  return ['other', undefined];
}

export function loadAwsCliNetworkExport(file: string, source: string): LoadResult {
  const { value, diagnostics } = readJsonTree(file, source, { comments: false });
  const a = new Adapter(file);
  a.diagnostics.push(...diagnostics);
  const root = asObject(value);
  if (!root) return { resources: [], fragments: [], diagnostics: a.diagnostics };
  for (const r of objects(root.fields.get('Reservations'))) for (const i of objects(r.fields.get('Instances'))) a.instance(i);
  for (const o of objects(root.fields.get('Vpcs'))) a.vpc(o);
  for (const o of objects(root.fields.get('Subnets'))) a.subnet(o);
  for (const o of objects(root.fields.get('SecurityGroups'))) a.securityGroup(o);
  for (const o of objects(root.fields.get('NetworkAcls'))) a.networkAcl(o);
  for (const o of objects(root.fields.get('RouteTables'))) a.routeTable(o);
  for (const o of objects(root.fields.get('InternetGateways'))) a.internetGateway(o);
  for (const o of objects(root.fields.get('NatGateways'))) a.natGateway(o);
  for (const o of objects(root.fields.get('NetworkInterfaces'))) a.networkInterface(o);
  return { resources: a.resources, fragments: [], diagnostics: a.diagnostics };
}
