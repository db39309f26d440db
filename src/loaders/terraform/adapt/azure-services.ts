import type { Attr } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import { readBool } from '../../common/read.js';
import type { AdapterTable, Emitter, Tf } from './context.js';
import { ARM_TYPES, azureAliases } from './azure-ids.js';

/**
 * Storage accounts, Key Vaults (and their secrets and keys), managed identities, virtual machines, diagnostic
 * settings and Defender for Cloud plans.
 *
 * Where the azurerm provider's default differs from the service's, the provider's wins: it is what Terraform sends.
 * Most notably `allow_nested_items_to_be_public` defaults to `true` in the provider, while Azure itself disallows
 * anonymous blob access on new accounts.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
 */

/** A boolean argument renamed across provider versions (v3 `enable_*`, v4 `*_enabled`). */
function boolOf(tf: Tf, names: readonly string[], dflt: boolean): Attr<boolean> {
  return readBool(tf.first(names), tf.at, dflt, names[0]);
}

function enabledDisabled(a: Attr<boolean>): Attr<string> {
  return a.known ? { ...a, value: a.value ? 'Enabled' : 'Disabled' } : a;
}

/** `network_rules` / `network_acls` block's `default_action`; no block means everything is allowed. */
function defaultAction(tf: Tf, block: string): Attr<string> {
  const b = tf.block(block);
  if (b) return tf.str('default_action', undefined, b);
  const u = tf.unknownField(block);
  return u ? unknown(u.at, u.why) : defaulted('Allow', tf.at);
}

function keyVaultItem(tf: Tf): { name: Attr<string>; vault: Attr<string>; expires: Attr<string | null> } {
  return { name: tf.str('name'), vault: tf.link('key_vault_id'), expires: tf.nstr('expiration_date') };
}

/** The VM as the machine behind each of its NICs. */
function claimNics(tf: Tf, out: Emitter, nics: readonly Attr<string>[]): void {
  for (const nic of nics) out.fragment(tf.fragment('azure.network.nic', nic, { virtualMachine: known(tf.key, tf.at) }));
}

function identity(tf: Tf): { identityType: Attr<string>; userAssignedIdentities: Attr<string>[] } {
  const b = tf.block('identity');
  if (!b) {
    const u = tf.unknownField('identity');
    return { identityType: u ? unknown(u.at, u.why) : defaulted('None', tf.at), userAssignedIdentities: [] };
  }
  return { identityType: tf.str('type', undefined, b), userAssignedIdentities: tf.links('identity_ids', b) };
}

/**
 * `azurerm_linux_virtual_machine` disables password authentication unless told otherwise; Windows machines always
 * sign in with the admin password.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
 */
function modernVm(os: 'Linux' | 'Windows') {
  return (tf: Tf, out: Emitter): void => {
    const nics = tf.links('network_interface_ids');
    const disabled = tf.bool('disable_password_authentication', true);
    out.resource({
      ...tf.base('azure.compute.vm', azureAliases(tf, ARM_TYPES.vm, ['virtual_machine_id'])),
      name: tf.str('name'),
      ...identity(tf),
      osType: known(os, tf.at),
      passwordAuthentication: os === 'Windows' ? known(true, tf.at) : disabled.known ? { ...disabled, value: !disabled.value } : disabled,
      adminPassword: tf.nstr('admin_password'),
      networkInterfaces: nics,
    });
    claimNics(tf, out, nics);
  };
}

export const AZURE_SERVICES: AdapterTable = {
  azurerm_storage_account: (tf, out) => {
    const cmk = tf.block('customer_managed_key');
    out.resource({
      ...tf.base('azure.storage.account', azureAliases(tf, ARM_TYPES.storage)),
      name: tf.str('name'),
      allowBlobPublicAccess: boolOf(tf, ['allow_nested_items_to_be_public', 'allow_blob_public_access'], true),
      httpsOnly: boolOf(tf, ['https_traffic_only_enabled', 'enable_https_traffic_only'], true),
      // "Defaults to `TLS1_2` for new storage accounts" (provider docs, same page).
      minimumTlsVersion: tf.str('min_tls_version', 'TLS1_2'),
      sharedKeyAccess: tf.bool('shared_access_key_enabled', true),
      publicNetworkAccess: enabledDisabled(tf.bool('public_network_access_enabled', true)),
      networkDefaultAction: defaultAction(tf, 'network_rules'),
      encryptionKeySource: cmk ? known('Microsoft.Keyvault', cmk.at) : defaulted('Microsoft.Storage', tf.at),
      infrastructureEncryption: tf.bool('infrastructure_encryption_enabled', false),
    });
  },

  azurerm_storage_account_customer_managed_key: (tf, out) => {
    out.fragment(tf.fragment('azure.storage.account', tf.link('storage_account_id'), { encryptionKeySource: known('Microsoft.Keyvault', tf.at) }));
  },

  azurerm_storage_account_network_rules: (tf, out) => {
    out.fragment(tf.fragment('azure.storage.account', tf.link('storage_account_id'), { networkDefaultAction: tf.str('default_action') }));
  },

  // Soft delete is always on (it can no longer be disabled); purge protection, RBAC mode are off unless set.
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
  azurerm_key_vault: (tf, out) => {
    out.resource({
      ...tf.base('azure.keyvault.vault', azureAliases(tf, ARM_TYPES.keyVault, ['vault_uri'])),
      name: tf.str('name'),
      softDelete: defaulted(true, tf.at),
      purgeProtection: tf.bool('purge_protection_enabled', false),
      rbacAuthorization: boolOf(tf, ['rbac_authorization_enabled', 'enable_rbac_authorization'], false),
      publicNetworkAccess: enabledDisabled(tf.bool('public_network_access_enabled', true)),
      networkDefaultAction: defaultAction(tf, 'network_acls'),
    });
  },

  azurerm_key_vault_secret: (tf, out) => {
    out.resource({
      ...tf.base('azure.keyvault.secret', tf.aliases(['id', 'versionless_id', 'resource_id'], true)),
      ...keyVaultItem(tf),
      value: tf.nstr('value'),
    });
  },

  azurerm_key_vault_key: (tf, out) => {
    out.resource({ ...tf.base('azure.keyvault.key', tf.aliases(['id', 'versionless_id', 'resource_id'], true)), ...keyVaultItem(tf) });
  },

  azurerm_user_assigned_identity: (tf, out) => {
    out.resource({
      ...tf.base('azure.managedidentity.userAssigned', azureAliases(tf, ARM_TYPES.identity, ['principal_id', 'client_id'])),
      name: tf.str('name'),
    });
  },

  azurerm_linux_virtual_machine: modernVm('Linux'),
  azurerm_windows_virtual_machine: modernVm('Windows'),

  // The legacy resource: OS settings in `os_profile_*_config` blocks; Linux allows passwords unless disabled.
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine
  azurerm_virtual_machine: (tf, out) => {
    const linux = tf.block('os_profile_linux_config');
    const windows = tf.block('os_profile_windows_config');
    const profile = tf.block('os_profile');
    const nics = tf.links('network_interface_ids');
    let passwordAuthentication: Attr<boolean>;
    if (linux) {
      const disabled = tf.bool('disable_password_authentication', false, linux);
      passwordAuthentication = disabled.known ? { ...disabled, value: !disabled.value } : disabled;
    } else if (windows) {
      passwordAuthentication = known(true, windows.at);
    } else {
      passwordAuthentication = unknown(tf.at, 'the OS profile is not set');
    }
    out.resource({
      ...tf.base('azure.compute.vm', azureAliases(tf, ARM_TYPES.vm)),
      name: tf.str('name'),
      ...identity(tf),
      osType: linux ? known('Linux', linux.at) : windows ? known('Windows', windows.at) : defaulted(null, tf.at),
      passwordAuthentication,
      adminPassword: profile ? tf.nstr('admin_password', profile) : defaulted(null, tf.at),
      networkInterfaces: nics,
    });
    claimNics(tf, out, nics);
  },

  // `enabled_log` blocks (provider v3.39+) and the older `log` blocks with `enabled`.
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_diagnostic_setting
  azurerm_monitor_diagnostic_setting: (tf, out) => {
    const categories: string[] = [];
    let unknownAt: Attr<readonly string[]> | undefined;
    for (const [block, needsEnabled] of [['enabled_log', false], ['log', true]] as const) {
      for (const b of tf.blocks(block)) {
        if (needsEnabled) {
          const en = tf.bool('enabled', true, b);
          if (en.known && !en.value) continue;
        }
        const c = tf.first(['category', 'category_group'], b);
        if (c?.t === 'string') categories.push(c.v);
        else if (c?.t === 'unknown') unknownAt = unknown(c.at, c.why);
      }
    }
    const hub = tf.first(['eventhub_authorization_rule_id', 'eventhub_name']);
    out.resource({
      ...tf.base('azure.insights.diagnosticSetting', tf.aliases(['id'], true)),
      name: tf.str('name'),
      target: tf.link('target_resource_id'),
      logCategories: unknownAt ?? known(categories, tf.at),
      workspace: tf.nstr('log_analytics_workspace_id'),
      storageAccount: tf.nstr('storage_account_id'),
      eventHub: hub?.t === 'string' ? known(hub.v, hub.at) : hub?.t === 'unknown' ? unknown(hub.at, hub.why) : defaulted(null, tf.at),
    });
  },

  // `resource_type` defaults to `VirtualMachines`.
  // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing
  azurerm_security_center_subscription_pricing: (tf, out) => {
    out.resource({
      ...tf.base('azure.security.defenderPlan', tf.aliases(['id'], true)),
      plan: tf.str('resource_type', 'VirtualMachines'),
      tier: tf.str('tier'),
    });
  },
};
