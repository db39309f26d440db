import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { LoadDiagnostic } from '../../model/core/index.js';
import { MAX_JSON_DEPTH, findTooDeep } from './json-depth.js';
import { LineIndex } from './line-index.js';
import type { Value } from './value.js';

/**
 * A JSON export (AWS CLI, Azure CLI, Azure RBAC exports) as the positioned value tree loaders share, so every entry
 * points at its line in the file. `JSON.parse` gives no offsets, so this reads jsonc-parser's tree. Nesting deeper
 * than `MAX_JSON_DEPTH`, or the first syntax error, becomes a diagnostic and nothing is loaded. Trailing commas are
 * refused; comments only where the caller allows them.
 */
export function readJsonTree(file: string, text: string, options: { readonly comments: boolean }): { value: Value | undefined; diagnostics: LoadDiagnostic[] } {
  const lines = new LineIndex(file, text);
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    const { line, column } = lines.lineCol(deep);
    return { value: undefined, diagnostics: [{ code: 'too-deep', severity: 'error', file, line, column, message: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels` }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: !options.comments });
  const first = errors[0];
  if (first) {
    const { line, column } = lines.lineCol(first.offset);
    return { value: undefined, diagnostics: [{ code: 'parse-error', severity: 'error', file, line, column, message: `invalid JSON: ${printParseErrorCode(first.error)}` }] };
  }
  return { value: root ? toValue(root, lines) : undefined, diagnostics: [] };
}

function toValue(n: Node, lines: LineIndex): Value {
  const at = lines.at(n);
  switch (n.type) {
    case 'object': {
      const fields = new Map<string, Value>();
      for (const prop of n.children ?? []) {
        const pair = prop.children;
        const k = pair?.[0];
        const v = pair?.[1];
        if (k !== undefined && v !== undefined) fields.set(String(k.value), toValue(v, lines));
      }
      return { t: 'object', fields, at };
    }
    case 'array': {
      const children = n.children ?? [];
      const items = new Array<Value>(children.length);
      for (let i = 0; i < children.length; i++) items[i] = toValue(children[i] as Node, lines);
      return { t: 'list', items, at };
    }
    case 'string': return { t: 'string', v: String(n.value), at };
    case 'number': return { t: 'number', v: Number(n.value), at };
    case 'boolean': return { t: 'bool', v: Boolean(n.value), at };
    default: return { t: 'null', at };
  }
}
