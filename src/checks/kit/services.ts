/**
 * Shared, memoised questions checks may ask about the estate, built once per scan by src/scan/. Each engine adds one
 * field here with its interface from ./services/<engine>.ts. Fields are optional so a check can say "unknown" when a
 * service is not available for the inputs at hand.
 */
import type { IamService } from './services/iam.js';
import type { NetworkService } from './services/network.js';
import type { RbacService } from './services/rbac.js';

export interface EstateServices {
  /** AWS IAM: who can do what, administrators, exposure of trust and resource policies, escalation paths. */
  readonly iam?: IamService;
  /** Azure RBAC and PIM: effective access across scopes, groups, deny assignments and conditions; privilege. */
  readonly rbac?: RbacService;
  /** Network reachability: what the internet reaches, through which rules, and what blocks it; rule analyses. */
  readonly network?: NetworkService;
}
