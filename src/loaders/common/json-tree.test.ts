import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from './json-depth.js';
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

describe('readJsonTree on hostile nesting', () => {
  it('refuses nesting deeper than MAX_JSON_DEPTH with a diagnostic instead of exhausting the stack', () => {
    const src = `{"SecurityGroups": [{"GroupId": "sg-1", "Tags": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    const { value, diagnostics } = readJsonTree('e.json', src, { comments: false });
    expect(value).toBeUndefined();
    // The first bracket past the limit: three levels enclose `Tags` (object, list, object).
    const at = src.indexOf('"Tags": ') + '"Tags": '.length + MAX_JSON_DEPTH - 3;
    expect(diagnostics).toEqual([{ code: 'too-deep', severity: 'error', file: 'e.json', line: 1, column: at + 1, message: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels` }]);
  });

  it('counts neither brackets in strings nor, where they are accepted, in comments', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 5);
    const src = `// ${deep}\n[{"name": "${deep}"}]`;
    expect(readJsonTree('e.json', src, { comments: true }).diagnostics).toEqual([]);
  });
});
