import { asciiLower } from '../text.js';
import type { BaseFn, Family, Operator, Quantifier } from './ast.js';

interface FnSpec {
  readonly family: Family;
  readonly fn: BaseFn;
  readonly negate: boolean;
  readonly ignoreCase: boolean;
}

// Every comparison function the conditions-format page lists; names compare case-insensitively because real
// conditions (even built-in ones) write `boolequals`.
const FUNCTIONS = new Map<string, FnSpec>();

function add(name: string, family: Family, fn: BaseFn, negate: boolean, ignoreCase = false): void {
  FUNCTIONS.set(asciiLower(name), { family, fn, negate, ignoreCase });
}

for (const ic of [false, true]) {
  const sfx = ic ? 'IgnoreCase' : '';
  add(`StringEquals${sfx}`, 'string', 'equals', false, ic);
  add(`StringNotEquals${sfx}`, 'string', 'equals', true, ic);
  add(`StringStartsWith${sfx}`, 'string', 'startsWith', false, ic);
  add(`StringNotStartsWith${sfx}`, 'string', 'startsWith', true, ic);
  add(`StringLike${sfx}`, 'string', 'like', false, ic);
  add(`StringNotLike${sfx}`, 'string', 'like', true, ic);
}
for (const [family, prefix] of [['numeric', 'Numeric'], ['datetime', 'DateTime']] as const) {
  add(`${prefix}Equals`, family, 'equals', false);
  add(`${prefix}NotEquals`, family, 'equals', true);
  add(`${prefix}GreaterThan`, family, 'gt', false);
  add(`${prefix}GreaterThanEquals`, family, 'ge', false);
  add(`${prefix}LessThan`, family, 'lt', false);
  add(`${prefix}LessThanEquals`, family, 'le', false);
}
add('GuidEquals', 'guid', 'equals', false, true);
add('GuidNotEquals', 'guid', 'equals', true, true);
add('BoolEquals', 'bool', 'equals', false);
add('BoolNotEquals', 'bool', 'equals', true);

const QUANTIFIERS = new Map<string, Quantifier>([
  ['foranyofanyvalues', 'anyOfAny'],
  ['forallofanyvalues', 'allOfAny'],
  ['foranyofallvalues', 'anyOfAll'],
  ['forallofallvalues', 'allOfAll'],
]);

/** `StringEquals`, `ForAnyOfAnyValues:GuidEquals`… → the operator, or undefined when the word is not one. */
export function lookupOperator(word: string): Operator | undefined {
  const lower = asciiLower(word);
  const colon = lower.indexOf(':');
  let quantifier: Quantifier = 'single';
  let fnName = lower;
  if (colon >= 0) {
    const q = QUANTIFIERS.get(lower.slice(0, colon));
    if (q === undefined) return undefined;
    quantifier = q;
    fnName = lower.slice(colon + 1);
  }
  const spec = FUNCTIONS.get(fnName);
  if (spec === undefined) return undefined;
  return { text: word, quantifier, ...spec };
}
