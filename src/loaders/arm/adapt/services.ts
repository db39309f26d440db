import type { Attr, Provenance } from '../../../model/core/index.js';
import { defaulted, known, unknown } from '../../../model/core/index.js';
import type {
  DefenderPlan, DiagnosticSetting, KeyVault, KeyVaultKey, KeyVaultSecret, StorageAccount, UserAssignedIdentity,
  VirtualMachine,
} from '../../../model/index.js';
import { AZURE_API_VERSION_DEFAULTS, AZURE_DEFAULTS } from '../../common/defaults.js';
import { readBool, readNullableString, readString } from '../../common/read.js';
import type { ObjectValue, Value } from '../../common/value.js';
import { symbolOf } from '../eval/values.js';
import { getField, getObject, getPath } from '../eval/values.js';
import type { Adapter, ArmResource } from './common.js';
import { apiBefore, base, extendedScope, leafName, link, parentId, properties, readCanonical, subResources } from './common.js';

/**
 * Storage, Key Vault, identity, compute, monitoring and Defender resources.
 * https://learn.microsoft.com/azure/templates/microsoft.storage/storageaccounts
 * https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults
 * https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/secrets
 * https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/keys
 * https://learn.microsoft.com/azure/templates/microsoft.managedidentity/userassignedidentities
 * https://learn.microsoft.com/azure/templates/microsoft.compute/virtualmachines
 * https://learn.microsoft.com/azure/templates/microsoft.insights/diagnosticsettings
 * https://learn.microsoft.com/azure/templates/microsoft.security/pricings
 */

const S = AZURE_DEFAULTS.storage;
const SV = AZURE_API_VERSION_DEFAULTS.storage;

const storageAccount: Adapter = (r, out) => {
  const p = properties(r);
  const api = r.apiVersion;
  const res: StorageAccount = {
    ...base(r, 'azure.storage.account'),
    name: leafName(r),
    allowBlobPublicAccess: readBool(getField(p, 'allowBlobPublicAccess'), r.at,
      apiBefore(api, SV.allowBlobPublicAccess.before) ? SV.allowBlobPublicAccess.value : S.allowBlobPublicAccess, 'allowBlobPublicAccess'),
    httpsOnly: readBool(getField(p, 'supportsHttpsTrafficOnly'), r.at,
      apiBefore(api, SV.httpsOnly.before) ? SV.httpsOnly.value : S.httpsOnly, 'supportsHttpsTrafficOnly'),
    minimumTlsVersion: readCanonical(getField(p, 'minimumTlsVersion'), r.at, ['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'], 'minimumTlsVersion', S.minimumTlsVersion),
    sharedKeyAccess: readBool(getField(p, 'allowSharedKeyAccess'), r.at, S.sharedKeyAccess, 'allowSharedKeyAccess'),
    publicNetworkAccess: readCanonical(getField(p, 'publicNetworkAccess'), r.at, ['Enabled', 'Disabled', 'SecuredByPerimeter'], 'publicNetworkAccess', S.publicNetworkAccess),
    networkDefaultAction: readCanonical(getPath(p, 'networkAcls', 'defaultAction'), r.at, ['Allow', 'Deny'], 'networkAcls.defaultAction', S.networkDefaultAction),
    encryptionKeySource: readCanonical(getPath(p, 'encryption', 'keySource'), r.at, ['Microsoft.Storage', 'Microsoft.Keyvault'], 'encryption.keySource', S.encryptionKeySource),
    infrastructureEncryption: readBool(getPath(p, 'encryption', 'requireInfrastructureEncryption'), r.at, S.infrastructureEncryption, 'requireInfrastructureEncryption'),
  };
  out.resources.push(res);
};

const KV = AZURE_DEFAULTS.keyVault;

const keyVault: Adapter = (r, out) => {
  const p = properties(r);
  const rbacDefault = r.apiVersion !== undefined && !apiBefore(r.apiVersion, AZURE_API_VERSION_DEFAULTS.keyVault.rbacAuthorization.from)
    ? AZURE_API_VERSION_DEFAULTS.keyVault.rbacAuthorization.value
    : KV.rbacAuthorization;
  const res: KeyVault = {
    ...base(r, 'azure.keyvault.vault'),
    name: leafName(r),
    softDelete: readBool(getField(p, 'enableSoftDelete'), r.at, KV.softDelete, 'enableSoftDelete'),
    purgeProtection: readBool(getField(p, 'enablePurgeProtection'), r.at, KV.purgeProtection, 'enablePurgeProtection'),
    rbacAuthorization: readBool(getField(p, 'enableRbacAuthorization'), r.at, rbacDefault, 'enableRbacAuthorization'),
    publicNetworkAccess: readCanonical(getField(p, 'publicNetworkAccess'), r.at, ['Enabled', 'Disabled'], 'publicNetworkAccess', KV.publicNetworkAccess),
    networkDefaultAction: readCanonical(getPath(p, 'networkAcls', 'defaultAction'), r.at, ['Allow', 'Deny'], 'networkAcls.defaultAction', KV.networkDefaultAction),
  };
  out.resources.push(res);
};

/** `attributes.exp`: expiry in seconds since 1970 (UTC), as an ISO 8601 date-time; absent means never. */
function expiry(p: ObjectValue | undefined, at: Provenance): Attr<string | null> {
  const v = getPath(p, 'attributes', 'exp');
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'unknown') return unknown(v.at, v.why);
  const n = v.t === 'number' ? v.v : v.t === 'string' && /^-?\d+$/.test(v.v) ? Number(v.v) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > 8.64e12) return unknown(v.at, '`attributes.exp` is not a number of seconds');
  return known(new Date(n * 1000).toISOString().replace(/\.000Z$/, 'Z'), v.at);
}

function vaultItem(r: ArmResource) {
  return { name: leafName(r), vault: known(parentId(r), r.nameAt), expires: expiry(properties(r), r.at) };
}

const secret: Adapter = (r, out) => {
  const res: KeyVaultSecret = {
    ...base(r, 'azure.keyvault.secret'),
    ...vaultItem(r),
    value: readNullableString(getField(properties(r), 'value'), r.at),
  };
  out.resources.push(res);
};

const key: Adapter = (r, out) => {
  const res: KeyVaultKey = { ...base(r, 'azure.keyvault.key'), ...vaultItem(r) };
  out.resources.push(res);
};

const identity: Adapter = (r, out) => {
  const res: UserAssignedIdentity = { ...base(r, 'azure.managedidentity.userAssigned'), name: leafName(r) };
  out.resources.push(res);
};

const WINDOWS_PUBLISHERS = ['microsoftwindowsserver', 'microsoftwindowsdesktop', 'microsoftsqlserver', 'microsoftvisualstudio'];
const LINUX_PUBLISHERS = ['canonical', 'redhat', 'debian', 'suse', 'openlogic', 'oracle', 'kinvolk', 'almalinux', 'resf', 'microsoftcblmariner'];

/** The OS: the OS disk's `osType`, else the OS profile's configuration block, else a well-known image publisher. */
function osType(p: ObjectValue | undefined, at: Provenance): Attr<'Linux' | 'Windows' | null> {
  const explicit = getPath(p, 'storageProfile', 'osDisk', 'osType');
  if (explicit?.t === 'string') {
    const v = explicit.v.toLowerCase();
    if (v === 'linux' || v === 'windows') return known(v === 'linux' ? 'Linux' : 'Windows', explicit.at);
  }
  if (explicit?.t === 'unknown') return unknown(explicit.at, explicit.why);
  const linux = getPath(p, 'osProfile', 'linuxConfiguration');
  if (linux?.t === 'object') return known('Linux', linux.at);
  const windows = getPath(p, 'osProfile', 'windowsConfiguration');
  if (windows?.t === 'object') return known('Windows', windows.at);
  const publisher = getPath(p, 'storageProfile', 'imageReference', 'publisher');
  if (publisher?.t === 'string') {
    const pub = publisher.v.toLowerCase();
    if (WINDOWS_PUBLISHERS.includes(pub)) return known('Windows', publisher.at);
    if (LINUX_PUBLISHERS.includes(pub)) return known('Linux', publisher.at);
  }
  if (linux?.t === 'unknown') return unknown(linux.at, linux.why);
  if (publisher?.t === 'unknown') return unknown(publisher.at, publisher.why);
  return unknown(at, 'the operating system cannot be told from the template (no osType, OS configuration or known image publisher)');
}

/**
 * Whether the VM accepts password sign-in: always on Windows; on Linux unless
 * `osProfile.linuxConfiguration.disablePasswordAuthentication` is true (its default is false).
 */
function passwordAuthentication(p: ObjectValue | undefined, os: Attr<'Linux' | 'Windows' | null>, at: Provenance): Attr<boolean> {
  const osProfile = getField(p, 'osProfile');
  if (osProfile === undefined || osProfile.t === 'null') {
    return unknown(at, 'no `osProfile`: the VM boots an existing OS disk whose sign-in settings the template does not show');
  }
  if (osProfile.t === 'unknown') return unknown(osProfile.at, osProfile.why);
  if (!os.known) {
    const disable = getPath(p, 'osProfile', 'linuxConfiguration', 'disablePasswordAuthentication');
    if (disable?.t === 'bool' && disable.v) return known(false, disable.at);
    return unknown(os.at, os.why);
  }
  if (os.value === 'Windows') return known(true, os.at);
  // Without the setting (or with `linuxConfiguration` null, as quickstarts write for password sign-in) the default
  // applies; it is reported where the configuration block was written when there is one.
  const linux = getPath(p, 'osProfile', 'linuxConfiguration');
  if (linux?.t === 'unknown') return unknown(linux.at, linux.why);
  const disable = getPath(p, 'osProfile', 'linuxConfiguration', 'disablePasswordAuthentication');
  const b = readBool(disable, linux?.at ?? at, false, 'disablePasswordAuthentication');
  return b.known ? { ...b, value: !b.value } : b;
}

/** Keys of `identity.userAssignedIdentities` are the identities' resource ids (expressions in the template). */
function userAssignedIdentities(r: ArmResource): ReturnType<typeof link>[] {
  const map = getPath(r.body, 'identity', 'userAssignedIdentities');
  if (map?.t === 'unknown') return [link(map, map.at)];
  if (map?.t !== 'object') return [];
  return [...map.fields].map(([id, v]) => (id.startsWith('{') && !id.startsWith('{/')
    ? unknown(v.at, 'the identity id is not known')
    : known(id, v.at)));
}

const IDENTITY_TYPES = ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'None'];

/** `identity.type`, canonical whatever the case and spacing (`systemAssigned,userAssigned`). */
function identityType(v: Value | undefined, at: Provenance): Attr<string> {
  const a = readString(v, at, AZURE_DEFAULTS.vm.identityType, 'identity.type');
  if (!a.known) return a;
  const squeezed = a.value.replace(/\s+/g, '').toLowerCase();
  const hit = IDENTITY_TYPES.find((t) => t.replace(/\s+/g, '').toLowerCase() === squeezed);
  return hit !== undefined ? { ...a, value: hit } : a;
}

const virtualMachine: Adapter = (r, out) => {
  const p = properties(r);
  const os = osType(p, r.at);
  const res: VirtualMachine = {
    ...base(r, 'azure.compute.vm'),
    name: leafName(r),
    identityType: identityType(getPath(r.body, 'identity', 'type'), r.at),
    userAssignedIdentities: userAssignedIdentities(r),
    osType: os,
    passwordAuthentication: passwordAuthentication(p, os, r.at),
    adminPassword: readNullableString(getPath(p, 'osProfile', 'adminPassword'), r.at),
    networkInterfaces: subResources(getObject(p, 'networkProfile'), 'networkInterfaces', r.at),
  };
  out.resources.push(res);
};

/** Enabled log categories (or category groups); unknown when any entry's category or switch is unknown. */
function logCategories(p: ObjectValue | undefined, at: Provenance): Attr<readonly string[]> {
  const logs = getField(p, 'logs');
  if (logs === undefined || logs.t === 'null') return defaulted([], at);
  if (logs.t === 'unknown') return unknown(logs.at, logs.why);
  if (logs.t !== 'list') return unknown(logs.at, '`logs` is not an array');
  const out: string[] = [];
  for (const entry of logs.items) {
    if (entry.t === 'unknown') return unknown(entry.at, entry.why);
    if (entry.t !== 'object') continue;
    const enabled = readBool(getField(entry, 'enabled'), entry.at, undefined, 'enabled');
    if (!enabled.known) return unknown(enabled.at, enabled.why);
    if (!enabled.value) continue;
    const cat = getField(entry, 'category') ?? getField(entry, 'categoryGroup');
    const name = readString(cat, entry.at, undefined, 'category');
    if (!name.known) return unknown(name.at, name.why);
    out.push(name.value);
  }
  return known(out, logs.at);
}

function optionalId(v: Value | undefined, at: Provenance): Attr<string | null> {
  if (v === undefined || v.t === 'null') return defaulted(null, at);
  if (v.t === 'unknown') {
    const s = symbolOf(v);
    if (s !== undefined && s.startsWith('/')) return known(s, v.at);
  }
  return readNullableString(v, at);
}

const diagnosticSetting: Adapter = (r, out) => {
  const p = properties(r);
  const scopeNode = r.extends !== undefined ? r.extends : extendedScope(r, 'Microsoft.Insights/diagnosticSettings');
  const res: DiagnosticSetting = {
    ...base(r, 'azure.insights.diagnosticSetting'),
    name: leafName(r),
    target: known(scopeNode, r.at),
    logCategories: logCategories(p, r.at),
    workspace: optionalId(getField(p, 'workspaceId'), r.at),
    storageAccount: optionalId(getField(p, 'storageAccountId'), r.at),
    eventHub: optionalId(getField(p, 'eventHubAuthorizationRuleId') ?? getField(p, 'eventHubName'), r.at),
  };
  out.resources.push(res);
};

const pricing: Adapter = (r, out) => {
  const res: DefenderPlan = {
    ...base(r, 'azure.security.defenderPlan'),
    plan: leafName(r),
    tier: readCanonical(getField(properties(r), 'pricingTier'), r.at, ['Free', 'Standard'], 'pricingTier'),
  };
  out.resources.push(res);
};

export const SERVICE_ADAPTERS: Readonly<Record<string, Adapter>> = {
  'microsoft.storage/storageaccounts': storageAccount,
  'microsoft.keyvault/vaults': keyVault,
  'microsoft.keyvault/vaults/secrets': secret,
  'microsoft.keyvault/vaults/keys': key,
  'microsoft.managedidentity/userassignedidentities': identity,
  'microsoft.compute/virtualmachines': virtualMachine,
  'microsoft.insights/diagnosticsettings': diagnosticSetting,
  'microsoft.security/pricings': pricing,
};
