import { describe, expect, it } from 'vitest';
import type { Attr } from '../../../model/core/index.js';
import { adaptPlan, planFixture } from './testing.js';

// Plans from `terraform show -json` (see plan/__fixtures__), adapted and linked as the scan does.
const web = adaptPlan(planFixture('aws-web'));
const legacy = adaptPlan(planFixture('aws-legacy'));

const value = <T>(a: Attr<T>): T | undefined => (a.known ? a.value : undefined);

describe('AWS: provider v4+ split resources (aws-web plan)', () => {
  it('links every fragment to its target', () => {
    expect(web.linkDiagnostics).toEqual([]);
    expect(web.result.diagnostics).toEqual([]);
  });

  it('folds S3 block, encryption, ACL and versioning resources into their for_each bucket', () => {
    const app = web.one('aws.s3.bucket', 'infra::aws_s3_bucket.logs["app"]');
    expect(app.native).toEqual({ type: 'aws_s3_bucket', name: 'logs', address: 'aws_s3_bucket.logs["app"]' });
    expect(app.aliases).toEqual(expect.arrayContaining(['acme-prod-app-logs', 'arn:aws:s3:::acme-prod-app-logs']));
    const pab = value(app.publicAccessBlock);
    expect(app.publicAccessBlock).not.toHaveProperty('defaulted');
    expect(pab && value(pab.blockPublicAcls)).toBe(true);
    expect(value(app.acl)).toBe('public-read');
    const enc = value(app.encryption);
    expect(enc && value(enc.algorithm)).toBe('aws:kms');
    expect(enc && value(enc.kmsKey)).toBe('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    // No versioning resource for this bucket: the S3 default (off).
    expect(app.versioning).toMatchObject({ known: true, value: false, defaulted: true });
    const audit = web.one('aws.s3.bucket', 'infra::aws_s3_bucket.logs["audit"]');
    expect(value(audit.versioning)).toBe(true);
    // `jsonencode(...)` of values known only after apply: the policy is unknown, not absent.
    expect(audit.policy).toMatchObject({ known: false });
    const replica = web.one('aws.s3.bucket', 'acme-prod-replica');
    expect(value(replica.versioning)).toBe(true);
  });

  it('reads the provider-computed legacy bucket arguments as not set (their defaults apply)', () => {
    const replica = web.one('aws.s3.bucket', 'infra::module.replica[0].aws_s3_bucket.this');
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html (SSE-S3 by default)
    expect(replica.encryption).toMatchObject({ known: true, defaulted: true });
    expect(replica.acl).toMatchObject({ known: true, value: 'private', defaulted: true });
    expect(replica.policy).toMatchObject({ known: true, value: null });
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html (BPA on for new buckets)
    expect(replica.publicAccessBlock).toMatchObject({ known: true, defaulted: true });
    expect(replica.at.file).toBe('infra/plan.json');
  });

  it('gives a security group without egress blocks no egress (Terraform removes the default rule)', () => {
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group ("NOTE on Egress rules")
    const db = web.one('aws.ec2.securityGroup', 'infra::module.db.aws_security_group.db');
    expect(db.egress).toEqual([]);
    expect(db.ingress).toHaveLength(1);
    const [rule] = db.ingress;
    expect(rule && value(rule.fromPort)).toBe(5432);
    expect(rule?.groups).toEqual([{ known: true, value: 'infra::aws_security_group.web', at: expect.anything() }]);
    expect(value(db.vpc)).toBe('infra::aws_vpc.main');
  });

  it('reads inline rules and appends separate rule resources', () => {
    const sg = web.one('aws.ec2.securityGroup', 'infra::aws_security_group.web');
    expect(sg.ingress.map((r) => value(r.fromPort))).toEqual([443, 22]);
    expect(sg.ingress.every((r) => value(r.ipv4Ranges)?.[0] === '0.0.0.0/0')).toBe(true);
    expect(sg.egress).toHaveLength(1);
    const egress = sg.egress[0];
    // All-protocol rules (`protocol = "-1"`, ports 0) cover every port.
    expect(egress && [value(egress.protocol), value(egress.fromPort), value(egress.toPort)]).toEqual(['-1', -1, -1]);
    expect(egress?.isDefaultEgress).toBeUndefined();
    // The rule points at the separate resource that wrote it.
    expect(egress?.at.line).toBe(web.result.fragments.find((f) => f.source.address === 'aws_security_group_rule.web_egress')?.source.at.line);
  });

  it('maps an instance with its network, profile, metadata options and hashed user data', () => {
    const i = web.one('aws.ec2.instance', 'infra::aws_instance.web');
    expect(value(i.subnet)).toBe('infra::aws_subnet.public[0]');
    expect(i.securityGroups.map(value)).toEqual(['infra::aws_security_group.web', 'sg-0a1b2c3d4e5f60718']);
    expect(value(i.associatePublicIp)).toBe(true);
    expect(value(i.metadataOptions.httpTokens)).toBe('optional');
    expect(i.metadataOptions.httpTokens).not.toHaveProperty('defaulted');
    expect(i.instanceProfile && value(i.instanceProfile)).toBe('acme-web');
    expect(web.linked.resolve(i.instanceProfile ?? { known: false, why: '', at: i.at }, 'aws.iam.instanceProfile')).toMatchObject({ key: 'infra::aws_iam_instance_profile.web' });
    expect(i.userData).toMatchObject({ known: false, why: 'the plan holds only a hash of `user_data`' });
    // An address assigned at apply is unknown, not "no address".
    expect(i.publicIp.known).toBe(false);
  });

  it('maps routing: the route to the internet gateway and the subnets associated by count index', () => {
    const rt = web.one('aws.ec2.routeTable', 'infra::aws_route_table.public');
    expect(rt.routes).toHaveLength(1);
    expect(rt.routes[0]).toMatchObject({ targetType: 'internetGateway', target: { known: true, value: 'infra::aws_internet_gateway.main' } });
    expect(rt.subnets.map(value)).toEqual(['infra::aws_subnet.public[0]', 'infra::aws_subnet.public[1]']);
    expect(value(web.one('aws.ec2.subnet', 'infra::aws_subnet.public[1]').mapPublicIpOnLaunch)).toBe(true);
    // The adopted main route table keeps only the routes written (none), and belongs to the VPC it was taken from.
    const main = web.one('aws.ec2.routeTable', 'infra::aws_default_route_table.main');
    expect([value(main.isMain), main.routes, value(main.vpc)]).toEqual([true, [], 'infra::aws_vpc.main']);
    // A secondary CIDR block association adds to the VPC's CIDRs.
    expect(value(web.one('aws.ec2.vpc', 'infra::aws_vpc.main').cidrs)).toEqual(['10.20.0.0/16', '100.64.0.0/16']);
  });

  it('maps IAM roles, attachments by name and inline policies by id', () => {
    const role = web.one('aws.iam.role', 'acme-web');
    expect(role.trustPolicy.known && role.trustPolicy.value.json).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
    expect(role.managedPolicies.map(value)).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);
    expect(role.inlinePolicies).toHaveLength(1);
    expect(role.inlinePolicies[0]?.name).toBe('write-app-logs');
    expect(role.inlinePolicies[0]?.document.known).toBe(false);
  });

  it('keeps secrets written in the configuration where the model judges them', () => {
    const db = web.one('aws.rds.instance', 'acme-prod-db');
    expect(value(db.masterPassword)).toBe('Sup3rS3cret!');
    expect(value(db.storageEncrypted)).toBe(true);
    // `kms_key_id` left to the provider: the AWS managed key, i.e. no customer key set.
    expect(db.kmsKey).toMatchObject({ known: true, value: null });
    expect(db.securityGroups.map(value)).toEqual(['infra::module.db.aws_security_group.db']);
    const secret = web.one('aws.secretsmanager.secret', 'acme/prod/db');
    expect(value(secret.secretString)).toBe('Sup3rS3cret!');
    expect(secret.rotation).toMatchObject({ known: true, value: null });
  });

  it('maps an existing KMS key and a trail whose bucket comes from a for_each instance', () => {
    const key = web.one('aws.kms.key', 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(value(key.rotationEnabled)).toBe(false);
    expect(key.policy.known && key.policy.value?.json).toMatchObject({ Id: 'key-default-1' });
    const trail = web.one('aws.cloudtrail.trail', 'acme-prod');
    expect([value(trail.isLogging), value(trail.multiRegion), value(trail.logFileValidation)]).toEqual([true, true, true]);
    expect(web.linked.resolve(trail.s3Bucket, 'aws.s3.bucket')).toMatchObject({ key: 'infra::aws_s3_bucket.logs["audit"]' });
  });

  it('turns root variables into template parameters, sensitive ones hidden', () => {
    const pw = web.one('iac.parameter', 'infra::var.db_password');
    expect(value(pw.hidden)).toBe(true);
    expect(value(pw.defaultValue)).toBeNull();
    expect(value(web.one('iac.parameter', 'infra::var.admin_cidr').defaultValue)).toBe('0.0.0.0/0');
  });

  it('adapts no data sources and nothing for deleted resources', () => {
    const keys = web.result.resources.map((r) => r.key);
    expect(keys.some((k) => k.includes('data.'))).toBe(false);
    expect(keys).not.toContain('infra::aws_s3_bucket.old');
  });
});

describe('AWS: legacy inline style and the remaining types (aws-legacy plan)', () => {
  it('links every fragment', () => {
    expect(legacy.linkDiagnostics).toEqual([]);
    expect(legacy.result.diagnostics).toEqual([]);
  });

  it('reads the inline S3 arguments of provider v3', () => {
    const b = legacy.one('aws.s3.bucket', 'acme-reports');
    expect(value(b.acl)).toBe('public-read');
    expect(value(b.versioning)).toBe(true);
    expect(value(b.logging)).toBe('acme-access-logs');
    expect(b.policy.known && b.policy.value?.json).toMatchObject({ Statement: [{ Principal: '*' }] });
    const enc = value(b.encryption);
    expect(enc && value(enc.algorithm)).toBe('AES256');
    expect(enc && enc.kmsKey).toMatchObject({ known: true, value: null });
  });

  it('derives a canned ACL from grants, and takes the separate ACL, logging and ownership resources', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups
    const shared = adaptPlan(planFixture('aws-legacy')).result.resources.find((r) => r.key === 'infra::aws_s3_bucket.shared');
    expect(shared?.kind === 'aws.s3.bucket' && value(shared.acl)).toBe('public-read-write');
    const linked = legacy.one('aws.s3.bucket', 'acme-shared');
    // The separate `aws_s3_bucket_acl` (AuthenticatedUsers READ) replaces the inline grants.
    expect(value(linked.acl)).toBe('authenticated-read');
    expect(value(linked.logging)).toBe('acme-access-logs');
    expect(value(linked.objectOwnership)).toBe('ObjectWriter');
    expect(value(linked.versioning)).toBe(false);
  });

  it('folds IAM memberships, attachments, login profiles and access keys into users and groups', () => {
    const alice = legacy.one('aws.iam.user', 'alice');
    expect(alice.groups.map(value)).toEqual(['admins']);
    expect(value(alice.loginProfile)).toBe(true);
    // Two active keys; the inactive one does not count.
    expect(value(alice.accessKeys)).toBe(2);
    expect(alice.inlinePolicies.map((p) => p.name)).toEqual(['break-glass']);
    const bob = legacy.one('aws.iam.user', 'bob');
    expect(bob.groups.map(value)).toEqual(['analysts']);
    expect(bob.managedPolicies.map(value)).toEqual(['infra::aws_iam_policy.deployer', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(value(bob.permissionsBoundary)).toBe('arn:aws:iam::444455556666:policy/boundary');
    expect(bob.loginProfile).toMatchObject({ value: false, defaulted: true });
    const admins = legacy.one('aws.iam.group', 'admins');
    expect(admins.members.map(value)).toEqual(['alice']);
    expect(admins.managedPolicies.map(value)).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess', 'infra::aws_iam_policy.deployer']);
    const analysts = legacy.one('aws.iam.group', 'analysts');
    expect(analysts.members.map(value)).toEqual(['bob']);
    // A group policy without a name takes the resource name.
    expect(analysts.inlinePolicies.map((p) => p.name)).toEqual(['analysts']);
  });

  it('reads a role with inline policies and managed policy ARNs on the role itself', () => {
    const role = legacy.one('aws.iam.role', 'acme-deployer');
    expect(value(role.path)).toBe('/ci/');
    expect(role.inlinePolicies.map((p) => p.name)).toEqual(['inline-admin']);
    expect(role.managedPolicies.map(value)).toEqual(['arn:aws:iam::aws:policy/PowerUserAccess', 'infra::aws_iam_policy.deployer']);
    const policy = legacy.one('aws.iam.policy', 'infra::aws_iam_policy.deployer');
    expect(policy.document.known && policy.document.value.json).toMatchObject({ Statement: [{ Action: ['iam:PassRole', 'ec2:RunInstances'] }] });
    expect(policy.arn.known).toBe(false);
  });

  it('maps default VPC resources: adopted default group and ACL keep only what is written', () => {
    const sg = legacy.one('aws.ec2.securityGroup', 'infra::aws_default_security_group.default');
    expect(sg.isDefault).toBe(true);
    expect(sg.egress).toEqual([]);
    expect(sg.ingress[0]?.groups.map(value)).toEqual(['infra::aws_default_security_group.default']);
    const acl = legacy.one('aws.ec2.networkAcl', 'infra::aws_default_network_acl.default');
    expect(acl.isDefault).toBe(true);
    expect(value(acl.vpc)).toBe('infra::aws_default_vpc.default');
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_subnet
    expect(legacy.one('aws.ec2.subnet', 'infra::aws_default_subnet.a').mapPublicIpOnLaunch).toMatchObject({ value: true });
    expect(legacy.one('aws.ec2.vpc', 'infra::aws_default_vpc.default').isDefault).toBe(true);
  });

  it('maps network ACL entries, separate rules and associations', () => {
    const acl = legacy.one('aws.ec2.networkAcl', 'infra::aws_network_acl.private');
    const entries = acl.entries.map((e) => [value(e.ruleNumber), e.egress, value(e.protocol), value(e.action), value(e.cidr), value(e.fromPort)]);
    expect(entries).toEqual([
      [100, false, 'tcp', 'allow', '10.0.0.0/8', 443],
      [200, false, 'tcp', 'deny', '0.0.0.0/0', 22],
      [100, true, '-1', 'allow', '0.0.0.0/0', -1],
      [120, false, 'tcp', 'allow', '0.0.0.0/0', 3389],
    ]);
    expect(acl.subnets.map(value)).toEqual(['infra::aws_default_subnet.a']);
  });

  it('maps self and group peers on inline rules, with protocol numbers named', () => {
    const app = legacy.one('aws.ec2.securityGroup', 'app');
    expect(app.ingress.map((r) => [value(r.protocol), value(r.fromPort), r.groups.map(value)])).toEqual([
      ['tcp', 8080, ['infra::aws_security_group.app']],
      ['tcp', 22, ['infra::aws_security_group.bastion']],
    ]);
    expect(app.egress.map((r) => [value(r.protocol), value(r.ipv4Ranges), value(r.ipv6Ranges)])).toEqual([['-1', ['0.0.0.0/0'], ['::/0']]]);
  });

  it('maps routes, NAT, gateways, endpoints and flow logs', () => {
    const rt = legacy.one('aws.ec2.routeTable', 'infra::aws_route_table.private');
    expect(rt.routes).toMatchObject([{ targetType: 'natGateway', target: { value: 'infra::aws_nat_gateway.main' }, destination: { value: '0.0.0.0/0' } }]);
    expect(value(rt.isMain)).toBe(true);
    expect(legacy.one('aws.ec2.internetGateway', 'infra::aws_internet_gateway.detached').vpc).toMatchObject({ value: 'infra::aws_default_vpc.default' });
    expect(value(legacy.one('aws.ec2.natGateway', 'infra::aws_nat_gateway.main').connectivity)).toBe('public');
    const ep = legacy.one('aws.ec2.vpcEndpoint', 'infra::aws_vpc_endpoint.s3');
    expect(value(ep.endpointType)).toBe('Gateway');
    expect(ep.policy.known && ep.policy.value?.json).toMatchObject({ Statement: [{ Principal: '*' }] });
    const fl = legacy.one('aws.ec2.flowLog', 'infra::aws_flow_log.default_vpc');
    expect([value(fl.resource), value(fl.trafficType)]).toEqual(['infra::aws_default_vpc.default', 'REJECT']);
  });

  it('maps interfaces, their extra security groups, and elastic IPs', () => {
    const eni = legacy.one('aws.ec2.networkInterface', 'infra::aws_network_interface.worker');
    expect(eni.securityGroups.map(value)).toEqual(['infra::aws_security_group.app', 'infra::aws_security_group.bastion']);
    expect(value(eni.privateIps)).toEqual(['10.1.2.10']);
    const worker = legacy.one('aws.ec2.instance', 'infra::aws_instance.worker');
    expect(worker.networkInterfaces.map(value)).toEqual(['infra::aws_network_interface.worker']);
    expect(worker.publicIp).toMatchObject({ known: false, why: 'the Elastic IP address is allocated at apply' });
    expect(value(worker.userData)).toBe('#!/bin/bash\nexport DB_PASSWORD=hunter2\n');
    // No `metadata_options` written: the EC2 default.
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceMetadataOptionsRequest.html
    expect(worker.metadataOptions.httpTokens).toMatchObject({ value: 'optional', defaulted: true });
  });

  it('maps Lambda environment, secrets rotation, key aliases and policies, GuardDuty, a stopped trail', () => {
    const fn = legacy.one('aws.lambda.function', 'acme-report');
    const env = value(fn.environment);
    expect(env && value(env['DB_PASSWORD'] as Attr<string>)).toBe('hunter2');
    expect(legacy.linked.resolve(fn.role, 'aws.iam.role')).toMatchObject({ key: 'infra::aws_iam_role.report' });
    expect(value(legacy.one('aws.secretsmanager.secret', 'acme/api-key').rotation)).toEqual({ enabled: true, days: 30 });
    const key = legacy.one('aws.kms.key', 'alias/acme-secrets');
    expect(value(key.keySpec)).toBe('RSA_2048');
    expect(key.policy.known && key.policy.value?.json).toMatchObject({ Statement: [{ Sid: 'Everyone' }] });
    expect(value(legacy.one('aws.guardduty.detector', 'infra::aws_guardduty_detector.main').enabled)).toBe(false);
    // `enable_logging = false` pauses the trail (the provider's default is true).
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#enable_logging
    const trail = legacy.one('aws.cloudtrail.trail', 'legacy');
    expect(value(trail.isLogging)).toBe(false);
    expect(legacy.linked.resolve(trail.s3Bucket, 'aws.s3.bucket')).toMatchObject({ key: 'infra::aws_s3_bucket.reports' });
  });

  it('takes metadata options from the launch template an instance is launched from', () => {
    const batch = legacy.one('aws.ec2.instance', 'infra::aws_instance.batch');
    expect(value(batch.metadataOptions.httpTokens)).toBe('required');
    expect(batch.metadataOptions.httpTokens).not.toHaveProperty('defaulted');
    expect(value(batch.subnet)).toBe('infra::aws_default_subnet.a');
  });

  it('maps queue, topic and secret policies, and gathers Lambda permissions into the function policy', () => {
    const queue = legacy.one('aws.sqs.queue', 'acme-jobs');
    expect(queue.policy.known && queue.policy.value?.json).toMatchObject({ Statement: [{ Principal: '*', Action: 'sqs:SendMessage' }] });
    const topic = legacy.one('aws.sns.topic', 'acme-alerts');
    expect(value(topic.kmsKey)).toBe('alias/aws/sns');
    expect(topic.policy.known && topic.policy.value?.json).toMatchObject({ Statement: [{ Principal: { Service: 'cloudwatch.amazonaws.com' } }] });
    const secret = legacy.one('aws.secretsmanager.secret', 'acme/api-key');
    expect(secret.policy?.known && secret.policy.value?.json).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::777788889999:root' } }] });
    // https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
    const fn = legacy.one('aws.lambda.function', 'acme-report');
    const policy = fn.policy?.known ? fn.policy.value : null;
    expect(policy?.partial).toBe(true);
    expect(policy?.statementAt).toHaveLength(2);
    expect(policy?.json).toEqual({
      Version: '2012-10-17', Id: 'default', Statement: [
        {
          Sid: 'AllowS3Invoke', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: 'acme-report',
          Condition: { ArnLike: { 'AWS:SourceArn': '<unknown: known after apply (from `aws_s3_bucket.reports.arn`)>' }, StringEquals: { 'AWS:SourceAccount': '444455556666' } },
        },
        {
          Sid: 'FunctionURLAllowPublicAccess', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl', Resource: 'acme-report',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        },
      ],
    });
  });

  it('reads principal tags including the provider default tags', () => {
    expect(value(legacy.one('aws.iam.user', 'bob').tags ?? { known: false, why: '', at: legacy.one('aws.iam.user', 'bob').at })).toEqual({ team: 'data', 'managed-by': 'terraform' });
  });
});
