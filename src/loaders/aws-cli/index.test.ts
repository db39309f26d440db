import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Attr } from '../../model/core/index.js';
import type { Ec2Instance, NetworkAcl, NetworkInterface, Resource, RouteTable, SecurityGroup } from '../../model/index.js';
import { isAwsCliNetworkExport, loadAwsCliNetworkExport } from './index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'estate');
const load = (name: string) => loadAwsCliNetworkExport(`estate/${name}`, readFileSync(join(dir, name), 'utf8'));
const val = <T>(a: Attr<T>): T | undefined => (a.known ? a.value : undefined);
const one = <K extends Resource['kind']>(rs: Resource[], kind: K, key: string) => rs.find((r) => r.kind === kind && r.key === key) as Extract<Resource, { kind: K }>;

describe('AWS CLI network exports', () => {
  it('recognises every fixture by content and nothing else', () => {
    for (const f of readdirSync(dir)) expect(isAwsCliNetworkExport(JSON.parse(readFileSync(join(dir, f), 'utf8'))), f).toBe(true);
    expect(isAwsCliNetworkExport({ Resources: {} })).toBe(false);
    expect(isAwsCliNetworkExport({ SecurityGroups: [{ Name: 'x' }] })).toBe(false);
    expect(isAwsCliNetworkExport({ UserDetailList: [] })).toBe(false);
    expect(isAwsCliNetworkExport([])).toBe(false);
  });

  it('reads security group permissions with every kind of source, positioned', () => {
    const r = load('security-groups.json');
    expect(r.diagnostics).toEqual([]);
    const web = one(r.resources, 'aws.ec2.securityGroup', 'sg-0web') as SecurityGroup;
    expect(web.native.name).toBe('web');
    expect(web.ingress).toHaveLength(2);
    expect(val(web.ingress[1]!.ipv6Ranges)).toEqual(['::/0']);
    expect(web.ingress[0]!.at.line).toBe(7);
    expect(val(web.egress[0]!.protocol)).toBe('-1');
    expect(val(web.egress[0]!.fromPort)).toBe(-1);
    const db = one(r.resources, 'aws.ec2.securityGroup', 'sg-0db') as SecurityGroup;
    expect(db.ingress[0]!.groups.map(val)).toEqual(['sg-0web']);
  });

  it('reads ACL entries with rule numbers, directions, ports and ICMP types', () => {
    const acl = load('network-acls.json').resources[0] as NetworkAcl;
    expect(acl.isDefault).toBe(true);
    expect(acl.subnets.map(val)).toEqual(['subnet-0pub', 'subnet-0priv']);
    const deny = acl.entries.find((e) => val(e.ruleNumber) === 90)!;
    expect([deny.egress, val(deny.action), val(deny.cidr), val(deny.fromPort), val(deny.toPort)]).toEqual([false, 'deny', '203.0.113.0/24', 22, 22]);
    const icmp = acl.entries.find((e) => val(e.ruleNumber) === 110)!;
    expect(icmp.icmpType && val(icmp.icmpType)).toBe(8);
  });

  it('reads route targets and main-table associations', () => {
    const rs = load('route-tables.json').resources as RouteTable[];
    const main = rs.find((t) => t.key === 'rtb-0main')!;
    expect(val(main.isMain)).toBe(true);
    expect(main.routes.map((r) => r.targetType)).toEqual(['local', 'natGateway']);
    const pub = rs.find((t) => t.key === 'rtb-0pub')!;
    expect(pub.subnets.map(val)).toEqual(['subnet-0pub']);
    expect(pub.routes[1]).toMatchObject({ targetType: 'internetGateway' });
    expect(val(pub.routes[1]!.target)).toBe('igw-0abc');
  });

  it('reads instances (skipping terminated ones) and interfaces with their public addresses', () => {
    const inst = load('instances.json').resources as Ec2Instance[];
    expect(inst.map((i) => i.key)).toEqual(['i-0web', 'i-0db']);
    expect(inst[0]!.native.name).toBe('web-1');
    expect(val(inst[0]!.publicIp)).toBe('203.0.113.10');
    expect(val(inst[0]!.associatePublicIp)).toBe(true);
    expect(val(inst[1]!.associatePublicIp)).toBe(false);
    expect(val(inst[1]!.metadataOptions.httpTokens)).toBe('optional');
    expect(inst[0]!.userData.known).toBe(false);
    const enis = load('network-interfaces.json').resources as NetworkInterface[];
    expect(enis.map((e) => [e.key, val(e.publicIp), e.attachedTo && val(e.attachedTo)])).toEqual([
      ['eni-0web', '203.0.113.10', 'i-0web'], ['eni-0db', null, 'i-0db'], ['eni-0rds', '203.0.113.30', null],
    ]);
  });

  it('reads gateways and VPCs', () => {
    expect(load('internet-gateways.json').resources[0]).toMatchObject({ kind: 'aws.ec2.internetGateway', key: 'igw-0abc' });
    const nat = load('nat-gateways.json').resources[0]!;
    expect(nat.kind === 'aws.ec2.natGateway' && nat.publicIps && val(nat.publicIps)).toEqual(['198.51.100.9']);
    const vpc = load('vpcs.json').resources[0]!;
    expect(vpc.kind === 'aws.ec2.vpc' && val(vpc.cidrs)).toEqual(['10.0.0.0/16']);
  });

  it('reports a syntax error with its position and loads nothing', () => {
    const r = loadAwsCliNetworkExport('bad.json', '{\n  "SecurityGroups": [\n    { "GroupId": "sg-1", }\n  ]\n}');
    expect(r.resources).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 3 });
  });
});
