import type { AnyCheck } from '../../kit/types.js';
import allowNotAction from './iam-allow-not-action.js';
import allowNotResource from './iam-allow-not-resource.js';
import { IAM_ENGINE_CHECKS } from './engine-checks.js';
import fullAdmin from './iam-full-admin.js';
import passRoleAll from './iam-pass-role-all.js';
import serviceWildcard from './iam-service-wildcard.js';
import trustAnyPrincipal from './iam-trust-any-principal.js';
import userAdmin from './iam-user-admin.js';
import userGroupsOnly from './iam-user-groups-only.js';

export const IAM_CHECKS: readonly AnyCheck[] = [
  fullAdmin, serviceWildcard, trustAnyPrincipal, allowNotAction, allowNotResource, userAdmin, passRoleAll, userGroupsOnly,
  ...IAM_ENGINE_CHECKS,
];
