import { describe, expect, it } from 'vitest';
import { ALL, JsonScanError, JsonScanner } from './json-scan.js';

describe('JsonScanner', () => {
  const text = '{\n  "a": [1, {"b": "x\\"y"}, true],\n  "skip": {"deep": [[[]]]},\n  "k\\u00e9y": null\n}';

  it('records the members a shape asks for, positioned from their key, and skips the rest', () => {
    const root = new JsonScanner(text).scan(0, { keys: { a: { items: {} }, 'kéy': {} } });
    expect([...(root.props?.keys() ?? [])]).toEqual(['a', 'kéy']);
    const a = root.props?.get('a');
    expect(text.slice(a?.start, a?.end)).toBe('"a": [1, {"b": "x\\"y"}, true]');
    expect(a?.items?.map((n) => text.slice(n.start, n.end))).toEqual(['1', '{"b": "x\\"y"}', 'true']);
    expect(a?.items?.[1]?.props).toBeUndefined();
  });

  it('records a whole subtree with ALL, from any offset', () => {
    const scanner = new JsonScanner(text);
    const a = scanner.scan(0, { keys: { a: {} } }).props?.get('a');
    const inner = scanner.scan(text.indexOf('[', a?.start), ALL);
    expect(text.slice(inner.items?.[1]?.props?.get('b')?.start, inner.items?.[1]?.props?.get('b')?.end)).toBe('"b": "x\\"y"');
  });

  it('reports where a document breaks', () => {
    const fault = (t: string): { offset: number; message: string } => {
      try {
        new JsonScanner(t).validate();
      } catch (e) {
        if (e instanceof JsonScanError) return { offset: e.offset, message: e.message };
      }
      return { offset: -1, message: 'no error' };
    };
    expect(fault('{"a": [1, 2')).toEqual({ offset: 11, message: 'unexpected end of the document' });
    expect(fault('{"a": "open')).toMatchObject({ message: 'unterminated string' });
    expect(fault('{"a": tru}')).toEqual({ offset: 6, message: 'unexpected character `t`' });
    expect(fault('{"a" 1}')).toEqual({ offset: 5, message: 'expected `:`' });
    expect(fault('{} []')).toEqual({ offset: 3, message: 'unexpected text after the JSON document' });
    // A backslash before a quote escapes it only when the backslashes before it are odd in number.
    expect(fault('{"a": "x\\\\"}')).toEqual({ offset: -1, message: 'no error' });
  });

  it('skips nesting far deeper than any stack, and stops recording beyond its limit', () => {
    const deep = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => new JsonScanner(deep).validate()).not.toThrow();
    const node = new JsonScanner(deep).scan(0, ALL);
    expect(node.props?.get('x')?.end).toBe(deep.length - 1);
  });
});
