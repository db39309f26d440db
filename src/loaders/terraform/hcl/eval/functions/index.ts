import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import type { Scope } from '../scope.js';
import { containsUnknown, derivedUnknown, errorValue, unknownOf } from '../values.js';
import { COLLECTION_FUNCTIONS } from './collections.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { FILESYSTEM_FUNCTIONS } from './filesystem.js';
import { NETWORK_FUNCTIONS } from './network.js';
import { NUMERIC_FUNCTIONS } from './numeric.js';
import { STRING_FUNCTIONS } from './strings.js';
import type { FunctionDef } from './types.js';

const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({ ...STRING_FUNCTIONS, ...COLLECTION_FUNCTIONS, ...ENCODING_FUNCTIONS, ...NUMERIC_FUNCTIONS, ...NETWORK_FUNCTIONS, ...FILESYSTEM_FUNCTIONS }),
);

/** Functions whose result only exists at apply time (or would need secrets/randomness): honestly unknown. */
const APPLY_TIME = new Map<string, string>([
  ['timestamp', 'the time of apply'],
  ['plantimestamp', 'the time of plan'],
  ['uuid', 'a random UUID'],
  ['uuidv5', 'a UUID'],
  ['bcrypt', 'a salted hash'],
  ['rsadecrypt', 'a decrypted secret'],
  ['timeadd', 'a time computation'],
  ['timecmp', 'a time comparison'],
  ['formatdate', 'a formatted date'],
  ['base64gzip', 'compressed data'],
  ['filebase64sha256', 'a file hash'],
  ['filebase64sha512', 'a file hash'],
  ['filemd5', 'a file hash'],
  ['filesha1', 'a file hash'],
  ['filesha256', 'a file hash'],
  ['filesha512', 'a file hash'],
  ['ephemeralasnull', 'an ephemeral value'],
  ['issensitive', 'sensitivity'],
]);

/** Calls a built-in function: https://developer.hashicorp.com/terraform/language/functions */
export function callFunction(name: string, args: readonly Value[], at: Provenance, scope: Scope): Value {
  const def = FUNCTIONS.get(name);
  if (!def) {
    const what = APPLY_TIME.get(name);
    if (what !== undefined) return unknownOf(`\`${name}()\` gives ${what}, not known before apply`, at);
    scope.host.diag('unsupported-function', 'warning', at, `function \`${name}\` is not evaluated; its result is unknown`);
    return unknownOf(`function \`${name}\` is not evaluated`, at);
  }
  if (args.length < def.min || (def.max !== undefined && args.length > def.max)) {
    return errorValue(`${name}() takes ${def.max === def.min ? def.min : `${def.min}${def.max === undefined ? ' or more' : ` to ${def.max}`}`} arguments, got ${args.length}`, at);
  }
  if (!def.partial && args.some(containsUnknown)) return derivedUnknown(args, at);
  return def.fn(args, at, scope);
}
