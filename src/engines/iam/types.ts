/**
 * Public types of the IAM engine. The engine is a pure library: policies in, decision with its reasons out.
 * It never throws for a bad policy; problems are typed `PolicyIssue` values carrying a JSON position.
 */
import type { Tri } from '../../model/core/tri.js';

/** Which role a policy plays in an authorization decision. */
export type PolicyType =
  | 'identity'
  | 'resource'
  | 'permissionsBoundary'
  | 'session'
  | 'scp'
  | 'rcp'
  | 'vpcEndpoint';

/** The AWS simulator's three outcomes, plus `unknown` when an input the decision depends on is unknown. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'unknown';

/** 1-based line and column in the policy text, as the AWS simulator reports them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: Position;
  /** Exclusive end: the column just after the closing brace. */
  readonly end: Position;
}

/** A statement that took part in a decision. */
export interface StatementRef {
  readonly policyId: string;
  readonly policyType: PolicyType;
  /** 0-based index in the policy's Statement array (0 when Statement is a single object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly span?: Span;
}

export type PolicyIssueCode =
  | 'malformed-json'
  | 'not-an-object'
  | 'too-large'
  | 'unknown-version'
  | 'missing-statement'
  | 'invalid-statement'
  | 'unknown-element'
  | 'invalid-effect'
  | 'missing-action'
  | 'action-and-not-action'
  | 'invalid-action'
  | 'missing-resource'
  | 'resource-and-not-resource'
  | 'invalid-resource'
  | 'principal-not-allowed'
  | 'missing-principal'
  | 'principal-and-not-principal'
  | 'invalid-principal'
  | 'principal-partial-wildcard'
  | 'invalid-condition'
  | 'unknown-operator'
  | 'invalid-condition-value'
  | 'invalid-arn'
  | 'invalid-variable'
  | 'set-operator-on-single-valued-key'
  | 'unknown-leaf';

export interface PolicyIssue {
  readonly code: PolicyIssueCode;
  /** `error`: the statement (or policy) cannot be evaluated and is answered `unknown`; `warning`: evaluated. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly policyId: string;
  /** Statement index when the issue belongs to one statement. */
  readonly statement?: number;
  /** Where in the policy text, when the policy was given as text (or positions were supplied). */
  readonly at?: Position;
  /** JSON path of the offending element, e.g. `Statement[1].Condition.StringEquals`. */
  readonly path: string;
}

/** Types of request context values, named as the AWS simulator's ContextKeyType. */
export type ContextKeyType =
  | 'string' | 'stringList'
  | 'numeric' | 'numericList'
  | 'boolean' | 'booleanList'
  | 'ip' | 'ipList'
  | 'binary' | 'binaryList'
  | 'date' | 'dateList';

/** A value in the request context. `unknown: true` means the caller cannot know it (e.g. an unresolved tag). */
export interface ContextValue {
  readonly values: readonly string[];
  readonly multi: boolean;
  readonly unknown?: boolean;
  readonly type?: ContextKeyType;
}

/** Who makes the request. Role sessions carry both the session ARN and the role ARN. */
export type RequestPrincipal =
  | { readonly kind: 'user'; readonly arn: string; readonly account: string; readonly name: string; readonly canonicalUserId?: string }
  | {
    readonly kind: 'roleSession'; readonly arn: string; readonly roleArn: string; readonly account: string;
    readonly roleName: string; readonly sessionName: string; readonly serviceLinked?: boolean;
  }
  | { readonly kind: 'federatedUser'; readonly arn: string; readonly account: string; readonly userArn?: string }
  | { readonly kind: 'root'; readonly arn: string; readonly account: string; readonly canonicalUserId?: string }
  /** An AWS service principal such as `cloudtrail.amazonaws.com`, acting on its own behalf. */
  | { readonly kind: 'service'; readonly service: string }
  /** A web identity or SAML provider calling `sts:AssumeRoleWith*`. */
  | { readonly kind: 'federated'; readonly provider: string }
  | { readonly kind: 'anonymous' };

/** Per policy type, how that type voted. `notApplicable` when the type played no part. */
export type TypeDecision = Decision | 'notApplicable';

export interface DecisionDetails {
  readonly identity: TypeDecision;
  readonly resource: TypeDecision;
  readonly permissionsBoundary: TypeDecision;
  readonly session: TypeDecision;
  readonly scp: TypeDecision;
  readonly rcp: TypeDecision;
  readonly vpcEndpoint: TypeDecision;
}

/** A rule of a service that decides the request whatever the policies say. */
export interface ServiceRule {
  readonly code:
    | 'get-caller-identity-always-allowed'
    | 'aws-managed-policy-immutable'
    | 'aws-reserved-role-immutable'
    | 'service-linked-role-immutable'
    | 'aws-kms-alias-reserved';
  readonly message: string;
  readonly url: string;
}

export interface AuthorizationResult {
  readonly decision: Decision;
  /** Deny statements for `explicitDeny`; the allow statements that made the grant for `allowed`. */
  readonly matched: readonly StatementRef[];
  /** Statements whose applicability is unknown and that the decision depends on. */
  readonly undetermined: readonly StatementRef[];
  /** Context keys the evaluated statements needed and the request did not carry. */
  readonly missingContextKeys: readonly string[];
  /** Context keys whose value is unknown (estate queries) and that some undetermined statement depends on. */
  readonly unknownContextKeys: readonly string[];
  readonly details: DecisionDetails;
  readonly crossAccount: boolean;
  readonly serviceRule?: ServiceRule;
  /** When the request resource was a set (contained wildcards), the member that decided the answer. */
  readonly witness?: string;
  /** Human reasons for `unknown`. */
  readonly unknownBecause: readonly string[];
}

export type { Tri };
