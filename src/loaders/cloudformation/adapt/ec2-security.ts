import type { Attr, Link, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from '../../../model/index.js';
import { readBool, readNullableString, readNumber, readString, readStringList } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import type { AdaptContext, Adapter, CfnResource } from './context.js';
import { field, objectAt } from './context.js';

/**
 * Security groups with their inline and separate rules, network ACLs with their entries and subnet associations.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html
 */

/** Protocol numbers the APIs accept for the named protocols (IANA numbers). */
const PROTOCOL_BY_NUMBER: Readonly<Record<string, string>> = { '-1': '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** `tcp`, `udp`, `icmp`, `icmpv6`, `-1`, or another protocol number as a string. */
export function protocol(v: Value | undefined, at: Provenance, name: string): Attr<string> {
  const p = readString(v, at, undefined, name);
  if (!p.known) return p;
  const s = p.value.trim().toLowerCase();
  return known(PROTOCOL_BY_NUMBER[s] ?? (s === 'all' ? '-1' : s), p.at);
}

/** Protocols whose rules carry port ranges; any other protocol opens all its traffic whatever the ports say. */
const PORTED = new Set(['tcp', 'udp', 'icmp', 'icmpv6']);

function ports(proto: Attr<string>, from: Value | undefined, to: Value | undefined, at: Provenance, names: [string, string]): [Attr<number>, Attr<number>] {
  if (proto.known && !PORTED.has(proto.value)) {
    // "If you specify -1 … traffic on all ports is allowed, regardless of any ports you specify" (and likewise for
    // protocols without ports): -1/-1 means all.
    return [known(-1, proto.at), known(-1, proto.at)];
  }
  return [readNumber(from, at, undefined, names[0]), readNumber(to, at, undefined, names[1])];
}

function cidrList(v: Value | undefined, at: Provenance): Attr<readonly string[]> {
  return readStringList(v, at, []);
}

/** One rule, from an inline `SecurityGroupIngress`/`SecurityGroupEgress` entry or a separate rule resource. */
function rule(o: ObjectValue, direction: 'ingress' | 'egress', ctx: AdaptContext, at: Provenance): SecurityGroupRule {
  const f = (n: string): Value | undefined => o.fields.get(n);
  const proto = protocol(f('IpProtocol'), at, 'IpProtocol');
  const [fromPort, toPort] = ports(proto, f('FromPort'), f('ToPort'), at, ['FromPort', 'ToPort']);
  const peerGroups = direction === 'ingress'
    ? [...ctx.links(f('SourceSecurityGroupId'), at), ...ctx.links(f('SourceSecurityGroupName'), at)]
    : ctx.links(f('DestinationSecurityGroupId'), at);
  const prefixLists = ctx.links(f(direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId'), at);
  return {
    direction,
    protocol: proto,
    fromPort,
    toPort,
    ipv4Ranges: cidrList(f('CidrIp'), at),
    ipv6Ranges: cidrList(f('CidrIpv6'), at),
    prefixLists,
    groups: peerGroups,
    description: readNullableString(f('Description'), at),
    at,
  };
}

function inlineRules(r: CfnResource, ctx: AdaptContext, prop: string, direction: 'ingress' | 'egress'): SecurityGroupRule[] | 'unknown' | undefined {
  const v = field(r.props, prop);
  if (v === undefined || v.t === 'null') return undefined;
  if (v.t === 'unknown') return 'unknown';
  const items = v.t === 'list' ? v.items : [v];
  const out: SecurityGroupRule[] = [];
  for (const it of items) {
    if (it.t === 'object') out.push(rule(it, direction, ctx, it.at));
    else if (it.t === 'unknown') {
      // A rule that is unknown as a whole (an `!If` on an undecided condition) is kept, with every field unknown.
      out.push(unknownRule(direction, it.at, it.why));
    } else ctx.report('invalid-template', it.at, `each \`${prop}\` entry of \`${r.decl.logicalId}\` must be a map`);
  }
  return out;
}

function unknownRule(direction: 'ingress' | 'egress', at: Provenance, why: string): SecurityGroupRule {
  const u = unknown(at, why);
  return { direction, protocol: u, fromPort: u, toPort: u, ipv4Ranges: u, ipv6Ranges: u, prefixLists: [], groups: [], description: u, at };
}

/**
 * "When you create a security group, if you do not add egress rules, we add egress rules that allow all outbound
 * IPv4 and IPv6 traffic" (AWS::EC2::SecurityGroup). CloudFormation keeps it unless `SecurityGroupEgress` is written
 * inline; separate `AWS::EC2::SecurityGroupEgress` resources are added after creation and leave it in place.
 */
function defaultEgress(at: Provenance): SecurityGroupRule {
  return {
    direction: 'egress',
    protocol: defaulted('-1', at),
    fromPort: defaulted(-1, at),
    toPort: defaulted(-1, at),
    ipv4Ranges: defaulted(['0.0.0.0/0'], at),
    ipv6Ranges: defaulted(['::/0'], at),
    prefixLists: [],
    groups: [],
    description: defaulted(null, at),
    at,
    isDefaultEgress: true,
  };
}

const securityGroup: Adapter = (r, ctx) => {
  const ingress = inlineRules(r, ctx, 'SecurityGroupIngress', 'ingress');
  const egress = inlineRules(r, ctx, 'SecurityGroupEgress', 'egress');
  const vpcValue = field(r.props, 'VpcId');
  const name = ctx.physicalName(r, 'GroupName');
  // Only default-VPC groups are named by their name (`GroupName` on a rule, `SecurityGroups` on an instance).
  const aliases = vpcValue === undefined && name.known ? [name.value] : [];
  const sg: SecurityGroup = {
    ...ctx.base(r, 'aws.ec2.securityGroup', aliases),
    name,
    vpc: vpcValue === undefined ? unknown(r.at, 'no `VpcId`: the group is created in the default VPC') : ctx.link(vpcValue, r.at),
    ingress: ingress === 'unknown' ? [unknownRule('ingress', r.at, 'the ingress rules are unknown')] : ingress ?? [],
    egress: egress === 'unknown' ? [unknownRule('egress', r.at, 'the egress rules are unknown')]
      : egress === undefined || egress.length === 0 ? [defaultEgress(r.at)] : egress,
    isDefault: false,
  };
  ctx.emit(sg);
};

function ruleResource(direction: 'ingress' | 'egress'): Adapter {
  return (r, ctx) => {
    const groupId = field(r.props, 'GroupId') ?? field(r.props, 'GroupName');
    const target: Link = ctx.link(groupId, r.at);
    const one = rule(r.props, direction, ctx, r.at);
    ctx.fragment(r, 'aws.ec2.securityGroup', target, direction === 'ingress' ? { ingress: [one] } : { egress: [one] });
  };
}

const networkAcl: Adapter = (r, ctx) => {
  const acl: NetworkAcl = {
    ...ctx.base(r, 'aws.ec2.networkAcl'),
    vpc: ctx.link(field(r.props, 'VpcId'), r.at),
    subnets: [],
    // A new network ACL holds only the final `*` deny rules until entries are added.
    entries: [],
    isDefault: false,
  };
  ctx.emit(acl);
};

const networkAclEntry: Adapter = (r, ctx) => {
  const f = (n: string): Value | undefined => r.props.fields.get(n);
  const proto = protocol(f('Protocol'), r.at, 'Protocol');
  const range = objectAt(r.props, 'PortRange');
  const icmp = objectAt(r.props, 'Icmp');
  let fromPort: Attr<number>;
  let toPort: Attr<number>;
  if (proto.known && (proto.value === 'icmp' || proto.value === 'icmpv6')) {
    // For ICMP the entry carries the type and code; -1 means all.
    fromPort = readNumber(icmp?.fields.get('Type'), icmp?.at ?? r.at, -1, 'Icmp.Type');
    toPort = readNumber(icmp?.fields.get('Code'), icmp?.at ?? r.at, -1, 'Icmp.Code');
  } else {
    [fromPort, toPort] = ports(proto, range?.fields.get('From'), range?.fields.get('To'), range?.at ?? r.at, ['PortRange.From', 'PortRange.To']);
  }
  const action = readString(f('RuleAction'), r.at, undefined, 'RuleAction');
  const egress = readBool(f('Egress'), r.at, false, 'Egress');
  const cidrValue = f('CidrBlock') ?? f('Ipv6CidrBlock');
  const entry: NetworkAclEntry = {
    ruleNumber: readNumber(f('RuleNumber'), r.at, undefined, 'RuleNumber'),
    egress: egress.known ? egress.value : false,
    protocol: proto,
    action: action.known
      ? (action.value.toLowerCase() === 'allow' || action.value.toLowerCase() === 'deny'
        ? known(action.value.toLowerCase() as 'allow' | 'deny', action.at)
        : unknown(action.at, `\`RuleAction\` \`${action.value}\` is neither allow nor deny`))
      : action,
    cidr: readString(cidrValue, r.at, undefined, 'CidrBlock'),
    fromPort,
    toPort,
    at: r.at,
  };
  if (!egress.known) ctx.report('invalid-value', egress.at, `\`Egress\` of \`${r.decl.logicalId}\` is unknown; the entry is read as an ingress entry`, 'warning');
  ctx.fragment(r, 'aws.ec2.networkAcl', ctx.link(f('NetworkAclId'), r.at), { entries: [entry] });
};

const subnetAclAssociation: Adapter = (r, ctx) => {
  const subnet = ctx.link(field(r.props, 'SubnetId'), r.at);
  ctx.fragment(r, 'aws.ec2.networkAcl', ctx.link(field(r.props, 'NetworkAclId'), r.at), { subnets: [subnet] });
};

export const EC2_SECURITY_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': ruleResource('ingress'),
  'AWS::EC2::SecurityGroupEgress': ruleResource('egress'),
  'AWS::EC2::NetworkAcl': networkAcl,
  'AWS::EC2::NetworkAclEntry': networkAclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': subnetAclAssociation,
};
