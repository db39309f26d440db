import type { Provenance } from '../../model/core/index.js';

/**
 * Character offsets → 1-based line and column, for the loaders whose parser gives offsets (jsonc-parser, the plan's
 * offset scanner). Lines end at `\n` (a `\r` before it counts as a column); columns count UTF-16 code units; an end
 * offset is exclusive, so `endColumn` is the column just past the value.
 *
 * The line starts are found once per file; a lookup is a binary search, skipped when the offset lies on the line of
 * the previous lookup or the one after it, since tree walks ask in document order.
 */
export class LineIndex {
  readonly #starts: number[] = [0];
  #last = 0;

  constructor(readonly file: string, text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  /** 0-based index of the line holding a 0-based offset; remembered for the next lookup. */
  #lineOf(offset: number): number {
    const s = this.#starts;
    const l = this.#last;
    if ((s[l] as number) <= offset) {
      if (offset < (s[l + 1] ?? Infinity)) return l;
      if (offset < (s[l + 2] ?? Infinity)) return (this.#last = l + 1);
    }
    return (this.#last = this.#search(offset));
  }

  #search(offset: number): number {
    const s = this.#starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column of a 0-based offset. */
  lineCol(offset: number): { line: number; column: number } {
    const l = this.#lineOf(offset);
    return { line: l + 1, column: offset - (this.#starts[l] as number) + 1 };
  }

  /** The span from `start` to `end` (exclusive) in this file. */
  span(start: number, end: number): Provenance {
    const s = this.#starts;
    const a = this.#lineOf(start);
    // Most values end on the line they start on. The end of one that does not is searched without being remembered:
    // the next lookup is usually the start of its first child, back near `start`.
    const b = end < (s[a + 1] ?? Infinity) ? a : this.#search(end);
    return { file: this.file, line: a + 1, column: start - (s[a] as number) + 1, endLine: b + 1, endColumn: end - (s[b] as number) + 1 };
  }

  /** The span of a parser node given by offset and length (jsonc-parser's `Node`). */
  at(node: { readonly offset: number; readonly length: number }): Provenance {
    return this.span(node.offset, node.offset + Math.max(node.length, 0));
  }
}

/** 1-based line and column of one offset (clamped to the text), without building an index: for a lone position. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let k = text.indexOf('\n'); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: end - start + 1 };
}
