import type { Attr, Link, ResourceBase } from '../core/index.js';

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

export interface RoleAssignment extends ResourceBase<'azure.authorization.roleAssignment'>, RoleAssignmentDetails {
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

/**
 * Optional RoleAssignment details some inputs carry (the RBAC export loader fills them):
 * the principal's display name or UPN, and for PIM schedule instances their start, kind and the role assignment
 * they materialise (`originRoleAssignmentId`), so the standing copy in `az role assignment list` is not counted twice.
 */
export interface RoleAssignmentDetails {
  readonly principalName?: Attr<string | null>;
  /** PIM schedule start, ISO 8601, or null when unbounded. */
  readonly startsAt?: Attr<string | null>;
  /** PIM `assignmentType`: `Assigned` (made active by an administrator) or `Activated` (an eligibility activated). */
  readonly pimAssignmentType?: 'Assigned' | 'Activated';
  readonly originAssignment?: Link;
}

export interface DenyPrincipal {
  readonly id: string;
  /** `User`, `Group`, `ServicePrincipal`, or `SystemDefined` with the zero GUID for everyone. */
  readonly type: string | null;
}

/** A deny assignment (read-only in Azure; created by deployment stacks, managed applications and the platform). */
export interface DenyAssignment extends ResourceBase<'azure.authorization.denyAssignment'> {
  readonly name: Attr<string | null>;
  readonly scope: Attr<string>;
  readonly permissions: Attr<readonly RolePermission[]>;
  readonly principals: Attr<readonly DenyPrincipal[]>;
  readonly excludePrincipals: Attr<readonly DenyPrincipal[]>;
  readonly doNotApplyToChildScopes: Attr<boolean>;
  readonly condition: Attr<string | null>;
}

/** PIM role settings (a role management policy) for one role at one scope. */
export interface RoleManagementPolicy extends ResourceBase<'azure.authorization.roleManagementPolicy'> {
  readonly scope: Attr<string>;
  /** The role definition the policy governs (any id form), null when the input does not say. */
  readonly role: Attr<string | null>;
  readonly permanentEligibleAllowed: Attr<boolean>;
  readonly eligibleMaxDuration: Attr<string | null>;
  readonly permanentActiveAllowed: Attr<boolean>;
  readonly activeMaxDuration: Attr<string | null>;
  /** Longest activation, ISO 8601 duration (`PT8H`). */
  readonly activationMaxDuration: Attr<string | null>;
  readonly activationRequiresMfa: Attr<boolean>;
  readonly activationRequiresAuthenticationContext: Attr<boolean>;
  readonly activationRequiresJustification: Attr<boolean>;
  readonly activationRequiresTicket: Attr<boolean>;
  readonly activationRequiresApproval: Attr<boolean>;
  readonly activeAssignmentRequiresMfa: Attr<boolean>;
  readonly activeAssignmentRequiresJustification: Attr<boolean>;
}

export interface ManagementGroup extends ResourceBase<'azure.management.managementGroup'> {
  /** The group's name (the last segment of its id). */
  readonly name: Attr<string>;
  readonly displayName: Attr<string | null>;
  /** The parent management group's name or id; null for the tenant root group. */
  readonly parent: Attr<string | null>;
}

/** Where a subscription sits in the management-group tree. */
export interface SubscriptionPlacement extends ResourceBase<'azure.management.subscription'> {
  readonly subscriptionId: Attr<string>;
  readonly displayName: Attr<string | null>;
  readonly managementGroup: Attr<string | null>;
}

/** A Microsoft Entra group and its direct members (users, service principals, groups). */
export interface EntraGroup extends ResourceBase<'azure.entra.group'> {
  readonly groupId: Attr<string>;
  readonly displayName: Attr<string | null>;
  readonly members: Attr<readonly string[]>;
}
