import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../model/index.js';
import { byId, fragmentsFrom, linkValue, loadFixture, val, why } from './test-helpers.js';

/** Launch templates, extra VPC blocks, default-VPC groups by name, network interfaces, Elastic IPs. */
const r = loadFixture('compute-stack.yaml');
const key = (id: string): string => `${r.file}#${id}`;

describe('CloudFormation: compute and network links', () => {
  it('loads cleanly', () => {
    expect(r.diagnostics).toEqual([]);
  });

  it('adds VPCCidrBlock blocks to the VPC and derives the subnet from the VPC block', () => {
    expect(val(byId(r, 'aws.ec2.vpc', 'Network').cidrs)).toEqual(['10.30.0.0/16', '100.64.0.0/16']);
    expect(val(byId(r, 'aws.ec2.subnet', 'AppSubnet').cidr)).toBe('10.30.0.0/24');
  });

  it('reads all-protocol and ICMP rules, with a peer CIDR from !GetAtt VPC.CidrBlock', () => {
    // "-1" opens every protocol and port: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-security-group-rule.html
    const [all, icmp] = byId(r, 'aws.ec2.securityGroup', 'WorkerGroup').ingress as [SecurityGroupRule, SecurityGroupRule];
    expect([val(all.protocol), val(all.fromPort), val(all.toPort), val(all.ipv4Ranges)]).toEqual(['-1', -1, -1, ['10.30.0.0/16']]);
    expect([val(icmp.protocol), val(icmp.fromPort), val(icmp.toPort), val(icmp.ipv6Ranges), val(icmp.ipv4Ranges)]).toEqual(['icmp', 8, -1, ['::/0'], []]);
  });

  it('names a default-VPC group by its name, so rules written by name find it', () => {
    const legacy = byId(r, 'aws.ec2.securityGroup', 'LegacyGroup');
    expect(legacy.aliases).toEqual(['legacy-web']);
    expect(why(legacy.vpc)).toContain('default VPC');
    expect(byId(r, 'aws.ec2.securityGroup', 'WorkerGroup').aliases).toEqual([]);
    const [rule] = fragmentsFrom(r, 'LegacyHttp');
    expect(linkValue(rule?.target)).toBe('legacy-web');
  });

  it('takes metadata options, groups and profile from a launch template of the same template, by id or by name', () => {
    for (const id of ['Worker', 'WorkerByName']) {
      const i = byId(r, 'aws.ec2.instance', id);
      expect(val(i.metadataOptions.httpTokens), id).toBe('required');
      expect(val(i.metadataOptions.hopLimit)).toBe(1);
      expect(i.metadataOptions.httpEndpoint).toMatchObject({ value: 'enabled', defaulted: true });
      expect(i.securityGroups.map(linkValue)).toEqual([key('WorkerGroup')]);
      expect(linkValue(i.instanceProfile)).toBe(key('WorkerProfile'));
      expect(val(i.userData)).toBeNull();
    }
    const foreign = byId(r, 'aws.ec2.instance', 'ForeignTemplateWorker');
    expect(why(foreign.metadataOptions.httpTokens)).toBe('the instance takes its settings from a launch template outside this template');
    expect(foreign.securityGroups.map((l) => (l.known ? l.value : l.why))).toEqual(['the instance takes its settings from a launch template outside this template']);
  });

  it('reads a RolePolicy written as a JSON string', () => {
    const [f] = fragmentsFrom(r, 'WorkerRolePolicy');
    expect(linkValue(f?.target)).toBe(key('WorkerRole'));
    const policy = f?.targetKind === 'aws.iam.role' ? f.fields.inlinePolicies?.[0] : undefined;
    expect(policy?.name).toBe('queue-access');
    expect(policy && val(policy.document).json).toMatchObject({ Statement: [{ Action: 'sqs:*', Resource: '*' }] });
  });

  it('reads network interfaces and their attachment, and the Elastic IP on the instance', () => {
    const nic = byId(r, 'aws.ec2.networkInterface', 'ApplianceSecondNic');
    expect(val(nic.privateIps)).toEqual(['10.30.0.11', '10.30.0.12']);
    expect(nic.securityGroups.map(linkValue)).toEqual([key('WorkerGroup')]);
    expect(nic.publicIp).toMatchObject({ value: null, defaulted: true });
    const attach = fragmentsFrom(r, 'ApplianceNicAttachment');
    expect(attach.map((f) => [f.targetKind, linkValue(f.target)])).toEqual([
      ['aws.ec2.networkInterface', key('ApplianceSecondNic')],
      ['aws.ec2.instance', key('Appliance')],
    ]);
    const eip = fragmentsFrom(r, 'AppliancePublicAddress')[0];
    expect(linkValue(eip?.target)).toBe(key('Appliance'));
    expect(eip?.fields).toEqual({ publicIp: expect.objectContaining({ known: false, why: 'Elastic IP `AppliancePublicAddress` is allocated at deployment' }) });
    const appliance = byId(r, 'aws.ec2.instance', 'Appliance');
    expect(val(appliance.privateIp)).toBe('10.30.0.10');
    expect(appliance.associatePublicIp).toMatchObject({ value: null, defaulted: true });
  });
});
