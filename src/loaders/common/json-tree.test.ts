import { describe, expect, it } from 'vitest';
import { readJsonTree } from './json-tree.js';
import { asObject, objects, text } from './read.js';

describe('readJsonTree', () => {
  it('reads values with the span of each', () => {
    const src = '{\n  "Groups": [\n    {"Id": "sg-1", "Port": 22},\n    "x"\n  ]\n}';
    const { value, diagnostics } = readJsonTree('e.json', src, { comments: false });
    expect(diagnostics).toEqual([]);
    const groups = asObject(value)?.fields.get('Groups');
    expect(groups?.at).toEqual({ file: 'e.json', line: 2, column: 13, endLine: 5, endColumn: 4 });
    const [first] = objects(groups);
    expect(objects(groups)).toHaveLength(1);
    expect(text(first?.fields.get('Id'))).toBe('sg-1');
    expect(first?.fields.get('Port')).toEqual({ t: 'number', v: 22, at: { file: 'e.json', line: 3, column: 28, endLine: 3, endColumn: 30 } });
  });

  it('reports the first syntax error with its position and loads nothing', () => {
    const { value, diagnostics } = readJsonTree('e.json', '[\n  1,\n  2,\n]', { comments: false });
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual([{ code: 'parse-error', severity: 'error', file: 'e.json', line: 4, column: 1, message: 'invalid JSON: ValueExpected' }]);
  });

  it('accepts comments only when asked to', () => {
    const src = '// exported\n[{"name": "a"}]';
    expect(readJsonTree('e.json', src, { comments: false }).diagnostics[0]).toMatchObject({ code: 'parse-error', line: 1, column: 1 });
    const ok = readJsonTree('e.json', src, { comments: true });
    expect(ok.diagnostics).toEqual([]);
    expect(objects(ok.value)[0]?.at).toMatchObject({ line: 2, column: 2 });
  });
});
