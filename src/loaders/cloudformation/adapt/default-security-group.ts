import type { Link, Provenance } from '../../../model/core/index.js';
import { defaulted, known } from '../../../model/core/index.js';
import type { SecurityGroup, SecurityGroupRule } from '../../../model/index.js';
import type { Value } from '../../common/value.js';
import type { AdaptContext, CfnResource } from './context.js';

/**
 * Every VPC has a default security group, created with it and not declarable in CloudFormation. A template that uses
 * it (`!GetAtt Vpc.DefaultSecurityGroup`: instances placed in it, rules added to it) gets it modelled with the rules
 * AWS creates: all traffic in from the group's own members, all IPv4 traffic out.
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
 *
 * `!GetAtt Vpc.DefaultSecurityGroup` resolves to a value linked to the VPC's key, so the group answers to that key
 * as a security group; a template that never refers to it gets no group, since it cannot change its rules anyway.
 */

/** Logical ids of the VPCs whose default security group the template refers to, with the first reference. */
function referencedVpcs(ctx: AdaptContext): Map<string, Provenance> {
  return ctx.memo('ec2.defaultSecurityGroupUses', () => {
    const used = new Map<string, Provenance>();
    const visit = (v: Value | undefined): void => {
      if (v === undefined) return;
      if (v.t === 'list') for (const it of v.items) visit(it);
      if (v.t !== 'object') return;
      const getAtt = v.fields.get('Fn::GetAtt');
      if (getAtt) {
        const [id, attr] = getAtt.t === 'list'
          ? getAtt.items.map((x) => (x.t === 'string' ? x.v : ''))
          : getAtt.t === 'string' ? [getAtt.v.slice(0, getAtt.v.indexOf('.')), getAtt.v.slice(getAtt.v.indexOf('.') + 1)] : [];
        if (id && attr === 'DefaultSecurityGroup' && !used.has(id)) used.set(id, v.at);
      }
      for (const f of v.fields.values()) visit(f);
    };
    for (const decl of ctx.template.resources.values()) visit(decl.properties);
    return used;
  });
}

function allTraffic(direction: 'ingress' | 'egress', at: Provenance, peers: { v4: readonly string[]; groups: readonly Link[] }): SecurityGroupRule {
  return {
    direction,
    protocol: defaulted('-1', at),
    fromPort: defaulted(-1, at),
    toPort: defaulted(-1, at),
    ipv4Ranges: defaulted(peers.v4, at),
    ipv6Ranges: defaulted([], at),
    prefixLists: [],
    groups: peers.groups,
    description: defaulted(null, at),
    at,
    ...(direction === 'egress' ? { isDefaultEgress: true } : {}),
  };
}

/** The default security group of `vpc`, when the template refers to it. */
export function emitDefaultSecurityGroup(vpc: CfnResource, ctx: AdaptContext): void {
  if (!referencedVpcs(ctx).has(vpc.decl.logicalId)) return;
  const key = `${vpc.key}.DefaultSecurityGroup`;
  const at = vpc.at;
  const name = `${vpc.decl.logicalId}.DefaultSecurityGroup`;
  const sg: SecurityGroup = {
    kind: 'aws.ec2.securityGroup',
    key,
    aliases: [vpc.key],
    native: { type: 'AWS::EC2::SecurityGroup', name, address: name },
    at,
    name: known('default', at),
    vpc: known(vpc.key, at),
    ingress: [allTraffic('ingress', at, { v4: [], groups: [known(key, at)] })],
    egress: [allTraffic('egress', at, { v4: ['0.0.0.0/0'], groups: [] })],
    isDefault: true,
  };
  ctx.emit(sg);
}
