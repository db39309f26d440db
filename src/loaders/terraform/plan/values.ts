import type { Provenance } from '../../../model/core/index.js';
import type { ObjectValue, Value } from '../../common/value.js';
import { groupReferences } from './address.js';
import type { ModuleStep } from './address.js';
import type { RefResolver, SelfInstance } from './config.js';
import { isExpression } from './config.js';
import type { LineIndex } from '../../common/line-index.js';
import type { JsonNode } from './json-scan.js';
import type { JsonObject } from './json.js';
import { isObject, strings } from './json.js';

/**
 * Builds a resource's positioned `Value` tree from its planned values, marking the leaves `after_unknown` flags as
 * unknown ("known after apply") with the resources their configuration expression references.
 *
 * Where the configuration describes a block, an attribute that is wholly unknown and not written in it is marked
 * `unset`: the provider computes it (`id`, `arn`, `public_ip`, the legacy `aws_s3_bucket.versioning`,
 * `aws_security_group.egress`). Adapters read such an argument as "not set", exactly as in Terraform source, so the
 * documented default applies; an output (an address) stays unknown.
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */

/** What the configuration says about the value being built. */
type ExprCtx =
  /** An object written as a block: the block expressions it may come from (several when blocks cannot be told apart). */
  | { readonly t: 'block'; readonly blocks: readonly JsonObject[] }
  /** A list of blocks. */
  | { readonly t: 'blocks'; readonly blocks: readonly JsonObject[] }
  /** Inside an attribute's expression: one entry per reference written, each resolved to instance keys. */
  | { readonly t: 'expr'; readonly slots: readonly (readonly string[])[]; readonly text: readonly string[] }
  | { readonly t: 'none' };

const NONE: ExprCtx = { t: 'none' };
const EMPTY: JsonObject = {};

/** Beyond this depth a plan value is not expanded (no provider schema nests this deep). */
const MAX_VALUE_DEPTH = 64;

export interface BuildEnv {
  readonly lines: LineIndex;
  readonly resolver: RefResolver;
  readonly mods: readonly ModuleStep[];
  readonly self?: SelfInstance;
  /** Set when a value was cut at the depth limit. */
  tooDeep: boolean;
}

export function buildResourceValues(
  env: BuildEnv,
  json: unknown,
  node: JsonNode | undefined,
  afterUnknown: unknown,
  expressions: JsonObject | undefined,
  fallback: Provenance,
): ObjectValue {
  const ctx: ExprCtx = expressions ? { t: 'block', blocks: [expressions] } : NONE;
  const v = build(env, isObject(json) ? json : {}, node, afterUnknown, ctx, fallback, 0);
  return v.t === 'object' ? v : { t: 'object', fields: new Map(), at: fallback };
}

function build(env: BuildEnv, json: unknown, node: JsonNode | undefined, unk: unknown, ctx: ExprCtx, fallback: Provenance, depth: number): Value {
  const at = node ? env.lines.span(node.start, node.end) : fallback;
  if (unk === true) return unknownLeaf(ctx, at);
  if (depth > MAX_VALUE_DEPTH) {
    env.tooDeep = true;
    return { t: 'unknown', why: 'nested too deeply to read', refs: [], at };
  }
  if (json === null || json === undefined) return { t: 'null', at };
  switch (typeof json) {
    case 'string': return { t: 'string', v: json, at };
    case 'number': return { t: 'number', v: json, at };
    case 'boolean': return { t: 'bool', v: json, at };
    default: break;
  }
  if (Array.isArray(json)) {
    const unks = Array.isArray(unk) ? unk : [];
    const itemCtx = listItemContexts(ctx, json, unks);
    const items = json.map((x, i) => build(env, x, node?.items?.[i], unks[i], itemCtx(i, x), at, depth + 1));
    return { t: 'list', items, at };
  }
  if (!isObject(json)) return { t: 'null', at };
  const unkObj = isObject(unk) ? unk : EMPTY;
  const fields = new Map<string, Value>();
  const props = node?.props;
  for (const k in json) {
    const x = json[k];
    const u = unkObj[k];
    // A known scalar needs no configuration context (the common case).
    const fctx = u === undefined && (x === null || typeof x !== 'object') ? NONE : fieldContext(env, ctx, k);
    fields.set(k, build(env, x, props?.get(k), u, fctx, at, depth + 1));
  }
  for (const k in unkObj) {
    const u = unkObj[k];
    if (u !== true || fields.has(k)) continue;
    if (ctx.t === 'block' && ctx.blocks.length > 0 && !ctx.blocks.some((b) => k in b)) {
      fields.set(k, { t: 'unknown', why: 'computed by the provider at apply (not set in the configuration)', refs: [], at, unset: true });
      continue;
    }
    fields.set(k, unknownLeaf(fieldContext(env, ctx, k), at));
  }
  return { t: 'object', fields, at };
}

function unknownLeaf(ctx: ExprCtx, at: Provenance): Value {
  if (ctx.t !== 'expr') return { t: 'unknown', why: 'known after apply', refs: [], at };
  const refs = [...new Set(ctx.slots.flat())];
  const shown = ctx.text.slice(0, 3).map((r) => `\`${r}\``).join(', ');
  const why = ctx.text.length > 0 ? `known after apply (from ${shown}${ctx.text.length > 3 ? ', …' : ''})` : 'known after apply';
  return { t: 'unknown', why, refs, at };
}

function fieldContext(env: BuildEnv, ctx: ExprCtx, key: string): ExprCtx {
  switch (ctx.t) {
    case 'block': {
      const exprs: JsonObject[] = [];
      const lists: JsonObject[] = [];
      const singles: JsonObject[] = [];
      for (const b of ctx.blocks) {
        const e = b[key];
        if (Array.isArray(e)) lists.push(...e.filter(isObject));
        else if (isExpression(e)) exprs.push(e);
        else if (isObject(e)) singles.push(e);
      }
      if (exprs.length > 0) return exprContext(env, exprs);
      if (lists.length > 0) return { t: 'blocks', blocks: lists };
      if (singles.length > 0) return { t: 'block', blocks: singles };
      return ctx.blocks.length > 0 ? { t: 'block', blocks: [] } : NONE;
    }
    case 'expr':
      // A map or object value inside one attribute: its members cannot be told apart by position.
      return ctx.slots.length > 1 ? { t: 'expr', slots: [ctx.slots.flat()], text: ctx.text } : ctx;
    default:
      return NONE;
  }
}

const CONSTANT: ExprCtx = { t: 'expr', slots: [], text: [] };

function exprContext(env: BuildEnv, exprs: readonly JsonObject[]): ExprCtx {
  // Most arguments are constants: nothing to resolve.
  if (exprs.length === 1 && !Array.isArray((exprs[0] as JsonObject)['references'])) return CONSTANT;
  const resolved = exprs.map((e) => env.resolver.resolveGroups(groupReferences(strings(e['references'])), env.mods, env.self));
  if (resolved.length === 1) {
    const groups = resolved[0] ?? [];
    return { t: 'expr', slots: groups.map((g) => g.keys), text: groups.map((g) => g.ref) };
  }
  // The same attribute in several candidate blocks: every reference is possible, none by position.
  const all = resolved.flat();
  return { t: 'expr', slots: [all.flatMap((g) => g.keys)], text: all.map((g) => g.ref) };
}

function listItemContexts(ctx: ExprCtx, items: readonly unknown[], unks: readonly unknown[]): (i: number, item: unknown) => ExprCtx {
  if (ctx.t === 'blocks') return (_i, item) => ({ t: 'block', blocks: matchBlocks(item, ctx.blocks) });
  if (ctx.t !== 'expr') return () => NONE;
  const { slots, text } = ctx;
  // `[aws_security_group.a.id, aws_security_group.b.id]`: one written reference per element, in order.
  if (slots.length === items.length) return (i) => ({ t: 'expr', slots: [slots[i] ?? []], text: text[i] === undefined ? [] : [text[i] as string] });
  // `["sg-0123", aws_security_group.b.id]`: the references fill the unknown elements, in order.
  const unknownAt: number[] = [];
  unks.forEach((u, i) => { if (u === true) unknownAt.push(i); });
  if (slots.length === unknownAt.length) {
    return (i) => {
      const j = unknownAt.indexOf(i);
      return j < 0 ? NONE : { t: 'expr', slots: [slots[j] ?? []], text: text[j] === undefined ? [] : [text[j] as string] };
    };
  }
  const all = { t: 'expr', slots: [slots.flat()], text } as const;
  return () => all;
}

/**
 * Which written blocks a planned block comes from. Sets are reordered by Terraform, so blocks are matched by their
 * constant arguments (`from_port = 22`), and when that does not single one out every candidate stays possible.
 */
function matchBlocks(item: unknown, blocks: readonly JsonObject[]): JsonObject[] {
  if (blocks.length <= 1 || !isObject(item)) return [...blocks];
  const matches = blocks.filter((b) => {
    for (const [k, e] of Object.entries(b)) {
      if (!isExpression(e) || !('constant_value' in e)) continue;
      const c = e['constant_value'];
      if (c === null || typeof c === 'object') continue;
      const v = item[k];
      if (v === undefined || v === null || typeof v === 'object') continue;
      if (String(v) !== String(c)) return false;
    }
    return true;
  });
  return matches.length > 0 ? matches : [...blocks];
}

/** Dotted paths of the leaves marked sensitive (`after_sensitive` / `sensitive_values`). */
export function sensitivePaths(marks: unknown, prefix = '', out: string[] = [], depth = 0): string[] {
  if (depth > MAX_VALUE_DEPTH) return out;
  if (marks === true) {
    out.push(prefix);
  } else if (Array.isArray(marks)) {
    marks.forEach((m, i) => sensitivePaths(m, prefix ? `${prefix}.${i}` : String(i), out, depth + 1));
  } else if (isObject(marks)) {
    for (const [k, m] of Object.entries(marks)) sensitivePaths(m, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  }
  return out;
}
