/**
 * An instance launched without security groups gets its VPC's default security group, never another group of the
 * inputs: https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html and RunInstances ("If you don't
 * specify a security group, we use the default security group for the VPC",
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html). A default group the inputs create
 * through a new VPC has AWS's rules: all traffic in from its own members, all traffic out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReachResult } from '../../engines/network/index.js';
import { loadEstate } from '../load-estate.js';
import { buildNetworkService } from './network.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function sshFromInternet(files: Record<string, string>, handle: string): Promise<ReachResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-default-group-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const loaded = await loadEstate([dir], { cwd: dir });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const r = buildNetworkService(loaded.estate).reach({ from: 'internet', to: { handle }, port: 22, protocol: 'tcp' });
  if ('code' in r) throw new Error(`no answer: ${JSON.stringify(r)}`);
  return r;
}

/** A public subnet (IGW route, public addresses on launch) in a new VPC, with a group open to SSH from anywhere. */
function template(extra: Record<string, unknown>): string {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Igw: { Type: 'AWS::EC2::InternetGateway' },
      Attach: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: { Ref: 'Vpc' }, InternetGatewayId: { Ref: 'Igw' } } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', MapPublicIpOnLaunch: true } },
      Rt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
      Default: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Rt' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } } },
      Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Subnet' }, RouteTableId: { Ref: 'Rt' } } },
      OpenSsh: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'ssh', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
      },
      Bastion: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', SubnetId: { Ref: 'Subnet' }, SecurityGroupIds: [{ Ref: 'OpenSsh' }] } },
      Plain: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', SubnetId: { Ref: 'Subnet' } } },
      ...extra,
    },
  });
}

const TF_BASE = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
resource "aws_security_group" "open_ssh" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_instance" "bastion" {
  ami                    = "ami-0abcdef1234567890"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.open_ssh.id]
}
resource "aws_instance" "plain" {
  ami       = "ami-0abcdef1234567890"
  subnet_id = aws_subnet.public.id
}
`;

describe('an instance that names no security group gets its VPC default group', () => {
  it('CloudFormation: not reachable on 22 through another open group of the template', async () => {
    const files = { 'stack.json': template({}) };
    expect((await sshFromInternet(files, 'Bastion')).verdict).toBe('reachable');
    const r = await sshFromInternet(files, 'Plain');
    expect(r.verdict).toBe('blocked');
    expect(r.path.some((s) => s.kind === 'security-group' && s.decision === 'deny')).toBe(true);
  });

  it('CloudFormation: the default group the template opens (!GetAtt Vpc.DefaultSecurityGroup) decides', async () => {
    const files = {
      'stack.json': template({
        OpenDefault: {
          Type: 'AWS::EC2::SecurityGroupIngress',
          Properties: { GroupId: { 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
        },
      }),
    };
    expect((await sshFromInternet(files, 'Plain')).verdict).toBe('reachable');
  });

  it('Terraform: not reachable on 22 through another open group; reachable once aws_default_security_group opens it', async () => {
    expect((await sshFromInternet({ 'main.tf': TF_BASE }, 'aws_instance.bastion')).verdict).toBe('reachable');
    expect((await sshFromInternet({ 'main.tf': TF_BASE }, 'aws_instance.plain')).verdict).toBe('blocked');
    const opened = `${TF_BASE}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
    expect((await sshFromInternet({ 'main.tf': opened }, 'aws_instance.plain')).verdict).toBe('reachable');
  });
});
