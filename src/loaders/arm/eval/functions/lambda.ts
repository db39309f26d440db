import type { Value } from '../../../common/value.js';
import { list, num, obj, unknownValue } from '../../../common/value.js';
import type { Expr } from '../../expr/ast.js';
import type { CallCtx, FnTable, Frame } from '../scope.js';
import { isTruthyBool } from '../values.js';
import { text } from './util.js';

/**
 * Lambda functions: `map(items, lambda('x', ...))` and friends, with `lambdaVariables('x')` inside the body.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
 */

interface Lambda {
  readonly params: readonly string[];
  readonly body: Expr;
}

function lambdaOf(c: CallCtx, e: Expr | undefined, arity: number): Lambda | Value {
  if (e?.k !== 'call' || e.name.toLowerCase() !== 'lambda') return c.error(`\`${c.name}\` expects a lambda(...) argument`);
  const params = e.args.slice(0, -1).map((a) => (a.k === 'str' ? a.v : undefined));
  const body = e.args[e.args.length - 1];
  if (!body || params.some((p) => p === undefined) || params.length < 1 || params.length > arity) {
    return c.error(`\`${c.name}\` expects lambda('name', ..., body) with at most ${arity} variable(s)`);
  }
  return { params: params as string[], body };
}

function isLambda(x: Lambda | Value): x is Lambda {
  return 'body' in x;
}

function apply(c: CallCtx, fn: Lambda, args: readonly Value[]): Value {
  const depth = (c.frame.callDepth ?? 0) + 1;
  if (depth > 32) return c.error('lambdas nested too deeply', 'too-deep');
  const vars = new Map(c.frame.lambda ?? []);
  fn.params.forEach((p, i) => vars.set(p.toLowerCase(), args[i] as Value));
  const frame: Frame = { ...c.frame, lambda: vars, callDepth: depth };
  return c.evaluate(fn.body, frame);
}

function arrayArg(c: CallCtx, e: Expr | undefined): Extract<Value, { t: 'list' }> | Value {
  const v = c.evaluate(e!);
  if (v.t === 'unknown') return unknownValue(v.why, c.at, v.refs);
  if (v.t !== 'list') return c.error(`\`${c.name}\` expects an array`);
  return v;
}

export const LAMBDA_FUNCTIONS: FnTable = {
  lambda: { min: 1, lazy: true, run: (c) => c.error('lambda() can only be an argument of map, filter, reduce, sort, toObject, groupBy or mapValues') },
  lambdavariables: {
    min: 1, max: 1,
    run(c, [name]) {
      const v = name?.t === 'string' ? c.frame.lambda?.get(name.v.toLowerCase()) : undefined;
      return v ?? c.error(`no lambda variable \`${name?.t === 'string' ? name.v : '?'}\``, 'unresolved-reference');
    },
  },
  map: {
    min: 2, max: 2, lazy: true,
    run(c, _a, [arr, fn]) {
      const items = arrayArg(c, arr);
      const f = lambdaOf(c, fn, 2);
      if (items.t !== 'list') return items;
      if (!isLambda(f)) return f;
      return list(items.items.map((x, i) => apply(c, f, [x, num(i, c.at)])), c.at);
    },
  },
  filter: {
    min: 2, max: 2, lazy: true,
    run(c, _a, [arr, fn]) {
      const items = arrayArg(c, arr);
      const f = lambdaOf(c, fn, 2);
      if (items.t !== 'list') return items;
      if (!isLambda(f)) return f;
      const out: Value[] = [];
      for (const [i, x] of items.items.entries()) {
        const keep = isTruthyBool(apply(c, f, [x, num(i, c.at)]));
        if (keep === 'unknown') return unknownValue('`filter` condition depends on an unknown value', c.at);
        if (keep === true) out.push(x);
      }
      return list(out, c.at);
    },
  },
  reduce: {
    min: 3, max: 3, lazy: true,
    run(c, _a, [arr, init, fn]) {
      const items = arrayArg(c, arr);
      const f = lambdaOf(c, fn, 3);
      if (items.t !== 'list') return items;
      if (!isLambda(f)) return f;
      let acc = c.evaluate(init!);
      for (const [i, x] of items.items.entries()) acc = apply(c, f, [acc, x, num(i, c.at)]);
      return acc;
    },
  },
  sort: {
    min: 2, max: 2, lazy: true,
    run(c, _a, [arr, fn]) {
      const items = arrayArg(c, arr);
      const f = lambdaOf(c, fn, 2);
      if (items.t !== 'list') return items;
      if (!isLambda(f)) return f;
      if (items.items.length > 2000) return c.error('`sort` of more than 2000 elements', 'invalid-value');
      let unknown = false;
      const sorted = [...items.items].sort((a, b) => {
        const less = isTruthyBool(apply(c, f, [a, b]));
        if (less === true) return -1;
        if (less === 'unknown') unknown = true;
        const greater = isTruthyBool(apply(c, f, [b, a]));
        return greater === true ? 1 : 0;
      });
      return unknown ? unknownValue('`sort` order depends on an unknown value', c.at) : list(sorted, c.at);
    },
  },
  toobject: {
    min: 2, max: 3, lazy: true,
    run(c, _a, [arr, keyFn, valueFn]) {
      const items = arrayArg(c, arr);
      const kf = lambdaOf(c, keyFn, 1);
      const vf = valueFn ? lambdaOf(c, valueFn, 1) : undefined;
      if (items.t !== 'list') return items;
      if (!isLambda(kf)) return kf;
      if (vf && !isLambda(vf)) return vf;
      const m = new Map<string, Value>();
      for (const x of items.items) {
        const k = apply(c, kf, [x]);
        if (k.t === 'unknown') return unknownValue(k.why, c.at, k.refs);
        const ks = text(k);
        if (ks === undefined) return c.error('`toObject` keys must be strings');
        m.set(ks, vf ? apply(c, vf, [x]) : x);
      }
      return obj(m, c.at);
    },
  },
  groupby: {
    min: 2, max: 2, lazy: true,
    run(c, _a, [arr, keyFn]) {
      const items = arrayArg(c, arr);
      const kf = lambdaOf(c, keyFn, 1);
      if (items.t !== 'list') return items;
      if (!isLambda(kf)) return kf;
      const groups = new Map<string, Value[]>();
      for (const x of items.items) {
        const k = apply(c, kf, [x]);
        if (k.t === 'unknown') return unknownValue(k.why, c.at, k.refs);
        const ks = text(k);
        if (ks === undefined) return c.error('`groupBy` keys must be strings');
        groups.set(ks, [...(groups.get(ks) ?? []), x]);
      }
      return obj(new Map([...groups].map(([k, vs]) => [k, list(vs, c.at)])), c.at);
    },
  },
  mapvalues: {
    min: 2, max: 2, lazy: true,
    run(c, _a, [o, fn]) {
      const v = c.evaluate(o!);
      const f = lambdaOf(c, fn, 1);
      if (v.t === 'unknown') return unknownValue(v.why, c.at, v.refs);
      if (v.t !== 'object') return c.error('`mapValues` expects an object');
      if (!isLambda(f)) return f;
      return obj(new Map([...v.fields].map(([k, x]) => [k, apply(c, f, [x])])), c.at);
    },
  },
};
