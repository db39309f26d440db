import type { Attr, Link, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { Ec2Instance, MetadataOptions, NetworkInterface } from '../../../model/index.js';
import { AWS_DEFAULTS } from '../../common/defaults.js';
import { readBool, readNumber, readString } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import type { AdaptContext, Adapter, CfnResource } from './context.js';
import { field, objectAt } from './context.js';

/**
 * EC2 instances (directly or through a launch template of the same template) and network interfaces.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
 */

const EC2 = AWS_DEFAULTS.ec2;

function metadataOptions(o: ObjectValue | undefined, at: Provenance): MetadataOptions {
  const where = o?.at ?? at;
  return {
    httpTokens: readString(o?.fields.get('HttpTokens'), where, EC2.httpTokens, 'HttpTokens'),
    httpEndpoint: readString(o?.fields.get('HttpEndpoint'), where, EC2.httpEndpoint, 'HttpEndpoint'),
    hopLimit: readNumber(o?.fields.get('HttpPutResponseHopLimit'), where, EC2.hopLimit, 'HttpPutResponseHopLimit'),
  };
}

function allUnknown(at: Provenance, why: string): MetadataOptions {
  const u = unknown(at, why);
  return { httpTokens: u, httpEndpoint: u, hopLimit: u };
}

/** The `LaunchTemplateData` of the launch template an instance names, when it is one of this template's. */
function launchTemplateData(r: CfnResource, ctx: AdaptContext): { data: ObjectValue | undefined; why: string } | undefined {
  const spec = objectAt(r.props, 'LaunchTemplate');
  if (!spec) return undefined;
  const byId = spec.fields.get('LaunchTemplateId');
  const byName = spec.fields.get('LaunchTemplateName');
  for (const lt of ctx.ofType('AWS::EC2::LaunchTemplate')) {
    const id = byId !== undefined ? ctx.link(byId, spec.at) : undefined;
    const name = field(lt.props, 'LaunchTemplateName');
    const matches = (id?.known === true && id.value === lt.key)
      || (byName?.t === 'string' && name?.t === 'string' && byName.v === name.v);
    if (matches) return { data: objectAt(lt.props, 'LaunchTemplateData'), why: '' };
  }
  return { data: undefined, why: 'the instance takes its settings from a launch template outside this template' };
}

/** User data is base64 in the template; keep the text so checks can read it. */
function userData(v: Value | undefined, at: Provenance): Attr<string | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  if (v.t !== 'string') return unknown(v.at, '`UserData` is not a string');
  const decoded = Buffer.from(v.v, 'base64');
  return known(decoded.toString('base64') === v.v.replace(/\s/g, '') ? decoded.toString('utf8') : v.v, v.at);
}

const instance: Adapter = (r, ctx) => {
  const p = (n: string): Value | undefined => r.props.fields.get(n);
  const lt = launchTemplateData(r, ctx);
  const ltField = (n: string): Value | undefined => lt?.data?.fields.get(n);

  const nics = p('NetworkInterfaces');
  const nicList = nics?.t === 'list' ? nics.items.filter((x): x is ObjectValue => x.t === 'object') : [];
  const primary = nicList.find((n) => {
    const d = n.fields.get('DeviceIndex');
    return d !== undefined && (d.t === 'number' ? d.v === 0 : d.t === 'string' && d.v === '0');
  }) ?? nicList[0];

  const subnetValue = p('SubnetId') ?? primary?.fields.get('SubnetId');
  const groups: Link[] = [
    ...ctx.links(p('SecurityGroupIds'), r.at),
    ...ctx.links(p('SecurityGroups'), r.at),
    ...nicList.flatMap((n) => ctx.links(n.fields.get('GroupSet'), n.at)),
  ];
  if (groups.length === 0 && lt) groups.push(...ctx.links(ltField('SecurityGroupIds'), r.at), ...ctx.links(ltField('SecurityGroups'), r.at));
  // An instance always has a group: when the template names none, it is one this template cannot see.
  if (groups.length === 0) {
    groups.push(unknown(r.at, lt && !lt.data ? lt.why : 'no security group is named: the instance gets its VPC’s default security group'));
  }

  const assoc = primary?.fields.get('AssociatePublicIpAddress');
  // Without the setting the subnet's MapPublicIpOnLaunch decides (null).
  const associatePublicIp: Attr<boolean | null> = assoc === undefined ? defaulted(null, r.at) : readBool(assoc, primary?.at ?? r.at);

  let metadata: MetadataOptions;
  const own = objectAt(r.props, 'MetadataOptions');
  if (own) metadata = metadataOptions(own, r.at);
  else if (lt?.data) metadata = metadataOptions(objectAt(lt.data, 'MetadataOptions'), lt.data.at);
  else if (lt) metadata = allUnknown(r.at, lt.why);
  else metadata = metadataOptions(undefined, r.at);

  const profile = p('IamInstanceProfile') ?? ltProfile(lt?.data);
  const privateIp = p('PrivateIpAddress') ?? primary?.fields.get('PrivateIpAddress');

  const i: Ec2Instance = {
    ...ctx.base(r, 'aws.ec2.instance'),
    subnet: subnetValue === undefined ? unknown(r.at, 'no `SubnetId`: the instance launches in a default subnet') : ctx.link(subnetValue, r.at),
    securityGroups: groups,
    networkInterfaces: nicList.flatMap((n) => (n.fields.has('NetworkInterfaceId') ? [ctx.link(n.fields.get('NetworkInterfaceId'), n.at)] : [])),
    associatePublicIp,
    privateIp: privateIp === undefined ? unknown(r.at, 'the private address is assigned at launch') : readString(privateIp, r.at),
    publicIp: associatePublicIp.known && associatePublicIp.value === false
      ? known(null, associatePublicIp.at)
      : unknown(r.at, 'a public address, if any, is assigned at launch'),
    metadataOptions: metadata,
    instanceProfile: profile === undefined ? null : ctx.link(profile, r.at),
    userData: userData(p('UserData') ?? ltField('UserData'), r.at),
  };
  ctx.emit(i);
};

/** A launch template names its profile by `{Arn}` or `{Name}`. */
function ltProfile(data: ObjectValue | undefined): Value | undefined {
  const p = objectAt(data, 'IamInstanceProfile');
  return p?.fields.get('Arn') ?? p?.fields.get('Name');
}

const networkInterface: Adapter = (r, ctx) => {
  const primary = field(r.props, 'PrivateIpAddress');
  const more = field(r.props, 'PrivateIpAddresses');
  const ips: Value[] = [];
  if (primary !== undefined) ips.push(primary);
  if (more?.t === 'list') for (const m of more.items) if (m.t === 'object' && m.fields.get('PrivateIpAddress')) ips.push(m.fields.get('PrivateIpAddress') as Value);
  let privateIps: Attr<readonly string[]>;
  const bad = ips.find((x) => x.t !== 'string');
  if (ips.length === 0) privateIps = unknown(r.at, 'the private address is assigned at creation');
  else if (bad) privateIps = bad.t === 'unknown' ? unknown(bad.at, bad.why) : unknown(bad.at, 'the private address is not a string');
  else privateIps = known([...new Set(ips.map((x) => (x.t === 'string' ? x.v : '')))], (ips[0] as Value).at);
  const n: NetworkInterface = {
    ...ctx.base(r, 'aws.ec2.networkInterface'),
    subnet: ctx.link(field(r.props, 'SubnetId'), r.at),
    securityGroups: ctx.links(field(r.props, 'GroupSet'), r.at),
    privateIps,
    // A separately created interface has no public address unless an Elastic IP is associated with it.
    publicIp: defaulted(null, r.at),
    attachedTo: null,
  };
  ctx.emit(n);
};

const interfaceAttachment: Adapter = (r, ctx) => {
  const eni = ctx.link(field(r.props, 'NetworkInterfaceId'), r.at);
  const inst = ctx.link(field(r.props, 'InstanceId'), r.at);
  ctx.fragment(r, 'aws.ec2.networkInterface', eni, { attachedTo: inst });
  ctx.fragment(r, 'aws.ec2.instance', inst, { networkInterfaces: [eni] });
};

/** An Elastic IP gives the instance or interface a public address, allocated at deployment. */
function elasticIp(instanceProp: string, eniProp: string): Adapter {
  return (r, ctx) => {
    const publicIp: Attr<string | null> = unknown(r.at, `Elastic IP \`${r.decl.logicalId}\` is allocated at deployment`);
    const inst = field(r.props, instanceProp);
    const eni = field(r.props, eniProp);
    if (inst !== undefined) ctx.fragment(r, 'aws.ec2.instance', ctx.link(inst, r.at), { publicIp });
    else if (eni !== undefined) ctx.fragment(r, 'aws.ec2.networkInterface', ctx.link(eni, r.at), { publicIp });
  };
}

export const EC2_COMPUTE_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::EC2::Instance': instance,
  'AWS::EC2::NetworkInterface': networkInterface,
  'AWS::EC2::NetworkInterfaceAttachment': interfaceAttachment,
  'AWS::EC2::EIP': elasticIp('InstanceId', 'NetworkInterfaceId'),
  'AWS::EC2::EIPAssociation': elasticIp('InstanceId', 'NetworkInterfaceId'),
};
