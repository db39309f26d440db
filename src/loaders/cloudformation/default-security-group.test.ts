import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../model/core/index.js';
import type { Resource } from '../../model/index.js';
import { linkFragments } from '../../scan/link.js';
import { loadCloudFormation } from './index.js';

// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html: the default group allows all inbound
// traffic from its own members and all outbound IPv4 traffic.
const template = `
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Other:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.1.0.0/16
  SshIntoDefault:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Vpc.DefaultSecurityGroup
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      SecurityGroupIds:
        - Fn::GetAtt: [Vpc, DefaultSecurityGroup]
`;

describe('a VPC default security group the template uses', () => {
  const r = loadCloudFormation('net.yaml', template);
  const linked = linkFragments(r.resources, r.fragments);
  const graph = new ResourceGraph<Resource>(linked.resources);
  const groups = graph.ofKind('aws.ec2.securityGroup');

  it('is modelled with the rules AWS creates, only for the VPC referred to', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(groups.map((g) => g.native.name)).toEqual(['Vpc.DefaultSecurityGroup']);
    const [g] = groups;
    expect(g?.isDefault).toBe(true);
    expect(g?.egress.map((e) => [e.protocol.known && e.protocol.value, e.ipv4Ranges.known && e.ipv4Ranges.value, e.isDefaultEgress])).toEqual([['-1', ['0.0.0.0/0'], true]]);
    // The default inbound rule (members of the group) plus the SSH rule added by the template.
    expect(g?.ingress).toHaveLength(2);
    expect(g?.ingress[0]?.groups.map((l) => l.known && l.value)).toEqual([g?.key]);
    expect(g?.ingress[1]?.ipv4Ranges).toMatchObject({ known: true, value: ['0.0.0.0/0'] });
    expect(linked.diagnostics).toEqual([]);
  });

  it('is what an instance placed in it links to', () => {
    const [worker] = graph.ofKind('aws.ec2.instance');
    const link = worker?.securityGroups[0];
    expect(link && graph.resolve(link, 'aws.ec2.securityGroup')).toBe(groups[0]);
  });
});
