import type { Link } from '../../../model/core/index.js';
import { known } from '../../../model/core/index.js';
import type { Emitter, Tf } from './context.js';

/**
 * Azure resource ids for Terraform resources. Ids of resources that already exist are in the plan; for new ones the
 * id is built from the resource group and name with a literal `{subscriptionId}` segment (the subscription comes
 * from the provider configuration, not the resource), lowercased as Azure compares ids. A resource that names its
 * parent by name (`network_security_group_name`, `virtual_network_name`) links through the same id.
 * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */

export const ARM_TYPES = {
  nsg: 'microsoft.network/networksecuritygroups',
  asg: 'microsoft.network/applicationsecuritygroups',
  nic: 'microsoft.network/networkinterfaces',
  vnet: 'microsoft.network/virtualnetworks',
  publicIp: 'microsoft.network/publicipaddresses',
  storage: 'microsoft.storage/storageaccounts',
  keyVault: 'microsoft.keyvault/vaults',
  identity: 'microsoft.managedidentity/userassignedidentities',
  vm: 'microsoft.compute/virtualmachines',
} as const;

export function armId(resourceGroup: string, armType: string, name: string): string {
  return `/subscriptions/{subscriptionId}/resourceGroups/${resourceGroup}/providers/${armType}/${name}`.toLowerCase();
}

function knownString(tf: Tf, name: string): string | undefined {
  const x = tf.field(name);
  return x?.t === 'string' && x.v !== '' ? x.v : undefined;
}

/** The id built from this resource's `resource_group_name` and `name`, when both are known. */
export function ownArmId(tf: Tf, armType: string): string | undefined {
  const rg = knownString(tf, 'resource_group_name');
  const name = knownString(tf, 'name');
  return rg && name ? armId(rg, armType, name) : undefined;
}

/** Handles of an Azure resource: its id (lowercased), the built id, and its name. */
export function azureAliases(tf: Tf, armType: string, extra: readonly string[] = []): string[] {
  const out = tf.aliases(['id', ...extra], true);
  const built = ownArmId(tf, armType);
  if (built) out.push(built);
  const name = knownString(tf, 'name');
  if (name) out.push(name);
  return out;
}

/**
 * A parent named by resource group and name (`resource_group_name` + `network_security_group_name`): the built id
 * when both are known, else whatever the name argument links to.
 */
export function parentByName(tf: Tf, nameField: string, armType: string): Link {
  const rg = knownString(tf, 'resource_group_name');
  const name = knownString(tf, nameField);
  const v = tf.field(nameField);
  if (rg && name && v) return known(armId(rg, armType, name), v.at);
  return tf.link(nameField);
}

/** ARM resource types by Terraform type, for ids built from a referenced resource's group and name. */
const ARM_TYPE_OF: Readonly<Record<string, string>> = {
  azurerm_network_security_group: ARM_TYPES.nsg,
  azurerm_application_security_group: ARM_TYPES.asg,
  azurerm_network_interface: ARM_TYPES.nic,
  azurerm_virtual_network: ARM_TYPES.vnet,
  azurerm_public_ip: ARM_TYPES.publicIp,
  azurerm_storage_account: ARM_TYPES.storage,
  azurerm_key_vault: ARM_TYPES.keyVault,
  azurerm_user_assigned_identity: ARM_TYPES.identity,
  azurerm_linux_virtual_machine: ARM_TYPES.vm,
  azurerm_windows_virtual_machine: ARM_TYPES.vm,
  azurerm_virtual_machine: ARM_TYPES.vm,
};

/**
 * A scope (`scope`, a role assignment's or policy's): a known id as written; when it is a new resource's id, which
 * the plan cannot know, the id built from that resource (resource group, management group, or a resource with a
 * resource group and name), so the scope's level and place in the hierarchy are still known.
 * https://learn.microsoft.com/azure/role-based-access-control/scope-overview
 */
export function scopeOf(tf: Tf, out: Emitter, field: string): Link {
  const l = tf.link(field);
  if (!l.known || !l.value.includes('::')) return l;
  const target = out.instance(l.value);
  if (!target) return l;
  const text = (name: string): string | undefined => {
    const x = target.field(name);
    return x?.t === 'string' && x.v !== '' ? x.v : undefined;
  };
  const id = text('id');
  if (id) return known(id, l.at);
  const name = text('name');
  if (!name) return l;
  const type = target.inst.type;
  if (type === 'azurerm_resource_group') return known(`/subscriptions/{subscriptionId}/resourceGroups/${name}`, l.at);
  if (type === 'azurerm_management_group') return known(`/providers/Microsoft.Management/managementGroups/${name}`, l.at);
  const rg = text('resource_group_name');
  const armType = ARM_TYPE_OF[type];
  return rg && armType ? known(armId(rg, armType, name), l.at) : l;
}
