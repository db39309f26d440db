import type { Attr, ResourceBase } from '../core/index.js';

export interface RolePermission {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly dataActions: readonly string[];
  readonly notDataActions: readonly string[];
  /** ABAC condition (version 2.0 language) or null. */
  readonly condition: string | null;
}

export interface RoleDefinition extends ResourceBase<'azure.authorization.roleDefinition'> {
  /** The role's GUID, lowercased: how Azure identifies a role whatever the id prefix. */
  readonly roleId: Attr<string>;
  readonly roleName: Attr<string>;
  readonly custom: boolean;
  readonly permissions: Attr<readonly RolePermission[]>;
  readonly assignableScopes: Attr<readonly string[]>;
}

export interface RoleAssignment extends ResourceBase<'azure.authorization.roleAssignment'> {
  readonly scope: Attr<string>;
  /** A role definition id (any prefix) or a role name, as the input wrote it. */
  readonly role: Attr<string>;
  readonly principalId: Attr<string>;
  /** `User`, `Group`, `ServicePrincipal`, `ForeignGroup`, `Device`, or unknown. */
  readonly principalType: Attr<string | null>;
  readonly condition: Attr<string | null>;
  /** `standing` for ordinary assignments; `eligible` and `active` for PIM schedules. */
  readonly via: 'standing' | 'pimEligible' | 'pimActive';
  /** PIM schedule end, ISO 8601, or null for permanent. */
  readonly endsAt: Attr<string | null>;
}
