import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../model/index.js';
import { byId, fragmentsFrom, linkValue, loadFixture, locate, val, why } from './test-helpers.js';

/** The YAML web stack: short-form intrinsics, parameters, mappings, conditions, every network and service type. */
const r = loadFixture('web-stack.yaml');
const key = (id: string): string => `${r.file}#${id}`;
const at = (needle: string, after?: string): { line: number; column: number } => locate(r.text, needle, after);
const start = (a: { at: { line: number; column: number } }): { line: number; column: number } => ({ line: a.at.line, column: a.at.column });

describe('CloudFormation YAML: web stack', () => {
  it('loads with only the notes about resources whose condition is undecided', () => {
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['conditional', 'warning', at('Condition: IsUsEast1').line],
      ['conditional', 'warning', at('Condition: ProdInUsEast1').line],
    ]);
    expect(r.diagnostics[0]?.message).toContain('`AWS::Region` is known only at deployment');
  });

  it('keeps every parameter, hiding NoEcho ones, with the default where it is written', () => {
    const pw = byId(r, 'iac.parameter', 'DbPassword');
    expect(val(pw.hidden)).toBe(true);
    expect(val(pw.defaultValue)).toBe('changeme');
    expect(start(pw.defaultValue)).toEqual(at('changeme'));
    expect(val(byId(r, 'iac.parameter', 'ApiToken').hidden)).toBe(false);
    expect(pw.native).toEqual({ type: 'Parameter', name: 'DbPassword', address: 'Parameters.DbPassword' });
  });

  it('positions a resource from its logical id to the end of its block', () => {
    const vpc = byId(r, 'aws.ec2.vpc', 'Vpc');
    expect(start(vpc)).toEqual(at('Vpc:', 'Resources:'));
    expect(vpc.at.endLine).toBe(at('Value: !Sub "${Env}-web"').line);
    expect(vpc.native).toEqual({ type: 'AWS::EC2::VPC', name: 'Vpc', address: 'Vpc' });
    expect(val(vpc.cidrs)).toEqual(['10.20.0.0/16']);
  });

  it('computes subnets with Fn::Cidr and Fn::Select', () => {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
    expect(val(byId(r, 'aws.ec2.subnet', 'PublicSubnet').cidr)).toBe('10.20.0.0/24');
    expect(val(byId(r, 'aws.ec2.subnet', 'PrivateSubnet').cidr)).toBe('10.20.1.0/24');
    const pub = byId(r, 'aws.ec2.subnet', 'PublicSubnet');
    expect(val(pub.mapPublicIpOnLaunch)).toBe(true);
    expect(linkValue(pub.vpc)).toBe(key('Vpc'));
    expect(byId(r, 'aws.ec2.subnet', 'PrivateSubnet').mapPublicIpOnLaunch).toMatchObject({ known: true, value: false, defaulted: true });
  });

  it('reads inline security group rules, and keeps the default egress rule when none is written', () => {
    const sg = byId(r, 'aws.ec2.securityGroup', 'BastionSecurityGroup');
    const [open, admin] = sg.ingress as [SecurityGroupRule, SecurityGroupRule];
    expect([val(open.protocol), val(open.fromPort), val(open.toPort), val(open.ipv4Ranges)]).toEqual(['tcp', 22, 22, ['0.0.0.0/0']]);
    expect(start(open.ipv4Ranges)).toEqual(at('0.0.0.0/0', 'BastionSecurityGroup:'));
    expect(val(open.description)).toBe('ssh from anywhere');
    // The first entry of the CommaDelimitedList default, trimmed.
    expect(val(admin.ipv4Ranges)).toEqual(['203.0.113.0/24']);
    // "if you do not add egress rules, we add egress rules that allow all outbound IPv4 and IPv6 traffic"
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html
    expect(sg.egress).toHaveLength(1);
    const egress = sg.egress[0] as SecurityGroupRule;
    expect(egress.isDefaultEgress).toBe(true);
    expect([val(egress.protocol), val(egress.ipv4Ranges), val(egress.ipv6Ranges)]).toEqual(['-1', ['0.0.0.0/0'], ['::/0']]);
    expect(egress.protocol).toMatchObject({ defaulted: true });
    expect(why(sg.name)).toContain('generates the name');

    const app = byId(r, 'aws.ec2.securityGroup', 'AppSecurityGroup');
    expect(val(app.name)).toBe('prod-app');
    expect(app.egress.map((e) => [val(e.fromPort), e.isDefaultEgress])).toEqual([[443, undefined]]);
  });

  it('turns a separate ingress resource into a fragment on its group, linked by key', () => {
    const [f] = fragmentsFrom(r, 'AppFromBastion');
    expect(f?.targetKind).toBe('aws.ec2.securityGroup');
    expect(linkValue(f?.target)).toBe(key('AppSecurityGroup'));
    const rule = (f?.fields as { ingress: SecurityGroupRule[] }).ingress[0] as SecurityGroupRule;
    expect(rule.groups.map(linkValue)).toEqual([key('BastionSecurityGroup')]);
    expect([val(rule.fromPort), val(rule.toPort), val(rule.ipv4Ranges)]).toEqual([8080, 8080, []]);
  });

  it('reads network ACL entries with protocol numbers and all-protocol rules', () => {
    const ssh = fragmentsFrom(r, 'PublicAclSsh')[0];
    expect(linkValue(ssh?.target)).toBe(key('PublicAcl'));
    const [entry] = (ssh?.fields as { entries: { protocol: unknown; fromPort: unknown; toPort: unknown; action: unknown; egress: boolean }[] }).entries;
    expect(entry).toMatchObject({ protocol: { value: 'tcp' }, fromPort: { value: 22 }, toPort: { value: 22 }, action: { value: 'allow' }, egress: false });
    const out = fragmentsFrom(r, 'PublicAclEgress')[0]?.fields as { entries: { protocol: unknown; fromPort: unknown; egress: boolean }[] };
    expect(out.entries[0]).toMatchObject({ protocol: { value: '-1' }, fromPort: { value: -1 }, egress: true });
    expect(fragmentsFrom(r, 'PublicAclAssociation')[0]?.fields).toEqual({ subnets: [expect.objectContaining({ value: key('PublicSubnet') })] });
  });

  it('links the route to the internet gateway and the gateway to the VPC', () => {
    const route = fragmentsFrom(r, 'DefaultRoute')[0];
    expect(linkValue(route?.target)).toBe(key('PublicRouteTable'));
    expect((route?.fields as { routes: unknown[] }).routes[0]).toMatchObject({
      destination: { value: '0.0.0.0/0' }, target: { value: key('InternetGateway') }, targetType: 'internetGateway',
    });
    const attach = fragmentsFrom(r, 'GatewayAttachment')[0];
    expect(attach?.targetKind).toBe('aws.ec2.internetGateway');
    expect(attach?.fields).toEqual({ vpc: expect.objectContaining({ value: key('Vpc') }) });
    expect(val(byId(r, 'aws.ec2.natGateway', 'NatGateway').connectivity)).toBe('public');
  });

  it('reads the instance: metadata options, network interface, profile and decoded user data', () => {
    const i = byId(r, 'aws.ec2.instance', 'Bastion');
    expect(val(i.metadataOptions.httpTokens)).toBe('optional');
    expect(start(i.metadataOptions.httpTokens)).toEqual({ line: at('HttpTokens: optional').line, column: at('optional', 'HttpTokens:').column });
    // Not written: the documented default, positioned at the MetadataOptions block.
    expect(i.metadataOptions.httpEndpoint).toMatchObject({ value: 'enabled', defaulted: true });
    expect(val(i.metadataOptions.hopLimit)).toBe(2);
    expect(linkValue(i.subnet)).toBe(key('PublicSubnet'));
    expect(i.securityGroups.map(linkValue)).toEqual([key('BastionSecurityGroup')]);
    expect(linkValue(i.instanceProfile)).toBe(key('BastionProfile'));
    expect(val(i.associatePublicIp)).toBe(true);
    expect(why(i.publicIp)).toContain('assigned at launch');
    expect(val(i.userData)).toBe('#!/bin/bash\necho "env=prod" > /etc/app.conf\n');
  });

  it('resolves role names, partition ARNs and bucket ARNs inside policies', () => {
    const role = byId(r, 'aws.iam.role', 'BastionRole');
    expect(val(role.name)).toBe('prod-bastion');
    expect(role.aliases).toEqual(['prod-bastion']);
    expect(role.managedPolicies.map(linkValue)).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);
    const doc = val(role.inlinePolicies[0]?.document ?? { known: false, at: role.at, why: 'none' });
    expect(doc.partial).toBe(false);
    expect(doc.json).toMatchObject({ Statement: [{ Resource: ['arn:aws:s3:::acme-prod-assets', 'arn:aws:s3:::acme-prod-assets/*'] }] });
    expect(val(role.trustPolicy).json).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
    expect(byId(r, 'aws.iam.instanceProfile', 'BastionProfile').roles.map(linkValue)).toEqual([key('BastionRole')]);
  });

  it('reads the assets bucket and its separate policy', () => {
    const b = byId(r, 'aws.s3.bucket', 'AssetsBucket');
    expect(val(b.name)).toBe('acme-prod-assets');
    expect(b.aliases).toEqual(['acme-prod-assets', 'arn:aws:s3:::acme-prod-assets']);
    const pab = val(b.publicAccessBlock);
    expect(pab && [val(pab.blockPublicAcls), val(pab.blockPublicPolicy), val(pab.restrictPublicBuckets)]).toEqual([true, false, false]);
    expect(pab && start(pab.blockPublicPolicy)).toEqual({ line: at('BlockPublicPolicy: false').line, column: at('false', 'BlockPublicPolicy:').column });
    const enc = val(b.encryption);
    // KMSMasterKeyID is `!GetAtt DataKey.Arn`: unknown before deployment, so the attribute names the key resource.
    expect([val(enc.algorithm), val(enc.kmsKey), val(enc.bucketKeyEnabled)]).toEqual(['aws:kms', key('DataKey'), true]);
    expect(val(b.versioning)).toBe(true);
    expect(val(b.logging)).toBe(key('LogBucket'));

    const [policy] = fragmentsFrom(r, 'AssetsBucketPolicy');
    expect(linkValue(policy?.target)).toBe(key('AssetsBucket'));
    const fields = policy?.fields as { policy: { known: boolean; value: { json: unknown; partial: boolean } } };
    expect(fields.policy.value.json).toMatchObject({ Statement: [{ Principal: '*', Resource: 'arn:aws:s3:::acme-prod-assets/*' }] });
  });

  it('applies documented bucket defaults and says why a generated name is unknown', () => {
    const b = byId(r, 'aws.s3.bucket', 'LogBucket');
    expect(why(b.name)).toBe('`AWS::AccountId` is known only at deployment');
    // New buckets have all four Block Public Access settings on since April 2023.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html
    const pab = val(b.publicAccessBlock);
    expect(b.publicAccessBlock).toMatchObject({ defaulted: true });
    expect(pab && val(pab.ignorePublicAcls)).toBe(true);
    expect(val(b.encryption).algorithm).toMatchObject({ value: 'AES256', defaulted: true });
    expect(val(b.acl)).toBe('log-delivery-write');
    expect(val(b.objectOwnership)).toBe('ObjectWriter');
    expect(b.aliases).toEqual([]);
  });

  it('reads the KMS key with its alias, a conditional rotation, and a partly unknown policy', () => {
    const k = byId(r, 'aws.kms.key', 'DataKey');
    expect(val(k.rotationEnabled)).toBe(true);
    expect(k.aliases).toEqual(['alias/prod-data']);
    const policy = val(k.policy);
    expect(policy?.partial).toBe(true);
    expect(policy?.json).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::<unknown: `AWS::AccountId` is known only at deployment>:root' } }] });
    expect(val(k.keySpec)).toBe('SYMMETRIC_DEFAULT');
  });

  it('keeps a NoEcho parameter default that is used as the database password', () => {
    const db = byId(r, 'aws.rds.instance', 'Database');
    expect(val(db.masterPassword)).toBe('changeme');
    expect(start(db.masterPassword)).toEqual(at('!Ref DbPassword'));
    expect(val(db.storageEncrypted)).toBe(true);
    expect(val(db.kmsKey)).toBe(key('DataKey'));
    // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html (PubliclyAccessible default)
    expect(why(db.publiclyAccessible)).toContain('internet gateway');
    expect(db.securityGroups.map(linkValue)).toEqual([key('AppSecurityGroup')]);
    expect(val(db.identifier)).toBe('prod-app-db');
  });

  it('reads the secret, its rotation schedule, and the function environment', () => {
    const s = byId(r, 'aws.secretsmanager.secret', 'AppSecret');
    expect(val(s.secretString)).toBeNull();
    const [rot] = fragmentsFrom(r, 'AppSecretRotation');
    expect(linkValue(rot?.target)).toBe(key('AppSecret'));
    expect(rot?.fields).toEqual({ rotation: expect.objectContaining({ value: { enabled: true, days: 30 } }) });

    const fn = byId(r, 'aws.lambda.function', 'RotationFunction');
    expect(val(fn.name)).toBe('prod-rotate-secret');
    expect(linkValue(fn.role)).toBe(key('BastionRole'));
    const env = val(fn.environment);
    expect(val(env['API_TOKEN'] ?? { known: false, at: fn.at, why: '' })).toBe('tok-3f9a2c');
    expect(why(env['DB_HOST'] ?? { known: true, value: '', at: fn.at })).toBe('`!GetAtt Database.Endpoint.Address` is known only after deployment');
  });

  it('reads flow logs, endpoints and the trail', () => {
    const fl = byId(r, 'aws.ec2.flowLog', 'FlowLogs');
    expect([linkValue(fl.resource), val(fl.trafficType)]).toEqual([key('Vpc'), 'REJECT']);
    const ep = byId(r, 'aws.ec2.vpcEndpoint', 'S3Endpoint');
    expect(why(ep.service)).toBe('`AWS::Region` is known only at deployment');
    expect(val(ep.endpointType)).toBe('Gateway');
    const t = byId(r, 'aws.cloudtrail.trail', 'AuditTrail');
    expect([val(t.multiRegion), val(t.logFileValidation), val(t.kmsKey), linkValue(t.s3Bucket)]).toEqual([true, true, key('DataKey'), key('LogBucket')]);
    expect(t.cloudWatchLogsGroup).toMatchObject({ value: null, defaulted: true });
  });

  it('drops resources whose condition is false', () => {
    expect(r.resources.some((x) => x.key === key('DevSandboxBucket'))).toBe(false);
    expect(val(byId(r, 'aws.guardduty.detector', 'Detector').enabled)).toBe(true);
  });
});

describe('CloudFormation YAML: web stack with given parameters', () => {
  it('lets given values win over defaults and decide conditions', () => {
    const dev = loadFixture('web-stack.yaml', { parameters: { Env: 'dev', 'AWS::Region': 'eu-west-1' } });
    expect(dev.diagnostics).toEqual([]);
    expect(val(byId(dev, 'aws.s3.bucket', 'DevSandboxBucket').acl)).toBe('public-read-write');
    expect(dev.resources.some((x) => x.kind === 'aws.guardduty.detector')).toBe(false);
    expect(dev.resources.some((x) => x.kind === 'aws.cloudtrail.trail')).toBe(false);
    expect(val(byId(dev, 'aws.ec2.vpcEndpoint', 'S3Endpoint').service)).toBe('com.amazonaws.eu-west-1.s3');
    expect(val(byId(dev, 'aws.kms.key', 'DataKey').rotationEnabled)).toBe(false);
    // `StorageEncrypted: !If [IsProd, true, !Ref AWS::NoValue]`: removed, so the default applies.
    expect(byId(dev, 'aws.rds.instance', 'Database').storageEncrypted).toMatchObject({ value: false, defaulted: true });
  });

  it('builds ARNs and partitions from given pseudo parameters', () => {
    const cn = loadFixture('web-stack.yaml', { parameters: { 'AWS::Region': 'cn-north-1', 'AWS::AccountId': '111122223333' } });
    const b = byId(cn, 'aws.s3.bucket', 'LogBucket');
    expect(val(b.name)).toBe('acme-prod-logs-111122223333');
    expect(b.aliases).toContain('arn:aws-cn:s3:::acme-prod-logs-111122223333');
    const role = byId(cn, 'aws.iam.role', 'BastionRole');
    expect(role.aliases).toContain('arn:aws-cn:iam::111122223333:role/prod-bastion');
    // The trail is not created outside us-east-1.
    expect(cn.resources.some((x) => x.kind === 'aws.cloudtrail.trail')).toBe(false);
    // `!GetAtt BastionRole.Arn` is now known, and still links to the role by key.
    expect(linkValue(byId(cn, 'aws.lambda.function', 'RotationFunction').role)).toBe(`${cn.file}#BastionRole`);
  });
});
