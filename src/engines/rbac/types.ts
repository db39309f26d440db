import type { Provenance } from '../../model/core/index.js';

/**
 * Input types of the RBAC engine. They mirror the shapes Azure prints (`az role … list`, the ARM REST list outputs)
 * closely enough that a loader maps them field by field, but they are the engine's own: nothing here knows which
 * file or format a value came from, except the optional `at` used in diagnostics.
 */

export interface RbacPermissionInput {
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly dataActions?: readonly string[];
  readonly notDataActions?: readonly string[];
  /** ABAC condition attached to this permission block (used by a few built-in roles), or null. */
  readonly condition?: string | null;
  readonly conditionVersion?: string | null;
}

export interface RbacRoleDefinitionInput {
  /** Any form of the id: the GUID alone, `/providers/…/roleDefinitions/<guid>`, `/subscriptions/…/roleDefinitions/<guid>`. */
  readonly id: string;
  readonly roleName?: string;
  /** True for custom roles (`roleType: CustomRole`). */
  readonly custom?: boolean;
  readonly permissions: readonly RbacPermissionInput[];
  readonly assignableScopes?: readonly string[];
  readonly at?: Provenance;
}

/** How an assignment came to exist: an ordinary role assignment, or a PIM schedule instance. */
export type RbacAssignmentOrigin = 'standing' | 'pimAssigned' | 'pimActivated';

export interface RbacRoleAssignmentInput {
  readonly id: string;
  readonly scope: string;
  /** A role definition id in any form, a bare GUID, or a role name (Terraform `role_definition_name`). */
  readonly roleDefinitionId: string;
  readonly principalId: string;
  /** `User`, `Group`, `ServicePrincipal`, `ForeignGroup`, `Device`… */
  readonly principalType?: string | null;
  /** Display name or UPN when the export has it (`principalName` in the CLI output). */
  readonly principalName?: string | null;
  readonly condition?: string | null;
  readonly conditionVersion?: string | null;
  /** Defaults to `standing`. */
  readonly origin?: RbacAssignmentOrigin;
  /** ISO 8601; a PIM instance grants from `startDateTime` (inclusive) to `endDateTime` (exclusive). */
  readonly startDateTime?: string | null;
  readonly endDateTime?: string | null;
  readonly at?: Provenance;
}

/** A PIM eligibility (roleEligibilitySchedules / instances): it grants nothing until activated. */
export interface RbacEligibilityInput {
  readonly id: string;
  readonly scope: string;
  readonly roleDefinitionId: string;
  readonly principalId: string;
  readonly principalType?: string | null;
  readonly principalName?: string | null;
  readonly startDateTime?: string | null;
  readonly endDateTime?: string | null;
  readonly condition?: string | null;
  readonly at?: Provenance;
}

export interface RbacPrincipalRef {
  readonly id: string;
  readonly type?: string | null;
}

export interface RbacDenyAssignmentInput {
  readonly id: string;
  readonly name?: string | null;
  readonly scope: string;
  readonly permissions: readonly RbacPermissionInput[];
  readonly principals: readonly RbacPrincipalRef[];
  readonly excludePrincipals?: readonly RbacPrincipalRef[];
  readonly doNotApplyToChildScopes?: boolean;
  readonly condition?: string | null;
  readonly at?: Provenance;
}

export interface RbacManagementGroupInput {
  /** The management group name (its id's last segment) or its full id. */
  readonly id: string;
  readonly displayName?: string | null;
  /** The parent management group (name or full id); null or absent for the tenant root group. */
  readonly parent?: string | null;
  /** True when the input does not say where the group sits (its parent is then unknown, not the root). */
  readonly parentUnknown?: boolean;
  readonly at?: Provenance;
}

export interface RbacSubscriptionPlacementInput {
  /** Subscription GUID or `/subscriptions/<guid>`. */
  readonly id: string;
  readonly displayName?: string | null;
  /** The management group the subscription sits directly under (name or full id). */
  readonly parent: string;
  readonly at?: Provenance;
}

export interface RbacHierarchyInput {
  readonly managementGroups: readonly RbacManagementGroupInput[];
  readonly subscriptions: readonly RbacSubscriptionPlacementInput[];
}

/** One role management policy rule as the REST API returns it (the engine reads the fields it knows). */
export type RbacPolicyRuleInput = Readonly<Record<string, unknown>>;

/** PIM role settings already read into typed values (e.g. from Terraform `azurerm_role_management_policy`). */
export interface RbacPolicySettings {
  readonly permanentEligibleAllowed?: boolean | 'unknown';
  readonly eligibleMaxDuration?: string | null;
  readonly permanentActiveAllowed?: boolean | 'unknown';
  readonly activeMaxDuration?: string | null;
  readonly activationMaxDuration?: string | null;
  readonly activationRequiresMfa?: boolean | 'unknown';
  readonly activationRequiresAuthenticationContext?: boolean | 'unknown';
  readonly activationRequiresJustification?: boolean | 'unknown';
  readonly activationRequiresTicket?: boolean | 'unknown';
  readonly activationRequiresApproval?: boolean | 'unknown';
  readonly activeAssignmentRequiresMfa?: boolean | 'unknown';
  readonly activeAssignmentRequiresJustification?: boolean | 'unknown';
}

export interface RbacRoleManagementPolicyInput {
  readonly id: string;
  readonly scope: string;
  /** The role the policy governs (from a roleManagementPolicyAssignment); null when the input does not say. */
  readonly roleDefinitionId?: string | null;
  /** The REST rules (`effectiveRules` or `rules`); read when `settings` is absent. */
  readonly rules?: readonly RbacPolicyRuleInput[];
  /** Typed settings; a setting left out is unknown. */
  readonly settings?: RbacPolicySettings;
  readonly at?: Provenance;
}

export interface RbacPrincipalInput {
  readonly id: string;
  readonly name?: string | null;
  readonly type?: string | null;
  /** Microsoft Entra custom security attributes, for `@Principal[…]` in conditions: `set_attribute` → values. */
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
}

export interface RbacInput {
  readonly roleDefinitions?: readonly RbacRoleDefinitionInput[];
  readonly roleAssignments?: readonly RbacRoleAssignmentInput[];
  readonly eligibilities?: readonly RbacEligibilityInput[];
  readonly denyAssignments?: readonly RbacDenyAssignmentInput[];
  /** Absent: management-group placement of subscriptions is unknown. */
  readonly hierarchy?: RbacHierarchyInput;
  /**
   * Group id → direct member ids (members may be groups). Absent: the membership of every group is unknown.
   * A group that is not a key here has unknown membership.
   */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /** Where each group's member list was written, for diagnostics (a membership cycle). */
  readonly groupLocations?: Readonly<Record<string, Provenance>>;
  readonly policies?: readonly RbacRoleManagementPolicyInput[];
  readonly principals?: readonly RbacPrincipalInput[];
}

export type RbacDiagnosticCode =
  | 'unknown-role'
  | 'invalid-scope'
  | 'invalid-principal'
  | 'group-cycle'
  | 'condition-parse-error'
  | 'condition-version'
  | 'invalid-date'
  | 'outside-assignable-scopes'
  | 'unknown-management-group'
  | 'hierarchy-cycle'
  | 'duplicate-id'
  | 'invalid-policy';

export interface RbacDiagnostic {
  readonly code: RbacDiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** The id of the input object the diagnostic is about. */
  readonly subject?: string;
  readonly at?: Provenance;
}

/** Request-time facts for ABAC conditions. Attribute keys are written as in conditions: `@Request[…]`, `@Resource[…]`. */
export interface RbacRequestContext {
  readonly subOperation?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

export type AttributeValue = string | number | boolean | readonly (string | number | boolean)[];

export interface CanRequest {
  /** Object id or display name. */
  readonly principal: string;
  readonly action: string;
  /** A scope or resource id. */
  readonly scope: string;
  /** Overrides the provider-operations catalogue for actions it does not know. */
  readonly plane?: 'control' | 'data';
  readonly context?: RbacRequestContext;
  /** Evaluation time (ISO 8601 or epoch ms); defaults to the engine's `now`. */
  readonly at?: string | number;
}

export type Decision = 'allowed' | 'denied' | 'unknown';

export interface GrantRef {
  readonly assignmentId: string;
  readonly roleId: string;
  readonly roleName: string | null;
  readonly scope: string;
  readonly principalId: string;
  readonly origin: RbacAssignmentOrigin;
  /** Groups between the asking principal and the assignee, nearest first; empty for a direct assignment. */
  readonly through: readonly string[];
  /** Present when the grant depends on an ABAC condition: its outcome for this request. */
  readonly condition?: 'true' | 'false' | 'unknown';
}

export interface CanResult {
  readonly decision: Decision;
  readonly reason: string;
  readonly grantedBy: readonly GrantRef[];
  readonly deniedBy: readonly string[];
  /** Why the answer is unknown, one line per cause; empty otherwise. */
  readonly unknowns: readonly string[];
}
