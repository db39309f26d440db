import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';

/**
 * CLI exports as the positioned value tree loaders share: every instance, rule and route points at its line in the
 * export. jsonc-parser gives offsets (JSON.parse does not); the first syntax error becomes a diagnostic.
 */
class Lines {
  private readonly starts: number[] = [0];
  constructor(readonly file: string, text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  lc(offset: number): [number, number] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (this.starts[lo] as number) + 1];
  }

  of(n: Node): Provenance {
    const [line, column] = this.lc(n.offset);
    const [endLine, endColumn] = this.lc(n.offset + n.length);
    return { file: this.file, line, column, endLine, endColumn };
  }
}

export function readJsonTree(file: string, text: string): { value: Value | undefined; diagnostics: LoadDiagnostic[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lines = new Lines(file, text);
  const first = errors[0];
  if (first) {
    const [line, column] = lines.lc(first.offset);
    return { value: undefined, diagnostics: [{ code: 'parse-error', severity: 'error', file, line, column, message: `invalid JSON: ${printParseErrorCode(first.error)}` }] };
  }
  return { value: root ? toValue(root, lines) : undefined, diagnostics: [] };
}

function toValue(n: Node, lines: Lines): Value {
  const at = lines.of(n);
  switch (n.type) {
    case 'object': {
      const fields = new Map<string, Value>();
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k !== undefined && v !== undefined) fields.set(String(k.value), toValue(v, lines));
      }
      return { t: 'object', fields, at };
    }
    case 'array': return { t: 'list', items: (n.children ?? []).map((c) => toValue(c, lines)), at };
    case 'string': return { t: 'string', v: String(n.value), at };
    case 'number': return { t: 'number', v: Number(n.value), at };
    case 'boolean': return { t: 'bool', v: Boolean(n.value), at };
    default: return { t: 'null', at };
  }
}

export function obj(v: Value | undefined): ObjectValue | undefined {
  return v?.t === 'object' ? v : undefined;
}

export function objects(v: Value | undefined): ObjectValue[] {
  return v?.t === 'list' ? v.items.filter((x): x is ObjectValue => x.t === 'object') : [];
}

export function text(v: Value | undefined): string | undefined {
  return v?.t === 'string' ? v.v : undefined;
}
