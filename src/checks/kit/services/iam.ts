/**
 * What checks may ask the IAM engine about the estate (`ctx.services.iam`). Built once per scan by
 * src/scan/services/iam.ts and memoised; every answer is three-valued and cites the statements it rests on.
 */
import type { Provenance } from '../../../model/core/index.js';
import type { JsonValue } from '../../../model/core/json.js';

export type IamPolicyType = 'identity' | 'resource' | 'permissionsBoundary' | 'session' | 'scp' | 'rcp' | 'vpcEndpoint';

/** One statement a decision rests on, as the input names it. */
export interface StatementCitation {
  /** `inline policy \`x\` of user alice`, a managed policy ARN, `trust policy of role r`, `bucket policy of b`. */
  readonly policy: string;
  readonly policyType: IamPolicyType;
  /** 1-based statement number in the policy. */
  readonly statement: number;
  readonly sid?: string;
  readonly at?: Provenance;
}

export interface AccessAnswer {
  readonly decision: 'allowed' | 'denied' | 'unknown';
  /** The engine's own outcome: how a denial came about. */
  readonly detail: 'allowed' | 'explicitDeny' | 'implicitDeny' | 'unknown';
  /** The decision explained in one or two sentences. */
  readonly reason: string;
  readonly grantedBy: readonly StatementCitation[];
  readonly deniedBy: readonly StatementCitation[];
  /** Context keys the decision depends on that the estate cannot tell (source IP, MFA, request tags ...). */
  readonly dependsOn: readonly string[];
  /** For a resource pattern: the member the answer was found for. */
  readonly witness?: string;
}

export interface IamPrincipalInfo {
  readonly key: string;
  readonly kind: 'aws.iam.user' | 'aws.iam.role';
  readonly name: string;
  /** The ARN from the input, or one built from the name and path (account `000000000000` when unknown). */
  readonly arn: string;
  readonly at: Provenance;
}

export interface AdminAnswer {
  /** `full`: every action on every resource; `iam`: every IAM write (enough to grant itself the rest). */
  readonly level: 'full' | 'iam' | 'none' | 'unknown';
  readonly grantedBy: readonly StatementCitation[];
  readonly reason: string;
}

export interface ExposureAnswer {
  /** `public`: outsiders (anonymous, or any AWS account) can perform `actions`; `restricted`: conditions keep them out. */
  readonly exposure: 'public' | 'restricted' | 'none' | 'unknown';
  /** Who the outsiders are: `anyone` (anonymous allowed), `any-account`, `any-github-repository`, ... */
  readonly who: readonly string[];
  readonly actions: readonly string[];
  /** Condition keys that keep outsiders out (identity- or network-bound: aws:PrincipalOrgID, sts:ExternalId ...). */
  readonly restrictedBy: readonly string[];
  /** Condition keys present that an outsider satisfies at will (aws:SecureTransport, aws:PrincipalTag ...). */
  readonly notRestrictedBy: readonly string[];
  readonly grantedBy: readonly StatementCitation[];
  readonly reason: string;
}

export interface EscalationStep {
  readonly description: string;
  readonly citations: readonly StatementCitation[];
}

export interface EscalationPath {
  /** The known method, e.g. `iam:CreatePolicyVersion`, `iam:PassRole + lambda:CreateFunction`, `sts:AssumeRole`. */
  readonly method: string;
  /** `allowed`: every step is allowed; `unknown`: some step depends on values the estate cannot tell. */
  readonly decision: 'allowed' | 'unknown';
  /** What is gained: `itself (any permission)`, or the principal taken over. */
  readonly gains: string;
  readonly steps: readonly EscalationStep[];
  /**
   * The role whose trust policy alone grants the first step (`sts:AssumeRole` allowed by the trust, not by the
   * principal's own policies): the path is that role's mistake, shared by every principal the trust lets in, and is
   * reported once on that role rather than on each principal.
   */
  readonly openedBy?: string;
}

/** A principal that escalates through a path a role's trust policy opens. */
export interface OpenedEscalation {
  readonly principal: IamPrincipalInfo;
  readonly path: EscalationPath;
}

export interface WhoCanEntry {
  readonly id: string;
  readonly name: string;
  /** How: the policies that grant, or the chain (`assumes role ops`). */
  readonly via: readonly string[];
  readonly decision: 'allowed' | 'unknown';
}

export interface IamService {
  /** What the engine could not read in the inputs' policies so far (each policy is read when a check first asks). */
  readonly diagnostics: readonly { readonly severity: 'error' | 'warning'; readonly message: string; readonly path: string; readonly at: Provenance }[];
  principals(): readonly IamPrincipalInfo[];
  /** Principals a handle (ARN, name, key) names. */
  findPrincipal(handle: string): readonly IamPrincipalInfo[];
  can(principalKey: string, action: string, resource: string, context?: Readonly<Record<string, string | readonly string[]>>): AccessAnswer;
  whoCan(action: string, resource: string, context?: Readonly<Record<string, string | readonly string[]>>): readonly WhoCanEntry[];
  administrator(principalKey: string): AdminAnswer;
  /** Who outside the account can assume the role, judged by evaluating its trust policy. */
  trustExposure(roleKey: string): ExposureAnswer;
  /** Whether a resource's policy lets outsiders in (S3, KMS, SQS, SNS, Secrets Manager, Lambda); undefined: no policy. */
  resourceExposure(resourceKey: string): ExposureAnswer | undefined;
  escalationPaths(principalKey: string): readonly EscalationPath[];
  /**
   * The document (default version) of an AWS managed policy, by ARN in any partition, from the data Parapet ships;
   * undefined for a policy it does not know. Checks read AWS managed policies through this (they do no I/O).
   */
  awsManagedPolicyDocument(arn: string): JsonValue | undefined;
  /** The escalation paths of every principal whose first step the trust policy of this role alone grants. */
  escalationsOpenedBy(roleKey: string): readonly OpenedEscalation[];
}
