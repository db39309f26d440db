import type { EstateServices } from '../checks/kit/services.js';
import type { Estate } from '../model/index.js';

/** Builds the shared, memoised engine services checks use. Each engine adds its facade here. */
export function buildServices(_estate: Estate): EstateServices {
  return {};
}
