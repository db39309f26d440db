import type { Provenance } from '../../../../../model/core/index.js';
import type { Value } from '../../../../common/value.js';
import { errorValue, num } from '../values.js';
import { numberArg, stringArg } from './args.js';
import type { FunctionTable } from './types.js';

// https://developer.hashicorp.com/terraform/language/functions (numeric functions)

const n1 = (fn: string, f: (x: number) => number) => ({
  min: 1,
  max: 1,
  fn: (args: readonly Value[], at: Provenance): Value => {
    const a = numberArg(args, 0, fn, at);
    return a.ok ? num(f(a.v), at) : a.err;
  },
});

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

export const NUMERIC_FUNCTIONS: FunctionTable = {
  abs: n1('abs', Math.abs),
  ceil: n1('ceil', Math.ceil),
  floor: n1('floor', Math.floor),
  signum: n1('signum', Math.sign),
  log: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const x = numberArg(args, 0, 'log', at);
      const b = numberArg(args, 1, 'log', at);
      if (!x.ok) return x.err;
      if (!b.ok) return b.err;
      return num(Math.log(x.v) / Math.log(b.v), at);
    },
  },
  pow: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const x = numberArg(args, 0, 'pow', at);
      const y = numberArg(args, 1, 'pow', at);
      if (!x.ok) return x.err;
      if (!y.ok) return y.err;
      return num(x.v ** y.v, at);
    },
  },
  parseint: {
    min: 2,
    max: 2,
    fn: (args, at) => {
      const s = stringArg(args, 0, 'parseint', at);
      const b = numberArg(args, 1, 'parseint', at);
      if (!s.ok) return s.err;
      if (!b.ok) return b.err;
      if (!Number.isInteger(b.v) || b.v < 2 || b.v > 62) return errorValue('parseint(): the base must be between 2 and 62', at);
      let text = s.v;
      let sign = 1;
      if (text.startsWith('-')) {
        sign = -1;
        text = text.slice(1);
      } else if (text.startsWith('+')) text = text.slice(1);
      if (text === '') return errorValue(`parseint(): cannot parse \`${s.v}\``, at);
      let n = 0;
      for (const ch of text) {
        const d = b.v <= 36 ? DIGITS.indexOf(ch.toLowerCase()) : (DIGITS + DIGITS.slice(10).toUpperCase()).indexOf(ch);
        if (d < 0 || d >= b.v) return errorValue(`parseint(): cannot parse \`${s.v}\` in base ${b.v}`, at);
        n = n * b.v + d;
      }
      return num(sign * n, at);
    },
  },
};
