export * from './types.js';
export { RbacEngine, compileRbac } from './engine.js';
export type {
  AccessGrant, AccessResult, AccessRole, AccessScope, CompileOptions, CompiledAssignment, CompiledDeny, CompiledEligibility,
  PrincipalResolution, WhoCanPrincipal, WhoCanRequest, WhoCanResult,
} from './engine.js';
export type { CompiledRole, CompiledBlock } from './roles.js';
export { buildCatalogue, isCatalogueError, loadCatalogue, packageRoot, toPermission } from './catalogue.js';
export type { CatalogueError, OperationCatalogue, Plane, RbacCatalogue } from './catalogue.js';
export { parseScope, isScopeError, managementGroupKey, subscriptionKey, ROOT_SCOPE } from './scope.js';
export type { ParsedScope, ScopeKind } from './scope.js';
export { durationHours, parseInstant, summarisePolicy, summariseSettings } from './pim.js';
export type { PimPolicySummary } from './pim.js';
export { parseCondition } from './condition/parse.js';
export { evaluateCondition } from './condition/evaluate.js';
export { EVERYONE } from './principals.js';
export { trailingGuid, asciiLower } from './text.js';
export { compilePattern, matchLower } from './wildcard.js';
