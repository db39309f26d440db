import type { FnTable } from '../scope.js';
import { CIDR_FUNCTIONS } from './cidr.js';
import { COLLECTION_FUNCTIONS } from './collections.js';
import { DEPLOYMENT_FUNCTIONS } from './deployment.js';
import { LAMBDA_FUNCTIONS } from './lambda.js';
import { STRING_FUNCTIONS } from './string.js';

/** Every built-in template function, by lowercased name (ARM function names are case-insensitive). */
export const BUILTIN_FUNCTIONS: FnTable = {
  ...COLLECTION_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...CIDR_FUNCTIONS,
  ...LAMBDA_FUNCTIONS,
  ...DEPLOYMENT_FUNCTIONS,
};
