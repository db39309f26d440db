import type {
  DenyAssignment, EntraGroup, ManagementGroup, RoleAssignment, RoleDefinition, RoleManagementPolicy, SubscriptionPlacement,
} from './authorization.js';
import type {
  ApplicationSecurityGroup, AzureSubnet, NetworkInterfaceCard, NetworkSecurityGroup, PublicIpAddress, VirtualNetwork,
} from './network.js';
import type {
  DefenderPlan, DiagnosticSetting, KeyVault, KeyVaultKey, KeyVaultSecret, StorageAccount, UserAssignedIdentity,
  VirtualMachine,
} from './services.js';

export type * from './authorization.js';
export type * from './network.js';
export type * from './services.js';

export type AzureResource =
  | RoleDefinition | RoleAssignment
  | DenyAssignment | RoleManagementPolicy | ManagementGroup | SubscriptionPlacement | EntraGroup
  | NetworkSecurityGroup | ApplicationSecurityGroup | NetworkInterfaceCard | VirtualNetwork | AzureSubnet | PublicIpAddress
  | StorageAccount | KeyVault | KeyVaultSecret | KeyVaultKey | UserAssignedIdentity | VirtualMachine
  | DiagnosticSetting | DefenderPlan;
