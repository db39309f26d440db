import type { Attr, Link } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { NetworkAclEntry, SecurityGroupRule } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { vpcOfDefault } from './keys.js';

/**
 * Security groups and network ACLs, inline rules and separate rule resources.
 *
 * Terraform removes the allow-all egress rule AWS adds to every new VPC security group: a group with no `egress`
 * block has no egress at all (unlike CloudFormation), so no default egress rule is modelled here.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group ("NOTE on Egress rules")
 * The same holds for `aws_default_security_group` and `aws_default_network_acl`: adopting them removes every rule
 * not written in the configuration.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_network_acl
 */

/**
 * Protocol numbers to the names the model uses; `all` and `-1` mean every protocol.
 * https://www.iana.org/assignments/protocol-numbers/protocol-numbers.xhtml
 */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { all: '-1', '-1': '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

export function normalizeProtocol(p: Attr<string>): Attr<string> {
  if (!p.known) return p;
  const lower = p.value.toLowerCase();
  return { ...p, value: PROTOCOL_NAMES[lower] ?? lower };
}

/** All-protocol rules cover every port: Terraform writes them `from_port = 0, to_port = 0`, the model -1/-1. */
function ports(tf: Tf, protocol: Attr<string>, o: ObjectValue, fromName: string, toName: string): { fromPort: Attr<number>; toPort: Attr<number> } {
  if (protocol.known && protocol.value === '-1') return { fromPort: known(-1, protocol.at), toPort: known(-1, protocol.at) };
  return { fromPort: tf.num(fromName, undefined, o), toPort: tf.num(toName, undefined, o) };
}

function inlineRule(tf: Tf, b: ObjectValue, direction: 'ingress' | 'egress', self: Link): SecurityGroupRule {
  const protocol = normalizeProtocol(tf.str('protocol', undefined, b));
  const groups = tf.links('security_groups', b);
  const selfFlag = tf.bool('self', false, b);
  if (selfFlag.known && selfFlag.value) groups.push(self);
  return {
    direction,
    protocol,
    ...ports(tf, protocol, b, 'from_port', 'to_port'),
    ipv4Ranges: tf.strs('cidr_blocks', b),
    ipv6Ranges: tf.strs('ipv6_cidr_blocks', b),
    prefixLists: tf.links('prefix_list_ids', b),
    groups,
    description: tf.nstr('description', b),
    at: b.at,
  };
}

function inlineRules(tf: Tf, direction: 'ingress' | 'egress'): SecurityGroupRule[] {
  const self = known(tf.key, tf.at);
  return tf.blocks(direction).map((b) => inlineRule(tf, b, direction, self));
}

function securityGroup(isDefault: boolean) {
  return (tf: Tf, out: Emitter): void => {
    out.resource({
      // Names are handles too: `security_groups = [aws_security_group.x.name]` on instances in a default VPC.
      ...tf.base('aws.ec2.securityGroup', tf.aliases(isDefault ? ['id', 'arn'] : ['id', 'arn', 'name'])),
      name: tf.str('name', isDefault ? 'default' : undefined),
      vpc: tf.link('vpc_id'),
      ingress: inlineRules(tf, 'ingress'),
      egress: inlineRules(tf, 'egress'),
      isDefault,
    });
  };
}

function direction(tf: Tf, out: Emitter): 'ingress' | 'egress' | undefined {
  const t = tf.str('type');
  if (t.known && (t.value === 'ingress' || t.value === 'egress')) return t.value;
  out.diagnostics.push({
    code: 'invalid-value', severity: 'warning', file: tf.at.file, line: tf.at.line, column: tf.at.column,
    message: `${tf.native.type} \`${tf.native.address}\`: \`type\` is ${t.known ? `\`${t.value}\`` : 'unknown'}, not \`ingress\` or \`egress\`; the rule is not applied`,
  });
  return undefined;
}

function optionalRange(tf: Tf, name: string): Attr<readonly string[]> {
  const x = tf.field(name);
  if (x === undefined || x.t === 'null' || (x.t === 'string' && x.v === '')) return defaulted([], tf.at);
  if (x.t === 'unknown') return unknown(x.at, x.why);
  const s = tf.str(name);
  return s.known ? known([s.value], s.at) : s;
}

/** `aws_vpc_security_group_ingress_rule` / `_egress_rule`: one peer per rule, ports absent for all-protocol rules. */
function vpcRule(dir: 'ingress' | 'egress') {
  return (tf: Tf, out: Emitter): void => {
    const protocol = normalizeProtocol(tf.str('ip_protocol'));
    const peer = tf.optLink('referenced_security_group_id');
    const prefix = tf.optLink('prefix_list_id');
    const allPorts = protocol.known && protocol.value === '-1';
    const rule: SecurityGroupRule = {
      direction: dir,
      protocol,
      fromPort: allPorts ? known(-1, protocol.at) : tf.num('from_port', -1),
      toPort: allPorts ? known(-1, protocol.at) : tf.num('to_port', -1),
      ipv4Ranges: optionalRange(tf, 'cidr_ipv4'),
      ipv6Ranges: optionalRange(tf, 'cidr_ipv6'),
      prefixLists: prefix ? [prefix] : [],
      groups: peer ? [peer] : [],
      description: tf.nstr('description'),
      at: tf.at,
    };
    out.fragment(tf.fragment('aws.ec2.securityGroup', tf.link('security_group_id'), dir === 'ingress' ? { ingress: [rule] } : { egress: [rule] }));
  };
}

function aclEntry(tf: Tf, o: ObjectValue, egress: boolean, names: { rule: string; action: string }): NetworkAclEntry {
  const protocol = normalizeProtocol(tf.str('protocol', undefined, o));
  const action = tf.str(names.action, undefined, o);
  const v4 = tf.field('cidr_block', o);
  const cidr = v4 && !(v4.t === 'string' && v4.v === '') && v4.t !== 'null' ? tf.str('cidr_block', undefined, o) : tf.str('ipv6_cidr_block', undefined, o);
  return {
    ruleNumber: tf.num(names.rule, undefined, o),
    egress,
    protocol,
    action: action.known
      ? action.value.toLowerCase() === 'allow' || action.value.toLowerCase() === 'deny'
        ? { ...action, value: action.value.toLowerCase() as 'allow' | 'deny' }
        : unknown(action.at, `\`${action.value}\` is not allow or deny`)
      : action,
    cidr,
    ...ports(tf, protocol, o, 'from_port', 'to_port'),
    at: o.at,
  };
}

function inlineAclEntries(tf: Tf): NetworkAclEntry[] {
  const names = { rule: 'rule_no', action: 'action' };
  return [
    ...tf.blocks('ingress').map((b) => aclEntry(tf, b, false, names)),
    ...tf.blocks('egress').map((b) => aclEntry(tf, b, true, names)),
  ];
}

export const AWS_EC2_SECURITY: AdapterTable = {
  aws_security_group: securityGroup(false),
  aws_default_security_group: securityGroup(true),

  aws_security_group_rule: (tf, out) => {
    const dir = direction(tf, out);
    if (!dir) return;
    const target = tf.link('security_group_id');
    const protocol = normalizeProtocol(tf.str('protocol'));
    const groups: Link[] = [];
    const source = tf.optLink('source_security_group_id');
    if (source) groups.push(source);
    const selfFlag = tf.bool('self', false);
    if (selfFlag.known && selfFlag.value) groups.push(target);
    const rule: SecurityGroupRule = {
      direction: dir,
      protocol,
      ...ports(tf, protocol, tf.v, 'from_port', 'to_port'),
      ipv4Ranges: tf.strs('cidr_blocks'),
      ipv6Ranges: tf.strs('ipv6_cidr_blocks'),
      prefixLists: tf.links('prefix_list_ids'),
      groups,
      description: tf.nstr('description'),
      at: tf.at,
    };
    out.fragment(tf.fragment('aws.ec2.securityGroup', target, dir === 'ingress' ? { ingress: [rule] } : { egress: [rule] }));
  },

  aws_vpc_security_group_ingress_rule: vpcRule('ingress'),
  aws_vpc_security_group_egress_rule: vpcRule('egress'),

  aws_network_acl: (tf, out) => {
    out.resource({
      ...tf.base('aws.ec2.networkAcl', tf.aliases(['id', 'arn'])),
      vpc: tf.link('vpc_id'),
      subnets: tf.links('subnet_ids'),
      entries: inlineAclEntries(tf),
      isDefault: false,
    });
  },

  aws_default_network_acl: (tf, out) => {
    out.resource({
      ...tf.base('aws.ec2.networkAcl', tf.aliases(['id', 'arn', 'default_network_acl_id'])),
      vpc: vpcOfDefault(tf, 'default_network_acl_id'),
      subnets: tf.links('subnet_ids'),
      entries: inlineAclEntries(tf),
      isDefault: true,
    });
  },

  aws_network_acl_rule: (tf, out) => {
    const egress = tf.bool('egress', false);
    const entry = aclEntry(tf, tf.v, egress.known ? egress.value : false, { rule: 'rule_number', action: 'rule_action' });
    out.fragment(tf.fragment('aws.ec2.networkAcl', tf.link('network_acl_id'), { entries: [{ ...entry, at: tf.at }] }));
  },

  aws_network_acl_association: (tf, out) => {
    out.fragment(tf.fragment('aws.ec2.networkAcl', tf.link('network_acl_id'), { subnets: [tf.link('subnet_id')] }));
  },
};
