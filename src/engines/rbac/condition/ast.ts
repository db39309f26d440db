import type { ActionPattern } from '../wildcard.js';

/**
 * The Azure ABAC condition language (conditionVersion 2.0), as documented in
 * https://learn.microsoft.com/en-us/azure/role-based-access-control/conditions-format
 */
export type AttributeSource = 'request' | 'resource' | 'principal' | 'environment';

export interface AttributeRef {
  readonly source: AttributeSource;
  /** As written, e.g. `Microsoft.Storage/storageAccounts/blobServices/containers:name`. */
  readonly name: string;
}

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** An unquoted word: a GUID (`b24988ac-…` or 32 hex digits) or a date-time. */
  | { readonly kind: 'bare'; readonly value: string };

export type Operand =
  | { readonly k: 'attr'; readonly ref: AttributeRef }
  | { readonly k: 'lit'; readonly values: readonly Literal[]; readonly set: boolean };

export type Family = 'string' | 'numeric' | 'datetime' | 'guid' | 'bool';
export type BaseFn = 'equals' | 'startsWith' | 'like' | 'gt' | 'ge' | 'lt' | 'le';
export type Quantifier = 'single' | 'anyOfAny' | 'allOfAny' | 'anyOfAll' | 'allOfAll';

export interface Operator {
  /** As written, for messages. */
  readonly text: string;
  readonly quantifier: Quantifier;
  readonly family: Family;
  readonly fn: BaseFn;
  readonly negate: boolean;
  readonly ignoreCase: boolean;
}

export type ConditionNode =
  | { readonly k: 'and'; readonly items: readonly ConditionNode[] }
  | { readonly k: 'or'; readonly items: readonly ConditionNode[] }
  | { readonly k: 'not'; readonly item: ConditionNode }
  | { readonly k: 'actionMatches'; readonly patterns: readonly ActionPattern[] }
  | { readonly k: 'subOperationMatches'; readonly values: readonly string[] }
  | { readonly k: 'exists'; readonly ref: AttributeRef }
  | { readonly k: 'compare'; readonly left: Operand; readonly op: Operator; readonly right: Operand };

export type ParseResult =
  | { readonly ok: true; readonly node: ConditionNode }
  | { readonly ok: false; readonly error: string; readonly offset: number };
