/**
 * Pins every finding (and unknown outcome) of the network-based checks — AWS-EC2-*, AWS-NET-1xx, AZURE-NET-* — and the
 * network service's rule answers on fixed estates: the scan bench's CloudFormation estate at 2,000 resources (seed 42,
 * generated as bench/scan/cloudformation.ts generates it), a seeded network-rich estate (CloudFormation and ARM: VPCs
 * with public, NAT and transit routes, a custom network ACL, security groups with overlapping, duplicate and
 * group-referencing rules, instances, interfaces, Elastic IPs, RDS; virtual networks with subnet and NIC NSGs,
 * first-match rules with ASGs, service tags and prefix lists, public IPs of both SKUs) and the example estate. The
 * snapshots change only when answers change: speed work must leave them untouched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EC2_CHECKS } from '../../checks/aws/ec2/index.js';
import { REACHABILITY_CHECKS as AWS_REACHABILITY } from '../../checks/aws/reachability/index.js';
import { NETWORK_CHECKS } from '../../checks/azure/network/index.js';
import { REACHABILITY_CHECKS as AZURE_REACHABILITY } from '../../checks/azure/reachability/index.js';
import type { RuleRef, TrafficFocus } from '../../engines/network/index.js';
import type { Estate } from '../../model/index.js';
import { loadEstate } from '../load-estate.js';
import { runChecks } from '../run-checks.js';
import { buildServices } from '../services.js';
import { buildNetworkService } from './network.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');

type Json = Record<string, unknown>;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ── the scan bench's estate ────────────────────────────────────────────────────────────────────────────────────────

/** One resource of the scan bench's estate (a copy of bench/scan/cloudformation.ts as pinned: the pin must not move). */
function benchResource(i: number, r: () => number): [string, unknown] {
  const k = i % 10;
  const open = r() < 0.3;
  switch (k) {
    case 0:
      return [`Bucket${i}`, { Type: 'AWS::S3::Bucket', Properties: { BucketName: `bench-bucket-${i}`, VersioningConfiguration: { Status: open ? 'Suspended' : 'Enabled' }, PublicAccessBlockConfiguration: { BlockPublicAcls: !open, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } } }];
    case 1:
      return [`Sg${i}`, { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'bench', VpcId: 'vpc-0123456789abcdef0', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: open ? 22 : 443, ToPort: open ? 22 : 443, CidrIp: open ? '0.0.0.0/0' : '10.0.0.0/8' }] } }];
    case 2:
      return [`Role${i}`, { Type: 'AWS::IAM::Role', Properties: { RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: open ? { AWS: '*' } : { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: open ? 's3:*' : ['s3:GetObject'], Resource: open ? '*' : `arn:aws:s3:::bench-bucket-${i}/*` }] } }] } }];
    case 3:
      return [`Instance${i}`, { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', SubnetId: 'subnet-0123456789abcdef0', MetadataOptions: { HttpTokens: open ? 'optional' : 'required' } } }];
    case 4:
      return [`Key${i}`, { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: !open, KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] } } }];
    case 5:
      return [`Fn${i}`, { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: 'a.b', Role: 'arn:aws:iam::123456789012:role/x', Code: { ZipFile: 'x' }, Environment: { Variables: { LOG_LEVEL: 'info', ...(open ? { DB_PASSWORD: 'changeme' } : {}) } } } }];
    case 6:
      return [`Db${i}`, { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: !open, PubliclyAccessible: open, ManageMasterUserPassword: true } }];
    case 7:
      return [`Secret${i}`, { Type: 'AWS::SecretsManager::Secret', Properties: { Name: `bench/${i}`, GenerateSecretString: { PasswordLength: 32 } } }];
    case 8:
      return [`User${i}`, { Type: 'AWS::IAM::User', Properties: { UserName: `bench-user-${i}`, ManagedPolicyArns: open ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : [] } }];
    default:
      return [`Trail${i}`, { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'audit', IsMultiRegionTrail: !open, EnableLogFileValidation: !open } }];
  }
}

function benchTemplates(total: number): Json[] {
  const r = rng(42);
  const out: Json[] = [];
  for (let t = 0; t * 100 < total; t++) {
    const resources: Json = {};
    for (let i = t * 100; i < Math.min(total, (t + 1) * 100); i++) {
      const [id, body] = benchResource(i, r);
      resources[id] = body;
    }
    out.push({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });
  }
  return out;
}

// ── a network-rich estate ──────────────────────────────────────────────────────────────────────────────────────────

const PORTS = [22, 80, 443, 3389, 5985, 3306, 5432, 1433, 6379, 8080, 53, 123];
const VPCS = 3;
const SUBNETS = 4;
const HOSTS = 8;

/** Private address of host `h` in subnet `s` of VPC `v`. */
const hostIp = (v: number, s: number, h: number): string => `10.${v}.${s}.${10 + h}`;

function awsTemplate(seed: number): Json {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const res: Json = {};
  const ref = (id: string): Json => ({ Ref: id });
  for (let v = 0; v < VPCS; v++) {
    res[`Vpc${v}`] = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: `10.${v}.0.0/16` } };
    for (let s = 0; s < SUBNETS; s++) {
      res[`Subnet${v}x${s}`] = { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref(`Vpc${v}`), CidrBlock: `10.${v}.${s}.0/24`, MapPublicIpOnLaunch: s < 2 } };
    }
    const rt = `PublicRt${v}`;
    res[rt] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(`Vpc${v}`) } };
    if (v < 2) {
      res[`Igw${v}`] = { Type: 'AWS::EC2::InternetGateway' };
      res[`IgwAttach${v}`] = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref(`Vpc${v}`), InternetGatewayId: ref(`Igw${v}`) } };
      res[`DefaultRoute${v}`] = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(rt), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(`Igw${v}`) } };
    } else {
      res[`TgwRoute${v}`] = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(rt), DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-0123456789abcdef0' } };
    }
    for (const s of [0, 1]) res[`PublicAssoc${v}x${s}`] = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(`Subnet${v}x${s}`), RouteTableId: ref(rt) } };
  }
  // A NAT gateway for VPC 0's private subnet 2; subnet 3 keeps the main table (local routes only).
  res.NatEip = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } };
  res.Nat = { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: ref('Subnet0x0'), AllocationId: { 'Fn::GetAtt': ['NatEip', 'AllocationId'] } } };
  res.PrivateRt = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc0') } };
  res.PrivateRoute = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('PrivateRt'), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref('Nat') } };
  res.PrivateAssoc = { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('Subnet0x2'), RouteTableId: ref('PrivateRt') } };
  // A custom network ACL on VPC 1's subnet 1: SSH from one range denied, a few ports in, replies out.
  res.Acl = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc1') } };
  const entries: [number, boolean, string, string, string, number, number][] = [
    [90, false, '6', 'deny', '198.51.100.0/24', 22, 22],
    [100, false, '6', 'allow', '0.0.0.0/0', 22, 443],
    [110, false, '6', 'allow', '0.0.0.0/0', 3306, 3306],
    [120, false, '17', 'allow', '0.0.0.0/0', 53, 53],
    [100, true, '6', 'allow', '0.0.0.0/0', 1024, 65535],
    [110, true, '6', 'allow', '0.0.0.0/0', 443, 443],
  ];
  entries.forEach(([n, egress, proto, action, cidr, from, to], k) => {
    res[`AclEntry${k}`] = { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: ref('Acl'), RuleNumber: n, Egress: egress, Protocol: proto, RuleAction: action, CidrBlock: cidr, PortRange: { From: from, To: to } } };
  });
  res.AclAssoc = { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref('Subnet1x1'), NetworkAclId: ref('Acl') } };

  const groupsPer = 10;
  const sgName = (v: number, g: number): string => `Sg${v}x${g}`;
  const rule = (v: number, egress: boolean, earlier: Json[]): Json => {
    const x = r();
    if (x < 0.12 && earlier.length > 0) return { ...pick(earlier) };
    const proto = pick(['tcp', 'tcp', 'tcp', 'tcp', 'udp', '-1', 'icmp']);
    const out: Json = { IpProtocol: proto };
    if (proto === 'tcp' || proto === 'udp') {
      const y = r();
      const p = pick(PORTS);
      const [lo, hi] = y < 0.65 ? [p, p] : y < 0.9 ? [p, p + int(0, 3000)] : [0, 65535];
      out.FromPort = lo;
      out.ToPort = hi;
    } else if (proto === 'icmp') {
      out.FromPort = pick([-1, 0, 8]);
      out.ToPort = -1;
    }
    const z = r();
    const key = egress ? 'DestinationSecurityGroupId' : 'SourceSecurityGroupId';
    if (z < 0.16) out.CidrIp = '0.0.0.0/0';
    else if (z < 0.21) out.CidrIpv6 = '::/0';
    else if (z < 0.31) out.CidrIp = `10.${v}.0.0/16`;
    else if (z < 0.45) out.CidrIp = `10.${v}.${int(0, SUBNETS - 1)}.0/24`;
    else if (z < 0.62) out.CidrIp = `${hostIp(v, int(0, SUBNETS - 1), int(0, HOSTS - 1))}/32`;
    else if (z < 0.72) out.CidrIp = `${int(1, 200)}.${int(0, 255)}.${pick([0, 128])}.0/${pick([17, 24, 25])}`;
    else if (z < 0.76) out.CidrIp = '0.0.0.0/1';
    else if (z < 0.79) out.CidrIp = '128.0.0.0/1';
    else if (z < 0.81) out.CidrIp = ref('AdminCidr');
    else out[key] = ref(sgName(v, int(0, groupsPer - 1)));
    return out;
  };
  for (let v = 0; v < VPCS; v++) {
    for (let g = 0; g < groupsPer; g++) {
      const ingress: Json[] = [];
      for (let k = int(1, 8); k > 0; k--) ingress.push(rule(v, false, ingress));
      const props: Json = { GroupDescription: `group ${v}.${g}`, VpcId: ref(`Vpc${v}`), SecurityGroupIngress: ingress };
      if (r() < 0.5) {
        const egress: Json[] = [];
        for (let k = int(1, 3); k > 0; k--) egress.push(rule(v, true, egress));
        props.SecurityGroupEgress = egress;
      }
      res[sgName(v, g)] = { Type: 'AWS::EC2::SecurityGroup', Properties: props };
      if (r() < 0.25) res[`${sgName(v, g)}Extra`] = { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: ref(sgName(v, g)), ...rule(v, false, ingress) } };
    }
  }
  for (let v = 0; v < VPCS; v++) {
    for (let s = 0; s < SUBNETS; s++) {
      for (let h = 0; h < HOSTS; h++) {
        const groups = [...new Set(Array.from({ length: int(1, 3) }, () => ref(sgName(v, int(0, groupsPer - 1)))).map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as Json);
        const id = `Host${v}x${s}x${h}`;
        const kind = r();
        if (kind < 0.15) {
          // A separate interface, attached to an instance or left alone.
          res[`${id}Eni`] = { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref(`Subnet${v}x${s}`), GroupSet: groups, PrivateIpAddress: hostIp(v, s, h) } };
          if (r() < 0.6) {
            res[id] = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: ref(`${id}Eni`) }] } };
          }
          if (r() < 0.4) res[`${id}Eip`] = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', NetworkInterfaceId: ref(`${id}Eni`) } };
        } else if (kind < 0.3) {
          res[id] = {
            Type: 'AWS::EC2::Instance', Properties: {
              ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro',
              NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: ref(`Subnet${v}x${s}`), GroupSet: groups, AssociatePublicIpAddress: r() < 0.5, PrivateIpAddress: hostIp(v, s, h) }],
            },
          };
        } else if (kind < 0.9) {
          const props: Json = { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', SubnetId: ref(`Subnet${v}x${s}`), SecurityGroupIds: groups };
          if (r() < 0.8) props.PrivateIpAddress = hostIp(v, s, h);
          res[id] = { Type: 'AWS::EC2::Instance', Properties: props };
          if (r() < 0.2) res[`${id}Eip`] = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc', InstanceId: ref(id) } };
        } else {
          res[id] = { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: true, ManageMasterUserPassword: true, PubliclyAccessible: r() < 0.5, VPCSecurityGroups: groups } };
        }
      }
    }
  }
  // A group nothing uses, and an instance whose groups come from a parameter.
  res.Unused = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'unused', VpcId: ref('Vpc0'), SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } };
  res.Mystery = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', SubnetId: ref('Subnet1x0'), SecurityGroupIds: ref('MysteryGroups') } };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { AdminCidr: { Type: 'String' }, MysteryGroups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' } },
    Resources: res,
  };
}

function armTemplate(seed: number): Json {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const id = (type: string, ...names: string[]): string => `[resourceId('Microsoft.Network/${type}', ${names.map((n) => `'${n}'`).join(', ')})]`;
  const resources: Json[] = [];
  const asgs = Array.from({ length: 5 }, (_, a) => `asg-${a}`);
  for (const a of asgs) resources.push({ type: 'Microsoft.Network/applicationSecurityGroups', apiVersion: '2023-09-01', name: a, location: 'westeurope', properties: {} });
  const nsgs = Array.from({ length: 20 }, (_, n) => `nsg-${n}`);
  const address = (vn: number): string => {
    const z = r();
    if (z < 0.2) return pick(['*', 'Internet', 'VirtualNetwork', 'AzureLoadBalancer', 'Any']);
    if (z < 0.4) return `10.${100 + vn}.${int(0, 2)}.0/24`;
    if (z < 0.6) return `10.${100 + vn}.${int(0, 2)}.${10 + int(0, 5)}`;
    if (z < 0.7) return `${int(1, 200)}.${int(0, 255)}.0.0/16`;
    if (z < 0.75) return '0.0.0.0/0';
    if (z < 0.8) return pick(['0.0.0.0/1', '128.0.0.0/1']);
    return '*';
  };
  nsgs.forEach((name, n) => {
    const vn = n % 2;
    const rules: Json[] = [];
    for (let i = 0, count = int(2, 9); i < count; i++) {
      const inbound = r() < 0.7;
      const p = pick(PORTS);
      const y = r();
      const props: Json = {
        priority: 100 + i * 10 + (r() < 0.2 ? 0 : int(0, 9)), direction: inbound ? 'Inbound' : 'Outbound', access: r() < 0.25 ? 'Deny' : 'Allow',
        protocol: pick(['Tcp', 'Tcp', 'Udp', '*']), sourcePortRange: '*',
      };
      if (y < 0.55) props.destinationPortRange = String(p);
      else if (y < 0.7) props.destinationPortRange = `${p}-${p + int(1, 2000)}`;
      else if (y < 0.85) props.destinationPortRanges = [String(p), String(pick(PORTS))];
      else props.destinationPortRange = '*';
      const remote = inbound ? 'source' : 'destination';
      const local = inbound ? 'destination' : 'source';
      const z = r();
      if (z < 0.15) props[`${remote}ApplicationSecurityGroups`] = [{ id: id('applicationSecurityGroups', pick(asgs)) }];
      else if (z < 0.3) props[`${remote}AddressPrefixes`] = [address(vn), address(vn)].filter((a, k, all) => all.indexOf(a) === k && a !== '*' && a !== 'Any' && a !== 'Internet' && a !== 'VirtualNetwork' && a !== 'AzureLoadBalancer');
      else props[`${remote}AddressPrefix`] = address(vn);
      if (Array.isArray(props[`${remote}AddressPrefixes`]) && (props[`${remote}AddressPrefixes`] as unknown[]).length === 0) {
        delete props[`${remote}AddressPrefixes`];
        props[`${remote}AddressPrefix`] = '*';
      }
      const w = r();
      if (w < 0.15) props[`${local}ApplicationSecurityGroups`] = [{ id: id('applicationSecurityGroups', pick(asgs)) }];
      else if (w < 0.3) props[`${local}AddressPrefix`] = address(vn);
      else props[`${local}AddressPrefix`] = '*';
      const ruleName = `${pick(['allow', 'deny', 'permit'])}-${pick(['web', 'db', 'ssh', 'all'])}-${pick(['in', 'out', 'inbound', 'outbound', 'x'])}-${i}`;
      rules.push({ name: ruleName, properties: props });
    }
    resources.push({ type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name, location: 'westeurope', properties: { securityRules: rules } });
  });
  for (let vn = 0; vn < 2; vn++) {
    const subnets = Array.from({ length: 3 }, (_, s) => {
      const props: Json = { addressPrefix: `10.${100 + vn}.${s}.0/24` };
      if (r() < 0.6) props.networkSecurityGroup = { id: id('networkSecurityGroups', pick(nsgs)) };
      return { name: `s${s}`, properties: props };
    });
    resources.push({ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: `vnet-${vn}`, location: 'westeurope', properties: { addressSpace: { addressPrefixes: [`10.${100 + vn}.0.0/16`] }, subnets } });
  }
  for (let k = 0; k < 40; k++) {
    const vn = k % 2;
    const s = int(0, 2);
    const h = int(0, 5);
    const nicName = `nic-${k}`;
    const ipProps: Json = { subnet: { id: id('virtualNetworks/subnets', `vnet-${vn}`, `s${s}`) }, privateIPAllocationMethod: 'Static', privateIPAddress: `10.${100 + vn}.${s}.${10 + h + 6 * Math.floor(k / 6)}` };
    if (r() < 0.5) {
      const sku = r() < 0.6 ? 'Standard' : 'Basic';
      resources.push({ type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2023-09-01', name: `pip-${k}`, location: 'westeurope', sku: { name: sku }, properties: { publicIPAllocationMethod: 'Static' } });
      ipProps.publicIPAddress = { id: id('publicIPAddresses', `pip-${k}`) };
    }
    if (r() < 0.4) ipProps.applicationSecurityGroups = [{ id: id('applicationSecurityGroups', pick(asgs)) }];
    const nicProps: Json = { ipConfigurations: [{ name: 'ipconfig1', properties: ipProps }] };
    if (r() < 0.5) nicProps.networkSecurityGroup = { id: id('networkSecurityGroups', pick(nsgs)) };
    resources.push({ type: 'Microsoft.Network/networkInterfaces', apiVersion: '2023-09-01', name: nicName, location: 'westeurope', properties: nicProps });
    if (r() < 0.7) {
      resources.push({
        type: 'Microsoft.Compute/virtualMachines', apiVersion: '2024-03-01', name: `vm-${k}`, location: 'westeurope',
        properties: { hardwareProfile: { vmSize: 'Standard_B2s' }, networkProfile: { networkInterfaces: [{ id: `[resourceId('Microsoft.Network/networkInterfaces', '${nicName}')]` }] } },
      });
    }
  }
  return { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources };
}

// ── what is pinned ─────────────────────────────────────────────────────────────────────────────────────────────────

const NETWORK_BASED = [...EC2_CHECKS, ...AWS_REACHABILITY, ...NETWORK_CHECKS, ...AZURE_REACHABILITY];

/** Every finding and unknown outcome of the network-based checks, one line each: id, status, severity, resource, location, message, evidence. */
function checkFindings(estate: Estate): string[] {
  const run = runChecks(NETWORK_BASED, estate, buildServices(estate));
  expect(run.crashes).toEqual([]);
  return run.results.map((x) => {
    const o = x.outcome;
    const severity = o.status === 'fail' ? (o.severity ?? x.check.severity) : '-';
    const at = `${relative(repo, o.at.file).split('\\').join('/')}:${o.at.line}:${o.at.column}`;
    const evidence = o.status === 'fail' && o.evidence ? ` | ${o.evidence.join(' | ')}` : '';
    return `${x.check.id} ${o.status} ${severity} ${x.subject.address} ${at} ${o.message}${evidence}`;
  }).sort();
}

const FOCUSES: readonly (readonly TrafficFocus[])[] = [
  [{ protocol: 'tcp', ports: [[22, 22], [3389, 3389], [5985, 5986]] }],
  [{ protocol: 'tcp', ports: [[3306, 3306], [5432, 5432], [1433, 1433]] }, { protocol: 'udp', ports: [[1434, 1434]] }],
  [{ protocol: 'tcp' }, { protocol: 'udp' }],
];

/** The service's rule answers: redundancy, suggestions, shadowing, direction, and ruleReach of every rule with three focuses. */
function serviceAnswers(estate: Estate): string[] {
  const net = buildNetworkService(estate);
  const lines: string[] = [];
  for (const x of net.redundantSgRules()) lines.push(`redundant ${JSON.stringify(x)}`);
  for (const x of net.groupSuggestions()) lines.push(`suggestion ${JSON.stringify(x)}`);
  for (const x of net.shadowedNsgRules()) lines.push(`shadowed ${JSON.stringify(x)}`);
  for (const x of net.directionMismatches()) lines.push(`direction ${JSON.stringify(x)}`);
  const refs: RuleRef[] = [];
  for (const g of estate.ofKind('aws.ec2.securityGroup')) {
    g.ingress.forEach((_, i) => refs.push({ kind: 'security-group', id: g.key, rule: `ingress[${i}]` }));
    g.egress.forEach((_, i) => refs.push({ kind: 'security-group', id: g.key, rule: `egress[${i}]` }));
  }
  for (const n of estate.ofKind('azure.network.nsg')) {
    n.rules.forEach((x, i) => refs.push({ kind: 'nsg', id: n.key, rule: x.name.known ? x.name.value : `rules[${i}]` }));
  }
  for (const ref of refs) {
    FOCUSES.forEach((f, k) => lines.push(`ruleReach ${k} ${JSON.stringify(net.ruleReach(ref, f))}`));
  }
  for (const r of estate.resources) {
    for (const x of net.inboundOf(r.key)) lines.push(`inbound ${r.key} ${JSON.stringify({ ...x, ruleAt: undefined })}`);
    for (const x of net.egressOf(r.key)) lines.push(`egress ${r.key} ${JSON.stringify({ ...x, ruleAt: undefined })}`);
  }
  return lines;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function estateOf(files: Record<string, Json>): Promise<Estate> {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-network-pinned-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(body, null, 2));
  const loaded = await loadEstate([dir], { cwd: dir });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.estate;
}

/** File paths point into the temporary folder: keep only what follows it. */
function stable(lines: readonly string[]): string {
  return `${lines.map((l) => l.replace(/"file":"[^"]*[\\/]([^"\\/]+)"/g, '"file":"$1"').replace(/\S*parapet-network-pinned-[^\s/\\]+[\\/]/g, '')).join('\n')}\n`;
}

describe('network findings and answers are pinned', () => {
  it('on the scan bench estate at 2,000 resources', async () => {
    const templates = benchTemplates(2000);
    const estate = await estateOf(Object.fromEntries(templates.map((t, k) => [`stack-${String(k).padStart(4, '0')}.json`, t])));
    await expect(stable(checkFindings(estate))).toMatchFileSnapshot('__snapshots__/network-pinned-bench-2000.findings.txt');
  });

  for (const seed of [7, 11]) {
    it(`on a network-rich estate (seed ${seed})`, async () => {
      const estate = await estateOf({ 'network.json': awsTemplate(seed), 'azure.json': armTemplate(seed) });
      await expect(stable(checkFindings(estate))).toMatchFileSnapshot(`__snapshots__/network-pinned-rich-${seed}.findings.txt`);
      await expect(stable(serviceAnswers(estate))).toMatchFileSnapshot(`__snapshots__/network-pinned-rich-${seed}.answers.txt`);
    });
  }

  it('on the example estate', async () => {
    const loaded = await loadEstate([join(repo, 'examples')], { cwd: repo });
    await expect(stable(checkFindings(loaded.estate))).toMatchFileSnapshot('__snapshots__/network-pinned-examples.findings.txt');
    await expect(stable(serviceAnswers(loaded.estate))).toMatchFileSnapshot('__snapshots__/network-pinned-examples.answers.txt');
  });
});
