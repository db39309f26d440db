import { describe, expect, it } from 'vitest';
import { LineIndex, lineColumnAt } from './line-index.js';

describe('LineIndex', () => {
  it('turns offsets into 1-based lines and columns', () => {
    const lines = new LineIndex('f.json', 'ab\ncd\n\nef');
    expect(lines.lineCol(0)).toEqual({ line: 1, column: 1 });
    expect(lines.lineCol(4)).toEqual({ line: 2, column: 2 });
    expect(lines.span(7, 9)).toEqual({ file: 'f.json', line: 4, column: 1, endLine: 4, endColumn: 3 });
  });

  it('answers the same whatever order offsets are asked in', () => {
    const text = 'a\nbb\r\n\nccc\ndddd';
    const walk = [0, 1, 2, 3, 5, 6, 7, 8, 11, 12, 14, 15];
    const expected = walk.map((o) => lineColumnAt(text, o));
    const forward = new LineIndex('f', text);
    expect(walk.map((o) => forward.lineCol(o))).toEqual(expected);
    const shuffled = [11, 0, 15, 3, 7, 2, 14, 1, 12, 5, 8, 6];
    const mixed = new LineIndex('f', text);
    expect(shuffled.map((o) => mixed.lineCol(o))).toEqual(shuffled.map((o) => lineColumnAt(text, o)));
    // `\r` is a column of its line; the line ends at `\n`.
    expect(forward.lineCol(5)).toEqual({ line: 2, column: 4 });
  });

  it('spans values across lines, and nodes given by offset and length', () => {
    const text = '{\n  "a": [1,\n    2]\n}';
    const lines = new LineIndex('t.json', text);
    expect(lines.at({ offset: 0, length: text.length })).toEqual({ file: 't.json', line: 1, column: 1, endLine: 4, endColumn: 2 });
    // After the whole object's end, its first child is still found.
    expect(lines.at({ offset: 9, length: 10 })).toEqual({ file: 't.json', line: 2, column: 8, endLine: 3, endColumn: 7 });
    expect(lines.span(4, 7)).toEqual({ file: 't.json', line: 2, column: 3, endLine: 2, endColumn: 6 });
  });
});

describe('lineColumnAt', () => {
  it('counts lines up to the offset and clamps past the end', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
  });
});
