import type { Attr, Provenance } from '../../../model/core/index.js';
import { known, unknown } from '../../../model/core/index.js';
import type {
  ApplicationSecurityGroup, AzureSubnet, IpConfiguration, NetworkInterfaceCard, NetworkSecurityGroup, NsgRule,
  PublicIpAddress, VirtualNetwork,
} from '../../../model/index.js';
import { AZURE_DEFAULTS } from '../../common/defaults.js';
import { objects, readNullableString, readNumber, readStringList } from '../../common/read.js';
import type { ObjectValue } from '../../common/value.js';
import { getField, getObject, getPath } from '../eval/values.js';
import type { Adapter, AdaptSink } from './common.js';
import { base, leafName, nameOf, parentId, properties, readCanonical, readEnum, subResource, subResources } from './common.js';

/**
 * Microsoft.Network resources.
 * https://learn.microsoft.com/azure/templates/microsoft.network/networksecuritygroups
 * https://learn.microsoft.com/azure/templates/microsoft.network/networksecuritygroups/securityrules
 * https://learn.microsoft.com/azure/templates/microsoft.network/virtualnetworks
 * https://learn.microsoft.com/azure/templates/microsoft.network/virtualnetworks/subnets
 * https://learn.microsoft.com/azure/templates/microsoft.network/networkinterfaces
 * https://learn.microsoft.com/azure/templates/microsoft.network/publicipaddresses
 * https://learn.microsoft.com/azure/templates/microsoft.network/applicationsecuritygroups
 */

const PROTOCOLS = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'];

/** A singular field and its plural form merged (`sourceAddressPrefix` + `sourceAddressPrefixes`). */
function merged(props: ObjectValue | undefined, singular: string, plural: string, at: Provenance): Attr<readonly string[]> {
  const one = getField(props, singular);
  const many = getField(props, plural);
  const a = one === undefined || one.t === 'null' || (one.t === 'string' && one.v === '') ? undefined : readStringList(one, at);
  const b = many === undefined || many.t === 'null' ? undefined : readStringList(many, at);
  if (a && !a.known) return a;
  if (b && !b.known) return b;
  const values = [...(a?.known ? a.value : []), ...(b?.known ? b.value : [])];
  const pos = (one && a ? one.at : undefined) ?? (many && b ? many.at : undefined) ?? at;
  return a || b ? known(values, pos) : { known: true, value: [], at, defaulted: true };
}

export function nsgRule(name: Attr<string>, props: ObjectValue | undefined, at: Provenance): NsgRule {
  return {
    name,
    priority: readNumber(getField(props, 'priority'), at, undefined, 'priority'),
    direction: readEnum(getField(props, 'direction'), at, ['Inbound', 'Outbound'] as const, 'direction'),
    access: readEnum(getField(props, 'access'), at, ['Allow', 'Deny'] as const, 'access'),
    protocol: readCanonical(getField(props, 'protocol'), at, PROTOCOLS, 'protocol'),
    sourcePrefixes: merged(props, 'sourceAddressPrefix', 'sourceAddressPrefixes', at),
    destinationPrefixes: merged(props, 'destinationAddressPrefix', 'destinationAddressPrefixes', at),
    sourcePorts: merged(props, 'sourcePortRange', 'sourcePortRanges', at),
    destinationPorts: merged(props, 'destinationPortRange', 'destinationPortRanges', at),
    sourceAsgs: subResources(props, 'sourceApplicationSecurityGroups', at),
    destinationAsgs: subResources(props, 'destinationApplicationSecurityGroups', at),
    description: readNullableString(getField(props, 'description'), at),
    at,
  };
}

function unknownRule(why: string, at: Provenance): NsgRule {
  const u = unknown(at, why);
  return {
    name: u, priority: u, direction: u, access: u, protocol: u, sourcePrefixes: u, destinationPrefixes: u,
    sourcePorts: u, destinationPorts: u, sourceAsgs: [], destinationAsgs: [], description: u, at,
  };
}

const nsg: Adapter = (r, out) => {
  const props = properties(r);
  const rulesValue = getField(props, 'securityRules');
  // An unknown rule list (a parameter without a value) is kept as one rule whose every field is unknown, so checks
  // report "unknown" rather than judging a group that looks empty.
  const rules = rulesValue?.t === 'unknown'
    ? [unknownRule(rulesValue.why, rulesValue.at)]
    : objects(rulesValue).map((o) => nsgRule(nameOf(o, o.at).attr, getObject(o, 'properties'), o.at));
  const res: NetworkSecurityGroup = { ...base(r, 'azure.network.nsg'), name: leafName(r), rules };
  out.resources.push(res);
};

/** A separate security rule resource: a fragment appended to its group's rules. */
const securityRule: Adapter = (r, out) => {
  out.fragments.push({
    targetKind: 'azure.network.nsg',
    target: known(parentId(r), r.nameAt),
    fields: { rules: [nsgRule(leafName(r), properties(r), r.at)] },
    source: { type: r.type, address: r.id, at: r.at },
  });
};

const asg: Adapter = (r, out) => {
  const res: ApplicationSecurityGroup = { ...base(r, 'azure.network.asg'), name: leafName(r) };
  out.resources.push(res);
};

function subnet(out: AdaptSink, id: string, name: Attr<string>, props: ObjectValue | undefined, at: Provenance, native: { type: string; name: string }): void {
  const prefixes = merged(props, 'addressPrefix', 'addressPrefixes', at);
  const res: AzureSubnet = {
    kind: 'azure.network.subnet',
    key: id.toLowerCase(),
    aliases: [id.toLowerCase()],
    native: { ...native, address: id },
    at,
    name,
    vnet: known(id.slice(0, id.toLowerCase().lastIndexOf('/subnets/')), at),
    addressPrefixes: prefixes.known && prefixes.value.length === 0 && prefixes.defaulted ? unknown(at, '`addressPrefix` is not set') : prefixes,
    nsg: subResource(props, 'networkSecurityGroup', at),
  };
  out.resources.push(res);
}

const vnet: Adapter = (r, out) => {
  const props = properties(r);
  const res: VirtualNetwork = {
    ...base(r, 'azure.network.vnet'),
    name: leafName(r),
    addressSpace: readStringList(getPath(props, 'addressSpace', 'addressPrefixes'), r.at),
  };
  out.resources.push(res);
  for (const o of objects(getField(props, 'subnets'))) {
    const n = nameOf(o, o.at);
    subnet(out, `${r.id}/subnets/${n.text}`, n.attr, getObject(o, 'properties'), o.at, {
      type: `${r.type}/subnets`,
      name: `${r.nameText}/${n.text}`,
    });
  }
};

const subnetResource: Adapter = (r, out) => {
  subnet(out, r.id, leafName(r), properties(r), r.at, { type: r.type, name: r.nameText });
};

function ipConfiguration(o: ObjectValue): IpConfiguration {
  const props = getObject(o, 'properties');
  const at = o.at;
  const privateIp = getField(props, 'privateIPAddress');
  return {
    name: nameOf(o, at).attr,
    subnet: subResource(props, 'subnet', at) ?? unknown(at, '`subnet` is not set'),
    privateIp: privateIp === undefined ? { known: true, value: null, at, defaulted: true } : readNullableString(privateIp, at),
    publicIp: subResource(props, 'publicIPAddress', at),
    asgs: subResources(props, 'applicationSecurityGroups', at),
    at,
  };
}

const nic: Adapter = (r, out) => {
  const props = properties(r);
  const res: NetworkInterfaceCard = {
    ...base(r, 'azure.network.nic'),
    name: leafName(r),
    nsg: subResource(props, 'networkSecurityGroup', r.at),
    ipConfigurations: objects(getField(props, 'ipConfigurations')).map(ipConfiguration),
    // The NIC's `virtualMachine` is read-only: the VM names its NICs in its network profile.
    virtualMachine: null,
  };
  out.resources.push(res);
};

const publicIp: Adapter = (r, out) => {
  const res: PublicIpAddress = {
    ...base(r, 'azure.network.publicIp'),
    name: leafName(r),
    sku: readCanonical(getPath(r.body, 'sku', 'name'), r.at, ['Basic', 'Standard'], 'sku.name', AZURE_DEFAULTS.publicIp.sku),
    ipAddress: readNullableString(getField(properties(r), 'ipAddress'), r.at),
  };
  out.resources.push(res);
};

export const NETWORK_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'microsoft.network/networksecuritygroups': nsg,
  'microsoft.network/networksecuritygroups/securityrules': securityRule,
  'microsoft.network/applicationsecuritygroups': asg,
  'microsoft.network/virtualnetworks': vnet,
  'microsoft.network/virtualnetworks/subnets': subnetResource,
  'microsoft.network/networkinterfaces': nic,
  'microsoft.network/publicipaddresses': publicIp,
};

