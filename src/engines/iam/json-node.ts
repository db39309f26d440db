/**
 * A JSON tree with optional source offsets, built either from policy text (jsonc-parser's `parseTree`, which keeps
 * offsets, used only when we were given text) or from an already-parsed value (no positions).
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsoncNode, ParseError } from 'jsonc-parser';
import type { JsonValue } from '../../model/core/json.js';
import type { Position } from './types.js';

export type JNode =
  | { readonly kind: 'object'; readonly entries: readonly JEntry[]; readonly offset?: number; readonly length?: number }
  | { readonly kind: 'array'; readonly items: readonly JNode[]; readonly offset?: number; readonly length?: number }
  | { readonly kind: 'string'; readonly value: string; readonly offset?: number; readonly length?: number }
  | { readonly kind: 'number'; readonly value: number; readonly offset?: number; readonly length?: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly offset?: number; readonly length?: number }
  | { readonly kind: 'null'; readonly offset?: number; readonly length?: number };

export interface JEntry {
  readonly key: string;
  readonly keyOffset?: number;
  readonly value: JNode;
}

export function fromValue(v: JsonValue): JNode {
  if (v === null) return { kind: 'null' };
  if (Array.isArray(v)) return { kind: 'array', items: v.map(fromValue) };
  switch (typeof v) {
    case 'string': return { kind: 'string', value: v };
    case 'number': return { kind: 'number', value: v };
    case 'boolean': return { kind: 'boolean', value: v };
    default: return { kind: 'object', entries: Object.entries(v).map(([key, value]) => ({ key, value: fromValue(value) })) };
  }
}

export interface TextParse {
  readonly node?: JNode;
  readonly error?: { readonly message: string; readonly offset: number };
}

export function fromText(text: string): TextParse {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined) return { error: { message: printParseErrorCode(first.error), offset: first.offset } };
  if (tree === undefined) return { error: { message: 'empty document', offset: 0 } };
  return { node: convert(tree) };
}

function convert(n: JsoncNode): JNode {
  const at = { offset: n.offset, length: n.length };
  switch (n.type) {
    case 'object': {
      const entries: JEntry[] = [];
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k === undefined || v === undefined) continue;
        entries.push({ key: String(k.value), keyOffset: k.offset, value: convert(v) });
      }
      return { kind: 'object', entries, ...at };
    }
    case 'array': return { kind: 'array', items: (n.children ?? []).map(convert), ...at };
    case 'string': return { kind: 'string', value: String(n.value), ...at };
    case 'number': return { kind: 'number', value: Number(n.value), ...at };
    case 'boolean': return { kind: 'boolean', value: Boolean(n.value), ...at };
    default: return { kind: 'null', ...at };
  }
}

/** Maps offsets to 1-based line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
}

export function toValue(n: JNode): JsonValue {
  switch (n.kind) {
    case 'object': {
      const o: { [k: string]: JsonValue } = {};
      for (const e of n.entries) o[e.key] = toValue(e.value);
      return o;
    }
    case 'array': return n.items.map(toValue);
    case 'null': return null;
    default: return n.value;
  }
}
