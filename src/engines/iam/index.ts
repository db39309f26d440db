/**
 * The AWS IAM engine: parse and compile policies once, then decide requests in microseconds, with the statements
 * that decided and the context keys that were missing. See docs/iam.md.
 */
export type * from './types.js';
export { compilePolicy, MAX_POLICY_CHARS } from './policy.js';
export type { CompiledPolicy, CompiledStatement, CompileOptions } from './policy.js';
export { authorize } from './authorize.js';
export { mayAllow, readsRequestContext } from './may-allow.js';
export { globFromText, intersectionWitness } from './wildcard.js';
export type { AuthorizationRequest, AuthorizeOptions, OrganizationFacts, PolicySet, ResourcePolicyKind } from './authorize.js';
export { RequestContext, principalContext, resourceContext } from './context.js';
export type { ContextInput, ContextInputValue, ContextOptions } from './context.js';
export { defaultCatalog, IamDataCatalog } from './catalog.js';
export type { CatalogAction, IamCatalog } from './catalog.js';
export { principalFromArn, roleSession } from './principals.js';
export { awsManagedPolicyDocument, isAwsManagedPolicyArn } from './managed-policies.js';
export { parseArn, arnAccount, isAccountId, accountRootArn } from './arn.js';
export { OPERATOR_NAMES, parseOperator } from './conditions.js';
export { simulateCustomPolicy, simulateBatch } from './simulate.js';
export type { SimulateInput, SimulateResponse, SimulateOutcome, SimulateError } from './simulate.js';
export { explainResult } from './explain.js';
