import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { LoadDiagnostic, Provenance } from '../../model/core/index.js';
import type { ObjectValue, Value } from '../common/value.js';

/** Line starts of a text, for offset → line/column (1-based). */
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

/**
 * Parses an export into the positioned value tree loaders share, so every role, assignment and rule points at its
 * line in the file. jsonc-parser keeps going after an error; the first error becomes a diagnostic.
 */
export function readJson(file: string, text: string): { value: Value | undefined; diagnostics: LoadDiagnostic[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  const lines = new Lines(file, text);
  const diagnostics: LoadDiagnostic[] = [];
  const first = errors[0];
  if (first) {
    const [line, column] = lines.lc(first.offset);
    diagnostics.push({ code: 'parse-error', severity: 'error', file, line, column, message: `invalid JSON: ${printParseErrorCode(first.error)}` });
    return { value: undefined, diagnostics };
  }
  return { value: root ? toValue(root, lines) : undefined, diagnostics };
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

/**
 * A field of an export entry, whichever shape wrote it: the CLI's flattened form (`scope`), the REST form
 * (`properties.scope`) or PowerShell's PascalCase (`Scope`). Names are tried in order, first on the entry, then on
 * its `properties`.
 */
export function pick(o: ObjectValue | undefined, ...names: string[]): Value | undefined {
  if (!o) return undefined;
  const props = o.fields.get('properties');
  for (const holder of [o, props?.t === 'object' ? props : undefined]) {
    if (!holder) continue;
    for (const n of names) {
      const v = holder.fields.get(n) ?? holder.fields.get(n.charAt(0).toUpperCase() + n.slice(1));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

export function asObject(v: Value | undefined): ObjectValue | undefined {
  return v?.t === 'object' ? v : undefined;
}

export function text(v: Value | undefined): string | undefined {
  return v?.t === 'string' ? v.v : undefined;
}

/** The entries of a list output: a bare array, or the REST envelope `{ value: [...] }`. */
export function entries(root: Value | undefined): readonly Value[] | undefined {
  if (root?.t === 'list') return root.items;
  if (root?.t === 'object') {
    const v = root.fields.get('value');
    if (v?.t === 'list') return v.items;
  }
  return undefined;
}
