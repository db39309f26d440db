import type { Attr, Link, ResourceBase } from '../core/index.js';

export interface StorageAccount extends ResourceBase<'azure.storage.account'> {
  readonly name: Attr<string>;
  readonly allowBlobPublicAccess: Attr<boolean>;
  readonly httpsOnly: Attr<boolean>;
  /** `TLS1_0`, `TLS1_1`, `TLS1_2`, `TLS1_3`. */
  readonly minimumTlsVersion: Attr<string>;
  readonly sharedKeyAccess: Attr<boolean>;
  readonly publicNetworkAccess: Attr<string>;
  /** Network rules' default action, `Allow` or `Deny`. */
  readonly networkDefaultAction: Attr<string>;
  /** `Microsoft.Storage` (Microsoft-managed key) or `Microsoft.Keyvault` (customer-managed key). */
  readonly encryptionKeySource: Attr<string>;
  readonly infrastructureEncryption: Attr<boolean>;
}

export interface KeyVault extends ResourceBase<'azure.keyvault.vault'> {
  readonly name: Attr<string>;
  readonly softDelete: Attr<boolean>;
  readonly purgeProtection: Attr<boolean>;
  /** True when data-plane access is governed by Azure RBAC rather than access policies. */
  readonly rbacAuthorization: Attr<boolean>;
  readonly publicNetworkAccess: Attr<string>;
  readonly networkDefaultAction: Attr<string>;
}

export interface KeyVaultItem<K extends string> extends ResourceBase<K> {
  readonly name: Attr<string>;
  readonly vault: Link;
  /** ISO 8601 expiry or null when the item never expires. */
  readonly expires: Attr<string | null>;
}
export type KeyVaultSecret = KeyVaultItem<'azure.keyvault.secret'> & { readonly value: Attr<string | null> };
export type KeyVaultKey = KeyVaultItem<'azure.keyvault.key'>;

export interface UserAssignedIdentity extends ResourceBase<'azure.managedidentity.userAssigned'> {
  readonly name: Attr<string>;
}

export interface VirtualMachine extends ResourceBase<'azure.compute.vm'> {
  readonly name: Attr<string>;
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly identityType: Attr<string>;
  readonly userAssignedIdentities: readonly Link[];
  readonly osType: Attr<'Linux' | 'Windows' | null>;
  readonly passwordAuthentication: Attr<boolean>;
  readonly adminPassword: Attr<string | null>;
  readonly networkInterfaces: readonly Link[];
}

export interface DiagnosticSetting extends ResourceBase<'azure.insights.diagnosticSetting'> {
  readonly name: Attr<string>;
  /** The monitored resource id; a subscription id (`/subscriptions/<id>`) means the Activity Log. */
  readonly target: Attr<string>;
  /** Enabled log categories (or category groups such as `allLogs`). */
  readonly logCategories: Attr<readonly string[]>;
  readonly workspace: Attr<string | null>;
  readonly storageAccount: Attr<string | null>;
  readonly eventHub: Attr<string | null>;
}

export interface DefenderPlan extends ResourceBase<'azure.security.defenderPlan'> {
  /** Plan name: `VirtualMachines`, `StorageAccounts`, `KeyVaults`, `Arm`, `SqlServers` … */
  readonly plan: Attr<string>;
  /** `Free` or `Standard`. */
  readonly tier: Attr<string>;
}
