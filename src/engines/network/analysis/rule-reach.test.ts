import { describe, expect, it } from 'vitest';
import { NetworkEngine } from '../engine.js';
import type { AwsInput, AwsInterface, AwsSecurityGroup, AzureInput, AzureNic, AzureNsgRule, RuleReach, TrafficFocus } from '../types.js';

const SSH: TrafficFocus[] = [{ protocol: 'tcp', ports: [[22, 22]] }];
const EVERY: TrafficFocus[] = [{ protocol: 'tcp' }, { protocol: 'udp' }];

// ── AWS ────────────────────────────────────────────────────────────────────────────────────────────────────────────

function aws(over: { iface?: Partial<AwsInterface>; sg?: Partial<AwsSecurityGroup>; extra?: Partial<AwsInput>; noIgwRoute?: boolean; aclDeny22?: boolean } = {}): NetworkEngine {
  const input: AwsInput = {
    vpcs: [{ id: 'vpc-1', cidrs: ['10.1.0.0/16'] }],
    subnets: [{ id: 'subnet-1', vpcId: 'vpc-1', cidrs: ['10.1.1.0/24'] }],
    internetGateways: [{ id: 'igw-1', vpcId: 'vpc-1' }],
    routeTables: [{
      id: 'rtb-1', vpcId: 'vpc-1', isMain: true, subnetIds: [], routes: [
        { destination: '10.1.0.0/16', targetType: 'local', targetId: 'local' },
        ...(over.noIgwRoute ? [] : [{ destination: '0.0.0.0/0', targetType: 'internetGateway' as const, targetId: 'igw-1' }]),
      ],
    }],
    networkAcls: [{
      id: 'acl-1', vpcId: 'vpc-1', isDefault: true, subnetIds: ['subnet-1'], entries: [
        ...(over.aclDeny22 ? [{ ruleNumber: 90, egress: false, protocol: 'tcp', action: 'deny', cidr: '0.0.0.0/0', fromPort: 22, toPort: 22 }] : []),
        { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
        { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      ],
    }],
    securityGroups: [{
      id: 'sg-web', vpcId: 'vpc-1',
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }, { protocol: 'tcp', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'] }],
      egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'] }],
      ...over.sg,
    }, { id: 'sg-idle', vpcId: 'vpc-1', ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/0'] }], egress: [] }],
    interfaces: [{
      id: 'eni-1', aliases: ['i-web'], subnetId: 'subnet-1', privateIps: ['10.1.1.10'], hasPublicIp: true, publicIps: ['54.0.0.1'],
      securityGroupIds: ['sg-web'], ...over.iface,
    }],
    ...over.extra,
  };
  return NetworkEngine.compile({ aws: input });
}

const sg = (rule: string, id = 'sg-web') => ({ kind: 'security-group' as const, id, rule });
const brief = (r: RuleReach) => r.rows.map((x) => `${x.resource} ${x.protocol} ${x.ports.join(',')} ${x.verdict}`);

describe('rule reach, AWS security group rules', () => {
  // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html: a public IPv4 address and a route to
  // an internet gateway; https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html: the ACL must allow it.
  it('an internet-wide rule reaches an interface with a public address, an internet gateway route and an allowing ACL', () => {
    const r = aws().ruleReach(sg('ingress[0]'), SSH);
    expect(r.found).toBe(true);
    expect(r.direction).toBe('inbound');
    expect(r.interfaces).toEqual(['eni-1']);
    expect(brief(r)).toEqual(['i-web tcp 22 reachable']);
    expect(r.rows[0]?.peers).toEqual(['0.0.0.0/0']);
    // The security group level shows the rule asked about.
    expect(r.rows[0]?.path.find((s) => s.kind === 'security-group')).toEqual({ kind: 'security-group', id: 'sg-web', rule: 'ingress[0]', decision: 'allow' });
  });

  it('the focus narrows a wide rule to the ports asked about', () => {
    expect(brief(aws().ruleReach(sg('ingress[1]'), SSH))).toEqual(['i-web tcp 22 reachable']);
    expect(brief(aws().ruleReach(sg('ingress[1]'), EVERY))).toEqual(['i-web tcp 0-65535 reachable']);
  });

  it('without a public address the rule is open but nothing arrives: blocked, by the missing address', () => {
    const r = aws({ iface: { hasPublicIp: false, publicIps: [] } }).ruleReach(sg('ingress[0]'), SSH);
    expect(brief(r)).toEqual(['i-web tcp 22 blocked']);
    expect(r.rows[0]?.blockedBy).toEqual([{ kind: 'public-ip', id: 'eni-1', rule: null }]);
    expect(r.rows[0]?.reasons.join()).toContain('no public or Elastic IP address');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types: no route to an internet
  // gateway, no public subnet.
  it('without a route to an internet gateway: blocked by the route table', () => {
    const r = aws({ noIgwRoute: true }).ruleReach(sg('ingress[0]'), SSH);
    expect(r.rows[0]?.verdict).toBe('blocked');
    expect(r.rows[0]?.blockedBy.map((b) => b.kind)).toEqual(['route-table']);
  });

  it('an ACL deny with a lower number stops it: blocked by that entry', () => {
    const r = aws({ aclDeny22: true }).ruleReach(sg('ingress[0]'), SSH);
    expect(r.rows[0]?.blockedBy).toEqual([{ kind: 'network-acl', id: 'acl-1', rule: 'inbound #90' }]);
  });

  it('unknown where the public address is not known before deployment', () => {
    const r = aws({ iface: { hasPublicIp: { unknown: 'var.public' }, publicIps: [] } }).ruleReach(sg('ingress[0]'), SSH);
    expect(brief(r)).toEqual(['i-web tcp 22 unknown']);
  });

  it('a rule of a group no interface uses has no rows; interfaces whose groups are unknown may use it', () => {
    const idle = aws().ruleReach(sg('ingress[0]', 'sg-idle'), SSH);
    expect(idle).toMatchObject({ found: true, interfaces: [], maybeInterfaces: [], rows: [] });
    const maybe = aws({ iface: { securityGroupIds: { unknown: 'var.groups' } } }).ruleReach(sg('ingress[0]', 'sg-idle'), SSH);
    expect(maybe.maybeInterfaces).toEqual(['eni-1']);
    expect(aws().ruleReach(sg('ingress[9]'), SSH).found).toBe(false);
  });

  it('rules open to part of the internet are judged on that part', () => {
    const r = aws({ sg: { ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrs: ['0.0.0.0/1'] }] } }).ruleReach(sg('ingress[0]'), SSH);
    expect(r.rows[0]?.verdict).toBe('reachable');
    expect(r.rows[0]?.peers).not.toContain('0.0.0.0/0');
  });

  // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html: egress needs an internet gateway route with
  // a public address (or a NAT gateway).
  it('an egress rule: reachable with a way out, blocked without one', () => {
    expect(brief(aws().ruleReach(sg('egress[0]'), EVERY))).toEqual(['i-web tcp 0-65535 reachable', 'i-web udp 0-65535 reachable']);
    const out = aws({ noIgwRoute: true }).ruleReach(sg('egress[0]'), EVERY);
    expect(out.direction).toBe('outbound');
    expect(out.rows.map((x) => x.verdict)).toEqual(['blocked', 'blocked']);
    expect(out.rows[0]?.blockedBy.map((b) => b.kind)).toContain('route-table');
  });
});

// ── Azure ──────────────────────────────────────────────────────────────────────────────────────────────────────────

const RG = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network';
const NSG = `${RG}/networkSecurityGroups/nsg-web`;
const SUBNET_NSG = `${RG}/networkSecurityGroups/nsg-subnet`;
const rule = (name: string, priority: number, over: Partial<AzureNsgRule> = {}): AzureNsgRule => ({
  name, priority, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', destinationAddressPrefix: '*',
  sourcePortRange: '*', destinationPortRange: '22', ...over,
});

function azure(over: { rules?: AzureNsgRule[]; subnetRules?: AzureNsgRule[]; nic?: Partial<AzureNic>; publicIp?: boolean; privateSubnet?: boolean } = {}): NetworkEngine {
  const input: AzureInput = {
    vnets: [{ id: `${RG}/virtualNetworks/vnet`, addressSpace: ['10.1.0.0/16'] }],
    subnets: [{
      id: `${RG}/virtualNetworks/vnet/subnets/web`, vnetId: `${RG}/virtualNetworks/vnet`, prefixes: ['10.1.1.0/24'],
      nsgId: over.subnetRules ? SUBNET_NSG : null, ...(over.privateSubnet ? { defaultOutboundAccess: false } : {}),
    }],
    nsgs: [
      { id: NSG, name: 'nsg-web', rules: over.rules ?? [rule('allow-ssh', 100)] },
      ...(over.subnetRules ? [{ id: SUBNET_NSG, name: 'nsg-subnet', rules: over.subnetRules }] : []),
      { id: `${RG}/networkSecurityGroups/nsg-idle`, name: 'nsg-idle', rules: [rule('allow-ssh', 100)] },
    ],
    asgs: [{ id: `${RG}/applicationSecurityGroups/db`, name: 'db' }],
    publicIps: [{ id: `${RG}/publicIPAddresses/pip`, sku: 'Standard', address: '20.0.0.1' }],
    nics: [{
      id: `${RG}/networkInterfaces/web-nic`, name: 'web-nic', aliases: ['web-vm'], nsgId: NSG,
      ipConfigs: [{ name: 'ipconfig1', subnetId: `${RG}/virtualNetworks/vnet/subnets/web`, privateIp: '10.1.1.4', publicIpId: over.publicIp === false ? null : `${RG}/publicIPAddresses/pip`, asgIds: [] }],
      ...over.nic,
    }],
  };
  return NetworkEngine.compile({ azure: input });
}

const nsg = (name: string, id = NSG) => ({ kind: 'nsg' as const, id, rule: name });

describe('rule reach, Azure NSG rules', () => {
  // https://learn.microsoft.com/azure/virtual-network/ip-services/public-ip-addresses#sku: a Standard address is open
  // where an NSG allows; https://learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works: a place
  // without an NSG allows.
  it('an allow from `*` reaches a NIC with a public IP when the subnet has no NSG', () => {
    const r = azure().ruleReach(nsg('allow-ssh'), SSH);
    expect(r.interfaces).toEqual([`${RG}/networkInterfaces/web-nic`]);
    expect(brief(r)).toEqual(['web-vm tcp 22 reachable']);
    expect(r.rows[0]?.path.filter((s) => s.kind === 'nsg').map((s) => s.rule)).toEqual([null, 'allow-ssh']);
  });

  it('without a public IP: blocked by the missing address', () => {
    const r = azure({ publicIp: false }).ruleReach(nsg('allow-ssh'), SSH);
    expect(r.rows[0]?.verdict).toBe('blocked');
    expect(r.rows[0]?.blockedBy.map((b) => b.kind)).toEqual(['public-ip']);
  });

  it('the subnet NSG at the other place denies: blocked by its rule', () => {
    const r = azure({ subnetRules: [] }).ruleReach(nsg('allow-ssh'), SSH);
    expect(r.rows[0]?.blockedBy).toEqual([{ kind: 'nsg', id: SUBNET_NSG, rule: 'DenyAllInBound' }]);
  });

  // First match by priority: the rule decides only what no earlier rule matches.
  it('an earlier deny takes part of the rule\'s traffic; all of it leaves the rule nothing to decide', () => {
    const part = azure({ rules: [rule('deny-half', 100, { access: 'Deny', sourceAddressPrefix: '0.0.0.0/1' }), rule('allow-ssh', 200)] }).ruleReach(nsg('allow-ssh'), SSH);
    expect(part.rows[0]?.verdict).toBe('reachable');
    // Any internet address but those the deny takes.
    expect(part.rows[0]?.peers).toEqual(['0.0.0.0/0']);
    expect(part.rows[0]?.except).toContain('1.0.0.0/8');
    expect(part.rows[0]?.except).not.toContain('128.0.0.0/8');
    const all = azure({ rules: [rule('deny-ssh', 100, { access: 'Deny' }), rule('allow-ssh', 200)] }).ruleReach(nsg('allow-ssh'), SSH);
    expect(all.rows).toEqual([]);
    expect(all.unmatched).toEqual([`${RG}/networkInterfaces/web-nic`]);
  });

  it('what the rule admits excludes what earlier rules take, so "every port it admits arrives" stays true', () => {
    const r = azure({ rules: [rule('allow-ssh', 100), rule('allow-all', 200, { protocol: '*', destinationPortRange: '*' })] }).ruleReach(nsg('allow-all'), [{ protocol: 'tcp' }]);
    expect(r.rows[0]?.ports).toEqual(['0-21', '23-65535']);
    expect(r.rows[0]?.admitted).toEqual(['0-21', '23-65535']);
    // The subnet NSG letting only HTTPS through narrows what arrives, not what the rule admits.
    const narrowed = azure({ rules: [rule('allow-all', 200, { protocol: '*', destinationPortRange: '*' })], subnetRules: [rule('allow-https', 100, { destinationPortRange: '443' })] })
      .ruleReach(nsg('allow-all'), [{ protocol: 'tcp' }]);
    expect(narrowed.rows[0]).toMatchObject({ verdict: 'reachable', ports: ['443'], admitted: ['0-65535'] });
  });

  it('a rule whose destination ASG the NIC is not in lets nothing through to it', () => {
    const r = azure({ rules: [rule('allow-ssh-db', 100, { destinationAddressPrefix: null, destinationAsgIds: [`${RG}/applicationSecurityGroups/db`] })] })
      .ruleReach(nsg('allow-ssh-db'), SSH);
    expect(r.unmatched).toHaveLength(1);
    expect(r.rows).toEqual([]);
  });

  it('an NSG attached to nothing applies to no interface', () => {
    expect(azure().ruleReach(nsg('allow-ssh', `${RG}/networkSecurityGroups/nsg-idle`), SSH)).toMatchObject({ found: true, interfaces: [], rows: [] });
  });

  // https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules and
  // https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access: AllowInternetOutBound lets
  // traffic out where there is a way out.
  it('the default AllowInternetOutBound: reachable with a public IP, blocked in a private subnet without one', () => {
    expect(brief(azure().ruleReach(nsg('AllowInternetOutBound'), EVERY))).toEqual(['web-vm tcp 0-65535 reachable', 'web-vm udp 0-65535 reachable']);
    const closed = azure({ publicIp: false, privateSubnet: true }).ruleReach(nsg('AllowInternetOutBound'), EVERY);
    expect(closed.direction).toBe('outbound');
    expect(closed.rows.map((x) => x.verdict)).toEqual(['blocked', 'blocked']);
    expect(closed.rows[0]?.blockedBy.map((b) => b.kind)).toEqual(['subnet']);
    // A custom deny to Internet ahead of it leaves it nothing.
    const denied = azure({ rules: [rule('deny-internet-out', 4000, { direction: 'Outbound', access: 'Deny', protocol: '*', destinationAddressPrefix: 'Internet', destinationPortRange: '*' })] });
    expect(denied.ruleReach(nsg('AllowInternetOutBound'), EVERY).rows).toEqual([]);
  });
});
