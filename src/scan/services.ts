import type { EstateServices } from '../checks/kit/services.js';
import type { Estate } from '../model/index.js';
import { buildIamService } from './services/iam.js';
import { buildNetworkService } from './services/network.js';
import { buildRbacService } from './services/rbac.js';

/** Builds the shared, memoised engine services checks use. Each engine adds its facade here. */
export function buildServices(estate: Estate): EstateServices {
  return { iam: buildIamService(estate), rbac: buildRbacService(estate), network: buildNetworkService(estate) };
}
