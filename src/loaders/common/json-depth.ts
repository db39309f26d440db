/**
 * Deeper JSON nesting than this is refused before parsing: jsonc-parser and the tree conversions recurse, so hostile
 * input could exhaust the stack (a thrown RangeError instead of a diagnostic), and no real template or export comes
 * close.
 */
export const MAX_JSON_DEPTH = 128;

/**
 * Offset of the first `{` or `[` nested deeper than `max`, outside strings and `//`, `/* *\/` comments (the parser
 * skips those whether it accepts them or reports them), or undefined. One pass over the text, strings skipped with
 * `indexOf`, no allocation.
 */
export function findTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const q = text.indexOf('"', i + 1);
        if (q < 0) return undefined;
        let b = q - 1;
        while (text.charCodeAt(b) === 92 /* \ */) b--;
        i = q;
        if ((q - 1 - b) % 2 === 0) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
    i++;
  }
  return undefined;
}
