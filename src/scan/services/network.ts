/**
 * The network engine as a service on the estate (`ctx.services.network`): the model of every format (templates,
 * plans, CLI exports) adapted once to the engine's input, compiled lazily on first use, and every answer memoised.
 */
import type {
  AwsInput, AwsInterface, AwsNaclEntry, AwsSecurityGroup, AwsRoute, AwsSgRule, AzureInput, AzureNic, AzureNsgRule, DirectionMismatch, ExposureRow,
  GroupSuggestion, NetworkInput, RedundantRule, RuleReach, RuleRef, ShadowedRule, TrafficFocus, Val,
} from '../../engines/network/index.js';
import { NetworkEngine } from '../../engines/network/index.js';
import type { NetworkRow, NetworkService } from '../../checks/kit/services/network.js';
import type { Attr, Link, Provenance } from '../../model/core/index.js';
import { interfaceSubject, listDistinct, listNames } from '../../checks/kit/network-names.js';
import type { AzureSubnet, Estate, NetworkAclEntry, NsgRule, RdsInstance, Resource, ResourceKind, SecurityGroupRule } from '../../model/index.js';

const U = (why: string): { unknown: string } => ({ unknown: why });

function val<T>(a: Attr<T>): Val<T> {
  return a.known ? a.value : U(a.why);
}

function list(a: Attr<readonly string[]> | undefined): Val<readonly Val<string>[]> | undefined {
  if (a === undefined) return undefined;
  return a.known ? a.value : U(a.why);
}

/** The CloudFormation loader's stand-in for an instance that names no security group (it gets its VPC's default group). */
const NO_GROUP_NAMED = 'no security group is named:';

/** Whether an interface's template names no security group at all (an unresolvable reference is not that). */
function namesNoGroup(named: readonly Link[]): boolean {
  return named.length === 0 || (named.length === 1 && !named[0]!.known && named[0]!.why.startsWith(NO_GROUP_NAMED));
}

/** A VPC id from an account export (`vpc-…`) rather than a template's own name for it. */
const EXPORTED_VPC = /^vpc-[0-9a-zA-Z]+$/;

/** The engine input built from the estate, plus what maps engine answers back to it. */
export class NetworkInputBuilder {
  readonly input: NetworkInput;
  /** Engine interface id → estate keys (interface resource, instance / VM). */
  readonly owners = new Map<string, string[]>();
  /** Estate key → engine interface ids. */
  readonly interfaces = new Map<string, string[]>();
  /** `kind|id|rule` → where the rule is written. */
  readonly rules = new Map<string, Provenance>();
  /** Engine id → address users know. */
  readonly addresses = new Map<string, string>();

  constructor(private readonly estate: Estate) {
    this.input = { aws: this.aws(), azure: this.azure() };
  }

  /** A link as the engine sees it: the target's key when in the estate, the written value otherwise. */
  private ref(l: Link | null | undefined, kind: ResourceKind): Val<string> | null {
    if (l === null || l === undefined) return null;
    if (!l.known) return U(l.why);
    const r = this.estate.resolve(l, kind);
    return r && r !== 'unknown' ? r.key : l.value;
  }

  private refOr(l: Link | null | undefined, kind: ResourceKind, why: string): Val<string> {
    return this.ref(l, kind) ?? U(why);
  }

  /** A route target as users wrote it: the resource's address when the estate holds it. */
  private targetLabel(l: Link): { targetLabel?: string } {
    if (!l.known) return {};
    const r = this.estate.lookup(l.value)[0];
    return r ? { targetLabel: r.native.address } : {};
  }

  private own(iface: string, keys: string[]): void {
    this.owners.set(iface, keys);
    for (const k of keys) this.interfaces.set(k, [...(this.interfaces.get(k) ?? []), iface]);
  }

  private addr(r: Resource): void {
    this.addresses.set(r.key, r.native.address);
  }

  private aws(): AwsInput {
    const e = this.estate;
    for (const k of ['aws.ec2.vpc', 'aws.ec2.subnet', 'aws.ec2.securityGroup', 'aws.ec2.networkAcl', 'aws.ec2.routeTable', 'aws.ec2.internetGateway', 'aws.ec2.natGateway', 'aws.ec2.instance', 'aws.ec2.networkInterface'] as const) {
      for (const r of e.ofKind(k)) this.addr(r);
    }
    const sgRule = (group: string, dir: 'ingress' | 'egress') => (r: SecurityGroupRule, i: number): AwsSgRule => {
      const label = `${dir}[${i}]`;
      this.rules.set(`security-group|${group}|${label}`, r.at);
      const v4 = r.ipv4Ranges;
      const v6 = r.ipv6Ranges;
      const cidrs: Val<readonly Val<string>[]> = v4.known && v6.known ? [...v4.value, ...v6.value] : U(!v4.known ? v4.why : (v6 as { why: string }).why);
      return {
        protocol: val(r.protocol), fromPort: val(r.fromPort), toPort: val(r.toPort), cidrs,
        prefixListIds: r.prefixLists.map((l) => (l.known ? l.value : U(l.why))),
        groupIds: r.groups.map((l) => this.refOr(l, 'aws.ec2.securityGroup', 'unknown group')),
        description: r.description.known ? r.description.value : null, label, at: r.at,
      };
    };
    const naclEntry = (acl: string) => (x: NetworkAclEntry): AwsNaclEntry => {
      const n = x.ruleNumber.known ? x.ruleNumber.value : null;
      this.rules.set(`network-acl|${acl}|${x.egress ? 'outbound' : 'inbound'} ${n === 32767 ? '*' : `#${n ?? '?'}`}`, x.at);
      const icmp = x.icmpType ? val(x.icmpType) : null;
      return {
        ruleNumber: val(x.ruleNumber), egress: x.egress, protocol: val(x.protocol), action: val(x.action), cidr: val(x.cidr),
        fromPort: val(x.fromPort), toPort: val(x.toPort),
        // Templates without an ICMP type write the type in the port fields (CloudFormation `Icmp.Type`, Terraform icmp_type).
        icmpType: icmp ?? (x.fromPort.known ? x.fromPort.value : null), at: x.at,
      };
    };
    const vpcs = e.ofKind('aws.ec2.vpc').map((v) => {
      const c = v.cidrs;
      const v6 = v.ipv6Cidrs;
      return {
        id: v.key, at: v.at, createdByInputs: !EXPORTED_VPC.test(v.key),
        cidrs: c.known && (v6 === undefined || v6.known) ? [...c.value, ...(v6?.known ? v6.value : [])] : U(!c.known ? c.why : 'IPv6 CIDRs unknown'),
      };
    });
    const subnets = e.ofKind('aws.ec2.subnet').map((s) => ({
      id: s.key, at: s.at, vpcId: this.refOr(s.vpc, 'aws.ec2.vpc', 'unknown VPC'),
      cidrs: s.cidr.known && (s.ipv6Cidrs === undefined || s.ipv6Cidrs.known) ? [s.cidr.value, ...(s.ipv6Cidrs?.known ? s.ipv6Cidrs.value : [])] : U(!s.cidr.known ? s.cidr.why : 'IPv6 CIDRs unknown'),
    }));
    const securityGroups: AwsSecurityGroup[] = e.ofKind('aws.ec2.securityGroup').map((g) => ({
      id: g.key, name: g.name.known ? g.name.value : g.native.name, vpcId: this.refOr(g.vpc, 'aws.ec2.vpc', 'unknown VPC'), at: g.at,
      ingress: g.ingress.map(sgRule(g.key, 'ingress')), egress: g.egress.map(sgRule(g.key, 'egress')),
    }));
    const groupsOf = this.defaultGroups(securityGroups);
    const networkAcls = e.ofKind('aws.ec2.networkAcl').map((a) => ({
      id: a.key, vpcId: this.refOr(a.vpc, 'aws.ec2.vpc', 'unknown VPC'), isDefault: a.isDefault, at: a.at,
      subnetIds: a.subnets.map((l) => this.refOr(l, 'aws.ec2.subnet', 'unknown subnet')), entries: a.entries.map(naclEntry(a.key)),
    }));
    const routeTables = e.ofKind('aws.ec2.routeTable').map((t) => ({
      id: t.key, vpcId: this.refOr(t.vpc, 'aws.ec2.vpc', 'unknown VPC'), isMain: val(t.isMain), at: t.at,
      subnetIds: t.subnets.map((l) => this.refOr(l, 'aws.ec2.subnet', 'unknown subnet')),
      routes: t.routes.map((r): AwsRoute => ({
        destination: val(r.destination), targetType: r.targetType, at: r.at, ...(r.state ? { state: r.state } : {}),
        ...this.targetLabel(r.target),
        targetId: r.targetType === 'internetGateway' ? this.refOr(r.target, 'aws.ec2.internetGateway', 'unknown gateway')
          : r.targetType === 'natGateway' ? this.refOr(r.target, 'aws.ec2.natGateway', 'unknown NAT gateway') : val(r.target),
      })),
    }));
    const internetGateways = e.ofKind('aws.ec2.internetGateway').map((g) => ({ id: g.key, vpcId: this.ref(g.vpc, 'aws.ec2.vpc'), at: g.at }));
    const natGateways = e.ofKind('aws.ec2.natGateway').map((n) => ({
      id: n.key, subnetId: this.refOr(n.subnet, 'aws.ec2.subnet', 'unknown subnet'), connectivity: val(n.connectivity), at: n.at,
      publicIps: n.publicIps?.known ? n.publicIps.value : [],
    }));

    const interfaces: AwsInterface[] = [];
    const claimed = new Set<string>();
    const instanceOf = new Map<string, Resource>();
    for (const i of e.ofKind('aws.ec2.instance')) {
      for (const l of i.networkInterfaces) {
        const r = l.known ? e.resolve(l, 'aws.ec2.networkInterface') : undefined;
        if (r && r !== 'unknown') instanceOf.set(r.key, i);
      }
    }
    for (const n of e.ofKind('aws.ec2.networkInterface')) {
      const att = n.attachedTo ? e.resolve(n.attachedTo, 'aws.ec2.instance') : undefined;
      const inst = att && att !== 'unknown' ? att : instanceOf.get(n.key);
      if (inst) claimed.add(inst.key);
      const pub = n.publicIp;
      interfaces.push({
        id: n.key, aliases: [...(inst ? [inst.key, ...inst.aliases, inst.native.name, inst.native.address] : []), n.native.address, ...n.aliases],
        subnetId: this.refOr(n.subnet, 'aws.ec2.subnet', 'unknown subnet'), privateIps: list(n.privateIps) ?? [],
        ...(n.ipv6Ips ? { ipv6Ips: list(n.ipv6Ips) ?? [] } : {}),
        hasPublicIp: pub.known ? pub.value !== null : U(pub.why), publicIps: pub.known && pub.value !== null ? [pub.value] : [],
        securityGroupIds: groupsOf(n.key, n.securityGroups, n.subnet), at: n.at,
      });
      this.own(n.key, inst ? [n.key, inst.key] : [n.key]);
    }
    // Instances whose interfaces are not in the inputs (templates, describe-instances alone): the primary interface
    // as the instance describes it.
    for (const i of e.ofKind('aws.ec2.instance')) {
      if (claimed.has(i.key)) continue;
      const subnet = i.subnet.known ? e.resolve(i.subnet, 'aws.ec2.subnet') : undefined;
      const mapPublic = subnet && subnet !== 'unknown' ? subnet.mapPublicIpOnLaunch : undefined;
      let hasPublicIp: Val<boolean>;
      if (i.publicIp.known && i.publicIp.value !== null) hasPublicIp = true;
      else if (i.associatePublicIp.known && i.associatePublicIp.value !== null) hasPublicIp = i.associatePublicIp.value;
      else if (!i.associatePublicIp.known) hasPublicIp = U(i.associatePublicIp.why);
      // Not set: the subnet's MapPublicIpOnLaunch decides (documented launch behaviour).
      else hasPublicIp = mapPublic ? val(mapPublic) : U('the subnet is not in the inputs');
      interfaces.push({
        id: i.key, aliases: [...i.aliases, i.native.name, i.native.address],
        subnetId: this.refOr(i.subnet, 'aws.ec2.subnet', 'unknown subnet'),
        privateIps: i.privateIp.known ? (i.privateIp.value === null ? U('assigned at launch') : [i.privateIp.value]) : U(i.privateIp.why),
        hasPublicIp, publicIps: i.publicIp.known && i.publicIp.value !== null ? [i.publicIp.value] : [],
        securityGroupIds: groupsOf(i.key, i.securityGroups, i.subnet), at: i.at,
      });
      this.own(i.key, [i.key]);
    }
    return { vpcs, subnets, securityGroups, networkAcls, routeTables, internetGateways, natGateways, interfaces };
  }

  /**
   * An interface's groups. One launched without any gets its VPC's default security group
   * (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html; RunInstances: "If you don't specify
   * a security group, we use the default security group for the VPC"), never a group the inputs create: the VPC's
   * `default` group when the inputs hold it; for a VPC the inputs create, the group AWS creates with it (all traffic in
   * from its own members, all IPv4 traffic out); otherwise a group outside the inputs, whose rules are unknown.
   * Adds the groups it creates to `groups`.
   */
  private defaultGroups(groups: AwsSecurityGroup[]): (iface: string, named: readonly Link[], subnet: Link) => Val<readonly Val<string>[]> {
    const e = this.estate;
    const byVpc = new Map<string, string>();
    for (const g of e.ofKind('aws.ec2.securityGroup')) {
      if (!g.isDefault && !(g.name.known && g.name.value === 'default')) continue;
      const v = g.vpc.known ? e.resolve(g.vpc, 'aws.ec2.vpc') : undefined;
      if (v && v !== 'unknown' && !byVpc.has(v.key)) byVpc.set(v.key, g.key);
    }
    const made = new Set<string>();
    return (iface, named, subnet) => {
      if (!namesNoGroup(named)) return named.map((l) => this.refOr(l, 'aws.ec2.securityGroup', 'unknown group'));
      const s = subnet.known ? e.resolve(subnet, 'aws.ec2.subnet') : undefined;
      const v = s && s !== 'unknown' && s.vpc.known ? e.resolve(s.vpc, 'aws.ec2.vpc') : undefined;
      // The VPC is unknown: the one of the subnet, when it is named, is still one group for every interface in it.
      if (!v || v === 'unknown') {
        const where = subnet.known ? (s && s !== 'unknown' ? s.native.address : subnet.value) : iface;
        return [`default security group of the VPC of ${where}`];
      }
      const existing = byVpc.get(v.key);
      if (existing !== undefined) return [existing];
      const id = `${v.key} default security group`;
      if (!EXPORTED_VPC.test(v.key) && !made.has(id)) {
        made.add(id);
        this.addresses.set(id, `${v.native.address} default security group`);
        const rule = (label: string, cidrs: readonly string[], groupIds: readonly string[]): AwsSgRule => {
          this.rules.set(`security-group|${id}|${label}`, v.at);
          return { protocol: '-1', fromPort: -1, toPort: -1, cidrs, groupIds, description: null, label, at: v.at };
        };
        groups.push({
          id, name: 'default', vpcId: v.key, at: v.at,
          ingress: [rule('ingress[0]', [], [id])], egress: [rule('egress[0]', ['0.0.0.0/0'], [])],
        });
      }
      return [id];
    };
  }

  private azure(): AzureInput {
    const e = this.estate;
    for (const k of ['azure.network.nsg', 'azure.network.nic', 'azure.network.vnet', 'azure.network.subnet', 'azure.network.publicIp', 'azure.network.asg', 'azure.compute.vm'] as const) {
      for (const r of e.ofKind(k)) this.addr(r);
    }
    const rule = (nsg: string) => (r: NsgRule, i: number): AzureNsgRule => {
      const name = r.name.known ? r.name.value : `rules[${i}]`;
      this.rules.set(`nsg|${nsg}|${name}`, r.at);
      return {
        name: val(r.name), priority: val(r.priority), direction: val(r.direction), access: val(r.access), protocol: val(r.protocol),
        sourceAddressPrefixes: list(r.sourcePrefixes) ?? null, destinationAddressPrefixes: list(r.destinationPrefixes) ?? null,
        sourcePortRanges: list(r.sourcePorts) ?? null, destinationPortRanges: list(r.destinationPorts) ?? null,
        sourceAsgIds: r.sourceAsgs.map((l) => this.refOr(l, 'azure.network.asg', 'unknown ASG')),
        destinationAsgIds: r.destinationAsgs.map((l) => this.refOr(l, 'azure.network.asg', 'unknown ASG')),
        description: r.description.known ? r.description.value : null, at: r.at,
      };
    };
    const vmOf = new Map<string, Resource>();
    for (const vm of e.ofKind('azure.compute.vm')) {
      for (const l of vm.networkInterfaces) {
        const n = l.known ? e.resolve(l, 'azure.network.nic') : undefined;
        if (n && n !== 'unknown') vmOf.set(n.key, vm);
      }
    }
    const nics: AzureNic[] = e.ofKind('azure.network.nic').map((n) => {
      const linked = n.virtualMachine ? e.resolve(n.virtualMachine, 'azure.compute.vm') : undefined;
      const vm = linked && linked !== 'unknown' ? linked : vmOf.get(n.key);
      this.own(n.key, vm ? [n.key, vm.key] : [n.key]);
      return {
        id: n.key, name: n.name.known ? n.name.value : n.native.name,
        aliases: [...(vm ? [vm.key, vm.native.name, vm.native.address, ...vm.aliases] : []), n.native.address, ...n.aliases],
        nsgId: this.ref(n.nsg, 'azure.network.nsg'), at: n.at,
        ipConfigs: n.ipConfigurations.map((c) => ({
          name: c.name.known ? c.name.value : 'ipconfig', subnetId: this.refOr(c.subnet, 'azure.network.subnet', 'unknown subnet'),
          privateIp: val(c.privateIp), publicIpId: this.ref(c.publicIp, 'azure.network.publicIp'),
          asgIds: c.asgs.map((l) => this.refOr(l, 'azure.network.asg', 'unknown ASG')), at: c.at,
        })),
      };
    });
    return {
      vnets: e.ofKind('azure.network.vnet').map((v) => ({
        id: v.key, addressSpace: list(v.addressSpace) ?? [], at: v.at,
        peeredVnetIds: (v.peerings ?? []).map((l) => this.refOr(l, 'azure.network.vnet', 'unknown peer')),
      })),
      subnets: e.ofKind('azure.network.subnet').map((s) => ({
        id: s.key, vnetId: this.refOr(s.vnet, 'azure.network.vnet', 'unknown virtual network'), prefixes: list(s.addressPrefixes) ?? [],
        nsgId: this.ref(s.nsg, 'azure.network.nsg'), at: s.at,
        ...(s.natGateway ? { natGatewayId: s.natGateway.known ? s.natGateway.value : U(s.natGateway.why) } : {}),
        ...(s.defaultOutboundAccess && !(s.defaultOutboundAccess.known && s.defaultOutboundAccess.value === null)
          ? { defaultOutboundAccess: val(s.defaultOutboundAccess) as Val<boolean> } : {}),
      })),
      nsgs: e.ofKind('azure.network.nsg').map((g) => ({ id: g.key, name: g.name.known ? g.name.value : g.native.name, rules: g.rules.map(rule(g.key)), at: g.at })),
      asgs: e.ofKind('azure.network.asg').map((a) => ({ id: a.key, name: a.name.known ? a.name.value : a.native.name })),
      publicIps: e.ofKind('azure.network.publicIp').map((p) => ({
        id: p.key, sku: val(p.sku), address: val(p.ipAddress), ...(p.version ? { version: val(p.version) } : {}),
      })),
      nics,
    };
  }
}

class NetworkFacade implements NetworkService {
  readonly #estate: Estate;
  #built: { b: NetworkInputBuilder; engine: NetworkEngine } | undefined;
  #inbound: Map<string, NetworkRow[]> | undefined;
  #egress: Map<string, NetworkRow[]> | undefined;
  readonly #ruleReach = new Map<string, RuleReach>();

  constructor(estate: Estate) {
    this.#estate = estate;
  }

  private get built(): { b: NetworkInputBuilder; engine: NetworkEngine } {
    if (!this.#built) {
      const b = new NetworkInputBuilder(this.#estate);
      this.#built = { b, engine: NetworkEngine.compile(b.input) };
    }
    return this.#built;
  }

  get engine(): NetworkEngine {
    return this.built.engine;
  }

  get diagnostics() {
    return this.built.engine.diagnostics;
  }

  /** The interface resource of an engine interface id (`nic#ipconfig` for one ipconfig of a NIC with several). */
  private iface(id: string): string {
    if (this.built.b.owners.has(id)) return id;
    const hash = id.lastIndexOf('#');
    return hash > 0 && this.built.b.owners.has(id.slice(0, hash)) ? id.slice(0, hash) : id;
  }

  private row(r: ExposureRow): NetworkRow {
    const iface = this.iface(r.interface);
    const keys = this.built.b.owners.get(iface) ?? [iface];
    const first = r.via.find((v) => v.kind === 'security-group' || v.kind === 'nsg') ?? r.via[0];
    const at = first ? this.ruleAt(first) : undefined;
    return { ...r, resourceKeys: keys, ...(at ? { ruleAt: at } : {}) };
  }

  private byOwner(rows: readonly ExposureRow[]): Map<string, NetworkRow[]> {
    const m = new Map<string, NetworkRow[]>();
    for (const r of rows) {
      const nr = this.row(r);
      for (const k of nr.resourceKeys) m.set(k, [...(m.get(k) ?? []), nr]);
    }
    return m;
  }

  interfacesOf(resourceKey: string): readonly string[] {
    return this.built.b.interfaces.get(resourceKey) ?? [];
  }

  inboundOf(resourceKey: string): readonly NetworkRow[] {
    this.#inbound ??= this.byOwner(this.engine.inboundAnalysis());
    return this.#inbound.get(resourceKey) ?? [];
  }

  egressOf(resourceKey: string): readonly NetworkRow[] {
    this.#egress ??= this.byOwner(this.engine.egressAnalysis());
    return this.#egress.get(resourceKey) ?? [];
  }

  exposure(): readonly NetworkRow[] {
    return this.engine.exposure().map((r) => this.row(r));
  }

  reach(q: Parameters<NetworkService['reach']>[0]): ReturnType<NetworkService['reach']> {
    return this.engine.reach(q);
  }

  ruleReach(rule: RuleRef, focus: readonly TrafficFocus[]): RuleReach {
    const key = `${rule.kind}|${rule.id}|${rule.rule ?? ''}|${focus.map((f) => `${f.protocol}:${(f.ports ?? []).map((p) => p.join('-')).join(',')}`).join(';')}`;
    let r = this.#ruleReach.get(key);
    if (!r) {
      r = this.engine.ruleReach(rule, focus);
      this.#ruleReach.set(key, r);
    }
    return r;
  }

  // Rule analyses: computed once by the engine, indexed here by the group or NSG each finding belongs to (the checks
  // ask once per group or NSG).
  #byNsgShadowed: Map<string, ShadowedRule[]> | undefined;
  #byGroupRedundant: Map<string, RedundantRule[]> | undefined;
  #byNsgMismatch: Map<string, DirectionMismatch[]> | undefined;
  #byContainerSuggestion: Map<string, GroupSuggestion[]> | undefined;

  shadowedNsgRules(nsg?: string): readonly ShadowedRule[] {
    const all = this.engine.shadowedNsgRules();
    if (nsg === undefined) return all;
    this.#byNsgShadowed ??= groupBy(all, (x) => x.nsg);
    return this.#byNsgShadowed.get(nsg) ?? [];
  }

  redundantSgRules(group?: string): readonly RedundantRule[] {
    const all = this.engine.redundantSgRules();
    if (group === undefined) return all;
    this.#byGroupRedundant ??= groupBy(all, (x) => x.group);
    return this.#byGroupRedundant.get(group) ?? [];
  }

  directionMismatches(nsg?: string): readonly DirectionMismatch[] {
    const all = this.engine.directionMismatches();
    if (nsg === undefined) return all;
    this.#byNsgMismatch ??= groupBy(all, (x) => x.nsg);
    return this.#byNsgMismatch.get(nsg) ?? [];
  }

  groupSuggestions(container?: string): readonly GroupSuggestion[] {
    const all = this.engine.groupSuggestions();
    if (container === undefined) return all;
    this.#byContainerSuggestion ??= groupBy(all, (x) => x.container);
    return this.#byContainerSuggestion.get(container) ?? [];
  }

  #databases: Map<string, RdsInstance[]> | undefined;
  #subnets: Map<string, AzureSubnet[]> | undefined;

  databasesUsing(groupKey: string): readonly RdsInstance[] {
    if (!this.#databases) {
      const m = new Map<string, RdsInstance[]>();
      for (const db of this.#estate.ofKind('aws.rds.instance')) {
        const groups = new Set<string>();
        for (const l of db.securityGroups) {
          const r = this.#estate.resolve(l, 'aws.ec2.securityGroup');
          if (r !== undefined && r !== 'unknown') groups.add(r.key);
        }
        for (const g of groups) push(m, g, db);
      }
      this.#databases = m;
    }
    return this.#databases.get(groupKey) ?? [];
  }

  subnetsUsing(nsgKey: string): readonly AzureSubnet[] {
    if (!this.#subnets) {
      const m = new Map<string, AzureSubnet[]>();
      for (const s of this.#estate.ofKind('azure.network.subnet')) {
        if (!s.nsg) continue;
        const r = this.#estate.resolve(s.nsg, 'azure.network.nsg');
        if (r !== undefined && r !== 'unknown') push(m, r.key, s);
      }
      this.#subnets = m;
    }
    return this.#subnets.get(nsgKey) ?? [];
  }

  readonly #subjects = new Map<string, string>();
  readonly #subjectLists = new WeakMap<readonly string[], string>();

  subject(interfaceId: string): string {
    let s = this.#subjects.get(interfaceId);
    if (s === undefined) {
      const owner = this.#estate.lookup(this.ownerOf(interfaceId))[0];
      s = interfaceSubject(owner, () => this.display(interfaceId));
      this.#subjects.set(interfaceId, s);
    }
    return s;
  }

  subjectList(interfaceIds: readonly string[]): string {
    let s = this.#subjectLists.get(interfaceIds);
    if (s === undefined) {
      const parts = this.engine.listParts(interfaceIds);
      s = (parts && this.subjectListExcept(parts.base, parts.except)) ?? listNames(interfaceIds.map((i) => this.subject(i)));
      this.#subjectLists.set(interfaceIds, s);
    }
    return s;
  }

  /** Per shared list: each position's subject, where each subject first appears, and how often. */
  readonly #listInfo = new WeakMap<readonly string[], { subjects: string[]; first: Map<string, number>; count: Map<string, number> }>();

  /**
   * `subjectList` of a shared list with a few positions left out, from the shared list's distinct subjects: those
   * whose every occurrence is left out drop from the list; the others keep their order. Undefined when leaving a
   * position out moves a subject's first occurrence (the order could change): then the list is read in full.
   */
  private subjectListExcept(base: readonly string[], except: readonly number[]): string | undefined {
    let info = this.#listInfo.get(base);
    if (!info) {
      const subjects = base.map((i) => this.subject(i));
      const first = new Map<string, number>();
      const count = new Map<string, number>();
      subjects.forEach((x, i) => {
        if (!first.has(x)) first.set(x, i);
        count.set(x, (count.get(x) ?? 0) + 1);
      });
      info = { subjects, first, count };
      this.#listInfo.set(base, info);
    }
    const removed = new Map<string, number>();
    for (const p of except) {
      const x = info.subjects[p] as string;
      removed.set(x, (removed.get(x) ?? 0) + 1);
    }
    const left = new Set(except);
    const gone = new Set<string>();
    for (const [x, n] of removed) {
      if (n === info.count.get(x)) gone.add(x);
      else if (left.has(info.first.get(x) as number)) return undefined;
    }
    const head: string[] = [];
    for (const x of info.first.keys()) {
      if (gone.has(x)) continue;
      head.push(x);
      if (head.length === 3) break;
    }
    return listDistinct(head, info.first.size - gone.size);
  }

  ruleAt(ref: RuleRef): Provenance | undefined {
    if (ref.rule === null) return undefined;
    return this.built.b.rules.get(`${ref.kind}|${ref.id}|${ref.rule}`) ?? this.built.b.rules.get(`${ref.kind}|${ref.id.toLowerCase()}|${ref.rule}`);
  }

  ownerOf(interfaceId: string): string {
    const plain = this.iface(interfaceId);
    const owners = this.built.b.owners.get(plain);
    return owners?.[1] ?? owners?.[0] ?? plain;
  }

  display(id: string): string {
    const plain = this.iface(id);
    const owners = this.built.b.owners.get(plain);
    // An interface is shown as the instance or VM it belongs to, when there is one.
    const key = owners && owners.length > 1 ? (owners[1] as string) : plain;
    const direct = this.built.b.addresses.get(key) ?? this.built.b.addresses.get(key.toLowerCase());
    if (direct !== undefined) return direct;
    // Elements the engine names after a resource ("<vpc> default network ACL"): the resource's address instead.
    const space = id.indexOf(' ');
    if (space > 0) {
      const head = this.built.b.addresses.get(id.slice(0, space));
      if (head !== undefined) return `${head}${id.slice(space)}`;
    }
    return id;
  }
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function groupBy<V>(xs: readonly V[], key: (v: V) => string): Map<string, V[]> {
  const m = new Map<string, V[]>();
  for (const x of xs) push(m, key(x), x);
  return m;
}

export function buildNetworkService(estate: Estate): NetworkService {
  return new NetworkFacade(estate);
}

export { NetworkFacade };
