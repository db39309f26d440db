import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { MAX_JSON_DEPTH, findTooDeep } from '../common/json-depth.js';

/**
 * JSON with positions for ARM templates. ARM accepts comments (`//`, `/* *\/`) in templates, which `jsonc-parser`
 * handles; every node keeps its offset so values and diagnostics point at 1-based line/column.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax#comments-and-metadata
 */

// Re-exported: the evaluator (eval/state.ts) and its tests import the line index from here.
export { LineIndex } from '../common/line-index.js';

export type JsonParse =
  | { readonly ok: true; readonly root: Node }
  | { readonly ok: false; readonly code: 'parse-error' | 'too-deep'; readonly offset: number; readonly message: string };

/**
 * Parses a template. Nesting is measured first (outside strings and comments) so hostile input cannot exhaust the
 * stack; the first syntax error is reported with its offset and nothing is loaded from a file that does not parse.
 */
export function parseJson(text: string): JsonParse {
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    return { ok: false, code: 'too-deep', offset: deep, message: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels` };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    return { ok: false, code: 'parse-error', offset: first.offset, message: `invalid JSON: ${describe(printParseErrorCode(first.error))}` };
  }
  if (!root) return { ok: false, code: 'parse-error', offset: 0, message: 'invalid JSON: the file is empty' };
  return { ok: true, root };
}

function describe(code: string): string {
  // `InvalidSymbol` → `invalid symbol`: the parser's codes, in words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Children of an object node as [key, value-node] pairs, the last duplicate winning. */
export function entries(node: Node | undefined): [string, Node, Node][] {
  if (node?.type !== 'object') return [];
  const out: [string, Node, Node][] = [];
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k?.type === 'string' && v !== undefined) out.push([String(k.value), k, v]);
  }
  return out;
}

/** A property of an object node, matched case-insensitively as ARM does (the last duplicate wins). */
export function prop(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  let found: Node | undefined;
  const lower = name.toLowerCase();
  for (const p of node.children) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (k?.type === 'string' && v !== undefined && typeof k.value === 'string' && (k.value === name || k.value.toLowerCase() === lower)) found = v;
  }
  return found;
}

/**
 * A shallow plain view of a template for content detection: top-level scalars, and `type`/`apiVersion` of each
 * resource. Converting the whole tree would cost as much as parsing it again.
 */
export function detectionView(root: Node): unknown {
  if (root.type !== 'object') return root.type === 'array' ? [] : null;
  const out: Record<string, unknown> = {};
  for (const [k, , v] of entries(root)) {
    if (v.type === 'string' || v.type === 'number' || v.type === 'boolean') out[k] = v.value;
    else if (k === 'resources' && v.type === 'array') out[k] = (v.children ?? []).map(resourceView);
    else if (k === 'resources' && v.type === 'object') out[k] = Object.fromEntries(entries(v).map(([n, , r]) => [n, resourceView(r)]));
    else out[k] = v.type === 'array' ? [] : v.type === 'object' ? {} : null;
  }
  return out;
}

function resourceView(r: Node): unknown {
  if (r.type !== 'object') return null;
  const view: Record<string, unknown> = {};
  for (const key of ['type', 'apiVersion', 'name']) {
    const v = prop(r, key);
    if (v?.type === 'string') view[key] = v.value;
  }
  return view;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Offset inside the file of character `index` of a string node's decoded value, when the raw text has no escapes
 * (so the mapping is exact); otherwise the string's own offset.
 */
export function offsetInString(text: string, node: Node, index: number): number {
  const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
  return raw.length === String(node.value).length ? node.offset + 1 + index : node.offset;
}
