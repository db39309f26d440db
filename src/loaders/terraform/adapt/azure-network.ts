import type { Attr, Link } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type { IpConfiguration, NetworkInterfaceCard, NsgRule } from '../../../model/index.js';
import type { ObjectValue } from '../../common/value.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { ARM_TYPES, azureAliases, parentByName } from './azure-ids.js';

/**
 * Azure networking: NSGs and rules (inline `security_rule` blocks and `azurerm_network_security_rule`), ASGs,
 * NICs and their NSG/ASG associations, virtual networks (with inline `subnet` blocks), subnets, public IPs.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
 */

/** `Inbound`/`Outbound`, `Allow`/`Deny`: Azure's spelling whatever the case written. */
function oneOf<T extends string>(a: Attr<string>, values: readonly T[]): Attr<T> {
  if (!a.known) return a;
  const hit = values.find((v) => v.toLowerCase() === a.value.toLowerCase());
  return hit ? { ...a, value: hit } : unknown(a.at, `\`${a.value}\` is not one of ${values.join(', ')}`);
}

/** The singular and plural forms of a prefix or port argument, merged (the singular `*` is as good as a list). */
function merged(tf: Tf, o: ObjectValue, singular: string, plural: string): Attr<readonly string[]> {
  const one = tf.field(singular, o);
  const many = tf.strs(plural, o);
  if (one?.t === 'unknown') return unknown(one.at, one.why);
  if (!many.known) return many;
  const s = one?.t === 'string' && one.v !== '' ? [one.v] : [];
  const at = s.length > 0 && one ? one.at : many.at;
  return s.length === 0 && many.defaulted ? defaulted([], o.at) : known([...s, ...many.value], at);
}

function nsgRule(tf: Tf, o: ObjectValue): NsgRule {
  return {
    name: tf.str('name', undefined, o),
    priority: tf.num('priority', undefined, o),
    direction: oneOf(tf.str('direction', undefined, o), ['Inbound', 'Outbound'] as const),
    access: oneOf(tf.str('access', undefined, o), ['Allow', 'Deny'] as const),
    protocol: tf.str('protocol', undefined, o),
    sourcePrefixes: merged(tf, o, 'source_address_prefix', 'source_address_prefixes'),
    destinationPrefixes: merged(tf, o, 'destination_address_prefix', 'destination_address_prefixes'),
    sourcePorts: merged(tf, o, 'source_port_range', 'source_port_ranges'),
    destinationPorts: merged(tf, o, 'destination_port_range', 'destination_port_ranges'),
    sourceAsgs: tf.links('source_application_security_group_ids', o),
    destinationAsgs: tf.links('destination_application_security_group_ids', o),
    description: tf.nstr('description', o),
    at: o.at,
  };
}

function ipConfiguration(tf: Tf, o: ObjectValue): IpConfiguration {
  return {
    name: tf.str('name', undefined, o),
    subnet: tf.link('subnet_id', o),
    privateIp: tf.output('private_ip_address', o),
    publicIp: tf.optLink('public_ip_address_id', o),
    asgs: [],
    at: o.at,
  };
}

/**
 * `azurerm_network_interface_application_security_group_association` puts an ASG on every IP configuration of a NIC,
 * a nested list a fragment cannot append to: the associations are gathered and folded into the NICs of the same
 * configuration once every instance is adapted.
 */
function associateAsg(tf: Tf, out: Emitter): void {
  const pending = out.state('azure-nic-asg', () => {
    const list: { tf: Tf; nic: Link; asg: Link }[] = [];
    out.later(() => foldAsgs(out, list));
    return list;
  });
  pending.push({ tf, nic: tf.link('network_interface_id'), asg: tf.link('application_security_group_id') });
}

function foldAsgs(out: Emitter, pending: readonly { tf: Tf; nic: Link; asg: Link }[]): void {
  for (const p of pending) {
    const handle = p.nic.known ? p.nic.value.toLowerCase() : undefined;
    const i = handle === undefined ? -1 : out.resources.findIndex((r) =>
      r.kind === 'azure.network.nic' && (r.key.toLowerCase() === handle || r.aliases.some((a) => a.toLowerCase() === handle)));
    const nic = out.resources[i];
    if (i < 0 || nic?.kind !== 'azure.network.nic') {
      const what = p.nic.known ? `\`${p.nic.value}\`` : `a network interface unknown before deployment (${p.nic.why})`;
      out.diagnostics.push({
        code: 'unlinked', severity: 'warning', file: p.tf.at.file, line: p.tf.at.line, column: p.tf.at.column,
        message: `${p.tf.native.type} \`${p.tf.native.address}\` associates ${what}, which is not in this configuration; the association is not applied`,
      });
      continue;
    }
    const updated: NetworkInterfaceCard = { ...nic, ipConfigurations: nic.ipConfigurations.map((c) => ({ ...c, asgs: [...c.asgs, p.asg] })) };
    out.resources[i] = updated;
  }
}

export const AZURE_NETWORK: AdapterTable = {
  azurerm_network_security_group: (tf, out) => {
    out.resource({
      ...tf.base('azure.network.nsg', azureAliases(tf, ARM_TYPES.nsg)),
      name: tf.str('name'),
      rules: tf.blocks('security_rule').map((b) => nsgRule(tf, b)),
    });
  },

  azurerm_network_security_rule: (tf, out) => {
    const rule = { ...nsgRule(tf, tf.v), at: tf.at };
    out.fragment(tf.fragment('azure.network.nsg', parentByName(tf, 'network_security_group_name', ARM_TYPES.nsg), { rules: [rule] }));
  },

  azurerm_application_security_group: (tf, out) => {
    out.resource({ ...tf.base('azure.network.asg', azureAliases(tf, ARM_TYPES.asg)), name: tf.str('name') });
  },

  azurerm_network_interface: (tf, out) => {
    out.resource({
      ...tf.base('azure.network.nic', azureAliases(tf, ARM_TYPES.nic)),
      name: tf.str('name'),
      nsg: null,
      ipConfigurations: tf.blocks('ip_configuration').map((b) => ipConfiguration(tf, b)),
      virtualMachine: null,
    });
  },

  azurerm_network_interface_security_group_association: (tf, out) => {
    out.fragment(tf.fragment('azure.network.nic', tf.link('network_interface_id'), { nsg: tf.link('network_security_group_id') }));
  },

  azurerm_network_interface_application_security_group_association: associateAsg,

  azurerm_virtual_network: (tf, out) => {
    const own = azureAliases(tf, ARM_TYPES.vnet);
    out.resource({ ...tf.base('azure.network.vnet', own), name: tf.str('name'), addressSpace: tf.strs('address_space') });
    // Subnets written inline are subnets like any other, keyed under their network.
    const builtVnetId = own.find((a) => a.startsWith('/subscriptions/{subscriptionid}/'));
    for (const b of tf.blocks('subnet')) {
      const name = tf.str('name', undefined, b);
      const aliases: string[] = [];
      const id = tf.field('id', b);
      if (id?.t === 'string' && id.v !== '') aliases.push(id.v.toLowerCase());
      if (builtVnetId && name.known) aliases.push(`${builtVnetId}/subnets/${name.value.toLowerCase()}`);
      const prefixes = tf.field('address_prefixes', b) ? tf.strs('address_prefixes', b) : tf.strs('address_prefix', b);
      out.resource({
        kind: 'azure.network.subnet',
        key: `${tf.key}/subnet/${name.known ? name.value : String(b.at.line)}`,
        aliases,
        native: tf.native,
        at: b.at,
        name,
        vnet: known(tf.key, tf.at),
        addressPrefixes: prefixes,
        nsg: tf.optLink('security_group', b),
      });
    }
  },

  azurerm_subnet: (tf, out) => {
    const vnet = parentByName(tf, 'virtual_network_name', ARM_TYPES.vnet);
    const aliases = tf.aliases(['id'], true);
    const name = tf.str('name');
    if (vnet.known && vnet.value.startsWith('/subscriptions/') && name.known) aliases.push(`${vnet.value}/subnets/${name.value.toLowerCase()}`);
    out.resource({
      ...tf.base('azure.network.subnet', aliases),
      name,
      vnet,
      addressPrefixes: tf.field('address_prefixes') ? tf.strs('address_prefixes') : tf.strs('address_prefix'),
      nsg: null,
    });
  },

  azurerm_subnet_network_security_group_association: (tf, out) => {
    out.fragment(tf.fragment('azure.network.subnet', tf.link('subnet_id'), { nsg: tf.link('network_security_group_id') }));
  },

  // The provider creates `Standard` addresses unless told otherwise (provider version 4; `Basic` before).
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/public_ip#sku
  azurerm_public_ip: (tf, out) => {
    out.resource({
      ...tf.base('azure.network.publicIp', azureAliases(tf, ARM_TYPES.publicIp, ['ip_address'])),
      name: tf.str('name'),
      sku: tf.str('sku', 'Standard'),
      ipAddress: tf.output('ip_address'),
    });
  },
};
