/**
 * Azure CLI exports of the network and its VMs, as `az … -o json` prints them — `az network nsg list`,
 * `az network nic list`, `az network vnet list`, `az network public-ip list`, `az network asg list`, `az vm list` — and
 * the REST shape with `properties` (a list, or `{ "value": [...] }`). Recognised by the `type` of their entries,
 * whatever the file is called; a folder of them is one estate, linked by id (compared case-insensitively: Azure
 * returns back-references in other casing).
 * https://learn.microsoft.com/cli/azure/network/nsg#az-network-nsg-list
 * https://learn.microsoft.com/rest/api/virtualnetwork/network-security-groups/list
 */
import type { Attr, Link, LoadDiagnostic, Provenance } from '../../model/core/index.js';
import { defaulted, known, unknown } from '../../model/core/index.js';
import type {
  ApplicationSecurityGroup, AzureSubnet, IpConfiguration, NetworkInterfaceCard, NetworkSecurityGroup, NsgRule, PublicIpAddress,
  Resource, VirtualMachine, VirtualNetwork,
} from '../../model/index.js';
import type { ObjectValue, Value } from '../common/value.js';
import type { LoadResult } from '../types.js';
import { readJsonTree } from '../common/json-tree.js';
import { asObject, objects, text } from '../common/read.js';

const TYPES: Readonly<Record<string, string>> = {
  'microsoft.network/networksecuritygroups': 'nsg',
  'microsoft.network/networkinterfaces': 'nic',
  'microsoft.network/virtualnetworks': 'vnet',
  'microsoft.network/publicipaddresses': 'publicIp',
  'microsoft.network/applicationsecuritygroups': 'asg',
  'microsoft.compute/virtualmachines': 'vm',
};

function entries(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (doc !== null && typeof doc === 'object' && Array.isArray((doc as { value?: unknown }).value)) {
    const keys = Object.keys(doc);
    if (keys.every((k) => k === 'value' || k === 'nextLink')) return (doc as { value: unknown[] }).value;
  }
  return undefined;
}

/** A list (or `{ value: [...] }`) whose every entry has one of the network or VM resource types. */
export function isAzCliNetworkExport(doc: unknown): boolean {
  const list = entries(doc);
  if (!list || list.length === 0) return false;
  return list.every((e) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
    const t = (e as { type?: unknown }).type;
    return typeof t === 'string' && TYPES[t.toLowerCase()] !== undefined;
  });
}

/** A field in the CLI's flattened shape or under `properties` (REST). */
function get(o: ObjectValue | undefined, key: string): Value | undefined {
  if (!o) return undefined;
  const direct = o.fields.get(key);
  if (direct !== undefined) return direct;
  const props = o.fields.get('properties');
  return props?.t === 'object' ? props.fields.get(key) : undefined;
}

class Adapter {
  readonly resources: Resource[] = [];
  readonly diagnostics: LoadDiagnostic[] = [];

  warn(at: Provenance, message: string): void {
    this.diagnostics.push({ code: 'invalid-value', severity: 'warning', file: at.file, line: at.line, column: at.column, message });
  }

  str(o: ObjectValue | undefined, key: string, at: Provenance): Attr<string> {
    const v = get(o, key);
    return v?.t === 'string' ? known(v.v, v.at) : unknown(v?.at ?? at, `\`${key}\` is missing from the export`);
  }

  strList(v: Value | undefined, at: Provenance): Attr<readonly string[]> {
    if (v === undefined || v.t === 'null') return defaulted([], at);
    if (v.t === 'string') return known([v.v], v.at);
    if (v.t !== 'list') return unknown(v.at, 'not a list of strings');
    return known(v.items.map((x) => (x.t === 'string' ? x.v : x.t === 'number' ? String(x.v) : '')).filter((x) => x !== ''), v.at);
  }

  /** `{ "id": … }` sub-resource reference, or null when absent. */
  ref(o: ObjectValue | undefined, key: string): Link | null {
    const v = asObject(get(o, key));
    if (!v) return null;
    const id = v.fields.get('id');
    return id?.t === 'string' ? known(id.v, id.at) : unknown(v.at, `\`${key}.id\` is missing from the export`);
  }

  refs(o: ObjectValue | undefined, key: string): Link[] {
    return objects(get(o, key)).map((x) => {
      const id = x.fields.get('id');
      return id?.t === 'string' ? known(id.v, id.at) : unknown(x.at, `\`${key}[].id\` is missing from the export`);
    });
  }

  base<K extends Resource['kind']>(kind: K, o: ObjectValue, type: string): { kind: K; key: string; aliases: string[]; native: Resource['native']; at: Provenance; name: Attr<string> } | undefined {
    const id = text(o.fields.get('id'));
    if (id === undefined) {
      this.warn(o.at, `${type} entry without \`id\` skipped`);
      return undefined;
    }
    const name = this.str(o, 'name', o.at);
    const key = id.toLowerCase();
    return { kind, key, aliases: [key], native: { type, name: name.known ? name.value : id, address: id }, at: o.at, name };
  }

  /**
   * A singular field and its plural form. Azure takes one or the other; an export with both set non-empty is
   * malformed, so the rule's value is unknown rather than a guess at which one applies.
   */
  merged(o: ObjectValue | undefined, singular: string, plural: string, at: Provenance): Attr<readonly string[]> {
    const one = get(o, singular);
    const many = get(o, plural);
    const hasOne = one !== undefined && one.t !== 'null' && !(one.t === 'string' && one.v === '');
    const hasMany = many?.t === 'list' && many.items.length > 0;
    if (hasOne && hasMany) {
      const p = (one as Value).at;
      this.diagnostics.push({
        code: 'invalid-value', severity: 'error', file: p.file, line: p.line, column: p.column,
        message: `both \`${singular}\` and \`${plural}\` are set; Azure accepts only one, so the rule's ${singular} is unknown`,
      });
      return unknown(p, `both \`${singular}\` and \`${plural}\` are set`);
    }
    if (hasOne) return this.strList(one, at);
    if (hasMany) return this.strList(many, at);
    return defaulted([], at);
  }

  rule(r: ObjectValue): NsgRule {
    const at = r.at;
    const prio = get(r, 'priority');
    const enumOf = <T extends string>(key: string, allowed: readonly T[]): Attr<T> => {
      const v = this.str(r, key, at);
      if (!v.known) return v;
      const hit = allowed.find((a) => a.toLowerCase() === v.value.toLowerCase());
      return hit ? known(hit, v.at) : unknown(v.at, `\`${key}\` \`${v.value}\` is not one of ${allowed.join(', ')}`);
    };
    const desc = get(r, 'description');
    return {
      name: this.str(r, 'name', at),
      priority: prio?.t === 'number' ? known(prio.v, prio.at) : unknown(prio?.at ?? at, '`priority` is missing from the export'),
      direction: enumOf('direction', ['Inbound', 'Outbound'] as const),
      access: enumOf('access', ['Allow', 'Deny'] as const),
      protocol: this.str(r, 'protocol', at),
      sourcePrefixes: this.merged(r, 'sourceAddressPrefix', 'sourceAddressPrefixes', at),
      destinationPrefixes: this.merged(r, 'destinationAddressPrefix', 'destinationAddressPrefixes', at),
      sourcePorts: this.merged(r, 'sourcePortRange', 'sourcePortRanges', at),
      destinationPorts: this.merged(r, 'destinationPortRange', 'destinationPortRanges', at),
      sourceAsgs: this.refs(r, 'sourceApplicationSecurityGroups'),
      destinationAsgs: this.refs(r, 'destinationApplicationSecurityGroups'),
      description: desc?.t === 'string' ? known(desc.v, desc.at) : known(null, at),
      at,
    };
  }

  nsg(o: ObjectValue): void {
    const b = this.base('azure.network.nsg', o, 'Microsoft.Network/networkSecurityGroups');
    if (!b) return;
    // Default rules are the documented six, added by the engine; only the custom rules are read here.
    const g: NetworkSecurityGroup = { ...b, rules: objects(get(o, 'securityRules')).map((r) => this.rule(r)) };
    this.resources.push(g);
  }

  asg(o: ObjectValue): void {
    const b = this.base('azure.network.asg', o, 'Microsoft.Network/applicationSecurityGroups');
    if (b) this.resources.push(b satisfies ApplicationSecurityGroup);
  }

  publicIp(o: ObjectValue): void {
    const b = this.base('azure.network.publicIp', o, 'Microsoft.Network/publicIPAddresses');
    if (!b) return;
    const sku = asObject(get(o, 'sku'));
    const addr = get(o, 'ipAddress');
    const version = get(o, 'publicIPAddressVersion');
    const p: PublicIpAddress = {
      ...b, sku: sku ? this.str(sku, 'name', sku.at) : unknown(o.at, '`sku` is missing from the export'),
      ipAddress: addr?.t === 'string' ? known(addr.v, addr.at) : known(null, o.at),
      ...(version?.t === 'string' ? { version: known(version.v, version.at) } : {}),
    };
    this.resources.push(p);
  }

  nic(o: ObjectValue): void {
    const b = this.base('azure.network.nic', o, 'Microsoft.Network/networkInterfaces');
    if (!b) return;
    const ipConfigurations: IpConfiguration[] = objects(get(o, 'ipConfigurations')).map((c) => {
      const ip = get(c, 'privateIPAddress');
      return {
        name: this.str(c, 'name', c.at),
        subnet: this.ref(c, 'subnet') ?? unknown(c.at, '`subnet` is missing from the export'),
        privateIp: ip?.t === 'string' ? known(ip.v, ip.at) : unknown(c.at, '`privateIPAddress` is missing from the export'),
        publicIp: this.ref(c, 'publicIPAddress'),
        asgs: this.refs(c, 'applicationSecurityGroups'),
        at: c.at,
      };
    });
    const n: NetworkInterfaceCard = { ...b, nsg: this.ref(o, 'networkSecurityGroup'), ipConfigurations, virtualMachine: this.ref(o, 'virtualMachine') };
    this.resources.push(n);
  }

  vnet(o: ObjectValue): void {
    const b = this.base('azure.network.vnet', o, 'Microsoft.Network/virtualNetworks');
    if (!b) return;
    const space = asObject(get(o, 'addressSpace'));
    const peerings = objects(get(o, 'virtualNetworkPeerings'))
      .filter((p) => (text(get(p, 'peeringState')) ?? 'Connected').toLowerCase() === 'connected')
      .map((p) => this.ref(p, 'remoteVirtualNetwork'))
      .filter((l): l is Link => l !== null);
    const v: VirtualNetwork = { ...b, addressSpace: this.strList(get(space, 'addressPrefixes'), space?.at ?? o.at), peerings };
    this.resources.push(v);
    for (const s of objects(get(o, 'subnets'))) {
      const id = text(s.fields.get('id'));
      if (id === undefined) {
        this.warn(s.at, 'subnet without `id` skipped');
        continue;
      }
      const dob = get(s, 'defaultOutboundAccess');
      const sub: AzureSubnet = {
        kind: 'azure.network.subnet', key: id.toLowerCase(), aliases: [id.toLowerCase()],
        native: { type: 'Microsoft.Network/virtualNetworks/subnets', name: `${b.native.name}/${text(s.fields.get('name')) ?? id}`, address: id },
        at: s.at, name: this.str(s, 'name', s.at), vnet: known(b.native.address, o.at),
        addressPrefixes: this.merged(s, 'addressPrefix', 'addressPrefixes', s.at),
        nsg: this.ref(s, 'networkSecurityGroup'), natGateway: this.ref(s, 'natGateway'),
        defaultOutboundAccess: dob?.t === 'bool' ? known(dob.v, dob.at) : known(null, s.at),
      };
      this.resources.push(sub);
    }
  }

  vm(o: ObjectValue): void {
    const b = this.base('azure.compute.vm', o, 'Microsoft.Compute/virtualMachines');
    if (!b) return;
    const identity = asObject(get(o, 'identity'));
    const uai = asObject(identity?.fields.get('userAssignedIdentities'));
    const os = asObject(get(asObject(get(o, 'storageProfile')), 'osDisk'));
    const osType = text(get(os, 'osType'));
    const linux = asObject(get(asObject(get(o, 'osProfile')), 'linuxConfiguration'));
    const disable = linux?.fields.get('disablePasswordAuthentication');
    const vm: VirtualMachine = {
      ...b,
      identityType: identity ? this.str(identity, 'type', identity.at) : known('None', o.at),
      userAssignedIdentities: uai ? [...uai.fields.keys()].map((k) => known(k, uai.at)) : [],
      osType: osType === 'Linux' || osType === 'Windows' ? known(osType, (get(os, 'osType') as Value).at) : known(null, o.at),
      passwordAuthentication: disable?.t === 'bool' ? known(!disable.v, disable.at) : osType === 'Windows' ? known(true, o.at) : unknown(o.at, '`osProfile` is not in the export'),
      adminPassword: unknown(o.at, '`az vm list` never returns the admin password'),
      networkInterfaces: this.refs(asObject(get(o, 'networkProfile')), 'networkInterfaces'),
    };
    this.resources.push(vm);
  }
}

export function loadAzCliNetworkExport(file: string, source: string): LoadResult {
  const { value, diagnostics } = readJsonTree(file, source, { comments: false });
  const a = new Adapter();
  a.diagnostics.push(...diagnostics);
  const list = value?.t === 'list' ? value : asObject(value)?.fields.get('value');
  for (const o of objects(list)) {
    const t = text(o.fields.get('type'))?.toLowerCase();
    switch (t === undefined ? undefined : TYPES[t]) {
      case 'nsg': a.nsg(o); break;
      case 'nic': a.nic(o); break;
      case 'vnet': a.vnet(o); break;
      case 'publicIp': a.publicIp(o); break;
      case 'asg': a.asg(o); break;
      case 'vm': a.vm(o); break;
      default: a.warn(o.at, `entry of type \`${t ?? '(none)'}\` is not read`);
    }
  }
  return { resources: a.resources, fragments: [], diagnostics: a.diagnostics };
}
