import type { Attr, Provenance } from '../../model/core/index.js';
import type { Estate } from '../../model/index.js';
import type { EstateServices } from './services.js';
import type { CheckContext, Outcome } from './types.js';

const PASS: Outcome = { status: 'pass' };
const NA: Outcome = { status: 'notApplicable' };

function where(w: Attr<unknown> | Provenance): Provenance {
  return 'known' in w ? w.at : w;
}

export function createContext(estate: Estate, services: EstateServices): CheckContext {
  return {
    estate,
    services,
    pass: () => PASS,
    notApplicable: () => NA,
    fail: (w, message, extra) => ({ status: 'fail', at: where(w), message, ...extra }),
    unknown: (w, message) => ({
      status: 'unknown',
      at: where(w),
      message: 'known' in w && !w.known ? `${message} (${w.why})` : message,
    }),
  };
}
